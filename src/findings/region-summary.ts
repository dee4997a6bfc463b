/** Per-region aggregates: counts of sites by rule and status, gaps with their spheres. */
import type { Sphere, TargetKind } from "../types/common.ts";
import type { SiteResult, StatusCounts } from "../types/result.ts";
import { ruleOrder, sortRules } from "./rule-order.ts";
import { meanScore } from "./score.ts";
import { sortSpheres } from "./sphere-names.ts";
import { emptyCounts } from "./status-order.ts";
import type { RegionRef, RegionSummaryExt, RuleSpheres } from "./types.ts";

/**
 * One summary per region of `regions` (in that order, sites 0 when none), then one per region code found only
 * in the sites (named by its code). Sites without a region are left out.
 */
export function summarizeRegions(
  sites: readonly SiteResult[],
  regions: readonly RegionRef[],
): RegionSummaryExt[] {
  const order = ruleOrder(sites);
  const byCode = groupByRegion(sites);
  const refs = withUnlistedRegions(regions, byCode.keys());
  return refs.map((ref) => summarizeRegion(ref, byCode.get(ref.code) ?? [], order));
}

export function groupByRegion(sites: readonly SiteResult[]): Map<string, SiteResult[]> {
  const map = new Map<string, SiteResult[]>();
  for (const site of sites) {
    if (site.region === null) continue;
    const list = map.get(site.region);
    if (list) list.push(site);
    else map.set(site.region, [site]);
  }
  return map;
}

/** The registry's regions plus codes that only the sites mention. */
export function withUnlistedRegions(regions: readonly RegionRef[], codes: Iterable<string>): RegionRef[] {
  const known = new Set(regions.map((r) => r.code));
  const extra = [...new Set(codes)].filter((c) => !known.has(c)).sort();
  return [...regions, ...extra.map((code) => ({ code, name: code }))];
}

function summarizeRegion(
  ref: RegionRef,
  sites: readonly SiteResult[],
  order: readonly string[],
): RegionSummaryExt {
  const byRule: Record<string, StatusCounts> = {};
  const spheresByStatus: Record<"fail" | "unknown" | "warn", Map<string, Set<Sphere>>> = {
    fail: new Map(),
    unknown: new Map(),
    warn: new Map(),
  };
  const sitesByKind: Record<TargetKind, number> = { authority: 0, institution: 0, busgov: 0 };
  let unreachable = 0;

  for (const site of sites) {
    sitesByKind[site.kind]++;
    if (site.status === "unreachable" || site.status === "blocked") unreachable++;
    for (const f of site.findings) {
      byRule[f.rule] ??= emptyCounts();
      byRule[f.rule]![f.status]++;
      if (f.status === "fail" || f.status === "unknown" || f.status === "warn") {
        const spheres = spheresByStatus[f.status];
        const set = spheres.get(f.rule) ?? new Set<Sphere>();
        if (site.sphere) set.add(site.sphere);
        spheres.set(f.rule, set);
      }
    }
  }

  const sortedByRule: Record<string, StatusCounts> = {};
  for (const id of sortRules(Object.keys(byRule), order)) sortedByRule[id] = byRule[id]!;

  return {
    code: ref.code,
    name: ref.name,
    sites: sites.length,
    byRule: sortedByRule,
    gaps: ruleSpheres(spheresByStatus.fail, order),
    district: ref.district ?? null,
    score: meanScore(sites.map((s) => s.score)),
    unknownRules: ruleSpheres(spheresByStatus.unknown, order),
    warnRules: ruleSpheres(spheresByStatus.warn, order),
    sitesByKind,
    unreachable,
  };
}

function ruleSpheres(map: Map<string, Set<Sphere>>, order: readonly string[]): RuleSpheres[] {
  return sortRules(map.keys(), order).map((rule) => ({ rule, spheres: sortSpheres(map.get(rule) ?? []) }));
}

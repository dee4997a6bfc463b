/** National aggregates: regions (not sites) per sphere and rule, ministry-style failing lists, institution coverage. */
import type { Sphere, Status } from "../types/common.ts";
import type { SiteResult, StatusCounts } from "../types/result.ts";
import { groupByRegion, withUnlistedRegions } from "./region-summary.ts";
import { ruleOrder, sortRules } from "./rule-order.ts";
import { MINISTRY_SPHERE_ORDER, sortSpheres } from "./sphere-names.ts";
import { bestStatus, emptyCounts } from "./status-order.ts";
import type {
  CoverageFigure,
  InstitutionCoverage,
  NationalSummaryExt,
  RegionRef,
  RegionSpheres,
} from "./types.ts";

/**
 * `bySphere[sphere][rule]` counts regions by the status of their authority site of that sphere. When a region has
 * several authority sites for one sphere, the best status counts (the region publishes it somewhere).
 * Regions without such a site are counted in `noSite`, never as fail.
 */
export function summarizeNation(
  sites: readonly SiteResult[],
  regions: readonly RegionRef[],
): NationalSummaryExt {
  const order = ruleOrder(sites);
  const byCode = groupByRegion(sites);
  const refs = withUnlistedRegions(regions, byCode.keys());

  const bySphere: Partial<Record<Sphere, Record<string, StatusCounts>>> = {};
  const noSite: Partial<Record<Sphere, number>> = {};
  const failing = new Map<string, RegionSpheres[]>();
  const unknown = new Map<string, RegionSpheres[]>();

  const authoritySpheres = new Set<Sphere>();
  for (const s of sites)
    if (s.kind === "authority" && s.sphere && s.region !== null) authoritySpheres.add(s.sphere);
  const spheres = MINISTRY_SPHERE_ORDER.filter((s) => authoritySpheres.has(s));

  for (const ref of refs) {
    const authority = (byCode.get(ref.code) ?? []).filter((s) => s.kind === "authority");
    const regionFail = new Map<string, Sphere[]>();
    const regionUnknown = new Map<string, Sphere[]>();
    for (const sphere of spheres) {
      const own = authority.filter((s) => s.sphere === sphere);
      if (own.length === 0) {
        noSite[sphere] = (noSite[sphere] ?? 0) + 1;
        continue;
      }
      const counts = bySphere[sphere] ?? {};
      bySphere[sphere] = counts;
      for (const [rule, status] of regionRuleStatuses(own)) {
        counts[rule] ??= emptyCounts();
        counts[rule][status]++;
        if (status === "fail") push(regionFail, rule, sphere);
        if (status === "unknown") push(regionUnknown, rule, sphere);
      }
    }
    for (const [rule, list] of regionFail)
      push(failing, rule, { code: ref.code, name: ref.name, spheres: list });
    for (const [rule, list] of regionUnknown)
      push(unknown, rule, { code: ref.code, name: ref.name, spheres: list });
  }

  for (const sphere of spheres) {
    const counts = bySphere[sphere];
    if (!counts) continue;
    const sorted: Record<string, StatusCounts> = {};
    for (const id of sortRules(Object.keys(counts), order)) sorted[id] = counts[id]!;
    bySphere[sphere] = sorted;
  }

  return {
    regions: refs.length,
    bySphere,
    regionsWithSites: refs.filter((r) => byCode.has(r.code)).length,
    noSite,
    failing: toRecord(failing, order),
    unknown: toRecord(unknown, order),
    institutions: institutionCoverage(sites, order),
  };
}

/** One status per rule for a region's sites of one sphere: the best one. */
export function regionRuleStatuses(sites: readonly SiteResult[]): Map<string, Status> {
  const all = new Map<string, Status[]>();
  for (const site of sites) for (const f of site.findings) push(all, f.rule, f.status);
  const result = new Map<string, Status>();
  for (const [rule, statuses] of all) {
    const best = bestStatus(statuses);
    if (best) result.set(rule, best);
  }
  return result;
}

/** Coverage of institutions (own sites) and bus.gov.ru records; null when the run has neither. */
export function institutionCoverage(
  sites: readonly SiteResult[],
  order: readonly string[] = ruleOrder(sites),
): InstitutionCoverage | null {
  const relevant = sites.filter((s) => s.kind === "institution" || s.kind === "busgov");
  if (relevant.length === 0) return null;
  const byRule: Record<string, CoverageFigure> = {};
  const bySphere: Partial<Record<Sphere, Record<string, CoverageFigure>>> = {};
  for (const site of relevant) {
    for (const f of site.findings) {
      add(figure(byRule, f.rule), f.status);
      if (site.sphere) {
        const sphereFigures = bySphere[site.sphere] ?? {};
        bySphere[site.sphere] = sphereFigures;
        add(figure(sphereFigures, f.rule), f.status);
      }
    }
  }
  const sortedByRule: Record<string, CoverageFigure> = {};
  for (const id of sortRules(Object.keys(byRule), order)) sortedByRule[id] = byRule[id]!;
  const sortedBySphere: Partial<Record<Sphere, Record<string, CoverageFigure>>> = {};
  for (const sphere of sortSpheres(Object.keys(bySphere) as Sphere[]))
    sortedBySphere[sphere] = bySphere[sphere];
  return {
    institutions: relevant.filter((s) => s.kind === "institution").length,
    busgov: relevant.filter((s) => s.kind === "busgov").length,
    byRule: sortedByRule,
    bySphere: sortedBySphere,
    results: byRule["busgov/results"] ?? null,
    plans: byRule["busgov/improvement-plan"] ?? byRule["institution/improvement-plan"] ?? null,
  };
}

function figure(map: Record<string, CoverageFigure>, rule: string): CoverageFigure {
  const existing = map[rule];
  if (existing) return existing;
  const fresh: CoverageFigure = { ...emptyCounts(), total: 0, decided: 0, share: null };
  map[rule] = fresh;
  return fresh;
}

function add(fig: CoverageFigure, status: Status): void {
  fig[status]++;
  fig.total++;
  fig.decided = fig.pass + fig.warn + fig.fail;
  fig.share = fig.decided === 0 ? null : fig.pass / fig.decided;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function toRecord<V>(map: Map<string, V>, order: readonly string[]): Record<string, V> {
  const out: Record<string, V> = {};
  for (const id of sortRules(map.keys(), order)) out[id] = map.get(id)!;
  return out;
}

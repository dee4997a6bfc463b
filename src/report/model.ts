/** What every renderer shows, derived once from the RunResult alone (old runs re-render the same way). */
import { regionRefsOf } from "../findings/aggregate-run.ts";
import { regionRuleStatuses, summarizeNation } from "../findings/national-summary.ts";
import { groupByRegion, summarizeRegions } from "../findings/region-summary.ts";
import { ruleOrder, sortRules } from "../findings/rule-order.ts";
import { MINISTRY_SPHERE_ORDER } from "../findings/sphere-names.ts";
import type { NationalSummaryExt, RegionRef, RegionSummaryExt } from "../findings/types.ts";
import type { Sphere, Status } from "../types/common.ts";
import type { DiffEntry, RunResult, SiteResult } from "../types/result.ts";
import { errorLabel } from "./labels.ts";

export interface MatrixRow {
  region: RegionRef;
  /** The region's authority sites of the sphere (usually one; none when the registry has no site). */
  sites: SiteResult[];
  /** Best status per rule among those sites. */
  statuses: Map<string, Status>;
}

export interface ReportModel {
  run: RunResult;
  /** "check": one or a few sites in detail; "run": the national report. */
  layout: "check" | "run";
  /** Every rule id in report order. */
  rules: string[];
  /** Rules carried by authority sites, in report order. */
  authorityRules: string[];
  regionRefs: RegionRef[];
  regions: RegionSummaryExt[];
  national: NationalSummaryExt;
  /** Spheres with authority sites, ministry order. */
  spheres: Sphere[];
  sitesByRegion: Map<string, SiteResult[]>;
  /** Sites without a region (self-checks). */
  unassigned: SiteResult[];
  matrix: Map<Sphere, MatrixRow[]>;
  changes: DiffEntry[];
  regionName(code: string | null): string;
}

/**
 * Summaries are recomputed from the sites rather than read from `run.regions` / `run.national`, so that a run
 * stored before a field was added renders with it; `run.regions` supplies the region names.
 */
export function buildModel(run: RunResult): ReportModel {
  const layout = run.mode === "run" || (run.mode === "recheck" && run.regions.length > 0) ? "run" : "check";
  const rules = ruleOrder(run.sites, run.rules ?? []);
  const sitesByRegion = groupByRegion(run.sites);
  let regionRefs: RegionRef[] = regionRefsOf(run);
  if (regionRefs.length === 0)
    regionRefs = [...sitesByRegion.keys()].sort().map((code) => ({ code, name: code }));
  const regions = summarizeRegions(run.sites, regionRefs);
  const national = summarizeNation(run.sites, regionRefs);
  const names = new Map(regions.map((r) => [r.code, r.name]));

  const authority = run.sites.filter((s) => s.kind === "authority");
  const authorityRules = sortRules(
    authority.flatMap((s) => s.findings.map((f) => f.rule)),
    rules,
  );
  const present = new Set(authority.filter((s) => s.region !== null).map((s) => s.sphere));
  const spheres = MINISTRY_SPHERE_ORDER.filter((s) => present.has(s));

  const matrix = new Map<Sphere, MatrixRow[]>();
  for (const sphere of spheres) {
    matrix.set(
      sphere,
      regions.map((r) => {
        const sites = (sitesByRegion.get(r.code) ?? []).filter(
          (s) => s.kind === "authority" && s.sphere === sphere,
        );
        return { region: { code: r.code, name: r.name }, sites, statuses: regionRuleStatuses(sites) };
      }),
    );
  }

  return {
    run,
    layout,
    rules,
    authorityRules,
    regionRefs,
    regions,
    national,
    spheres,
    sitesByRegion,
    unassigned: run.sites.filter((s) => s.region === null),
    matrix,
    changes: run.compare?.changes ?? [],
    regionName: (code) => (code === null ? "—" : (names.get(code) ?? code)),
  };
}

/** A site's display name: its name, else its host. */
export function siteLabel(site: SiteResult): string {
  if (site.name) return site.name;
  try {
    return new URL(site.url).host;
  } catch {
    return site.url;
  }
}

/** Sites in reading order: authorities by sphere, then institutions, then bus.gov.ru records. */
export function sortSites(sites: readonly SiteResult[]): SiteResult[] {
  const kindOrder = { authority: 0, institution: 1, busgov: 2 } as const;
  const sphereIndex = (s: Sphere | null) => (s === null ? 99 : MINISTRY_SPHERE_ORDER.indexOf(s));
  return [...sites].sort(
    (a, b) =>
      kindOrder[a.kind] - kindOrder[b.kind] ||
      sphereIndex(a.sphere) - sphereIndex(b.sphere) ||
      (a.name ?? a.url).localeCompare(b.name ?? b.url, "ru"),
  );
}

/** Counts of a site's findings by status. */
export function siteCounts(site: SiteResult): Record<Status, number> {
  const c: Record<Status, number> = { pass: 0, warn: 0, fail: 0, unknown: 0, "n/a": 0 };
  for (const f of site.findings) c[f.status]++;
  return c;
}

/** Short report titles per layout. */
export function reportTitle(model: ReportModel): string {
  return model.layout === "run"
    ? "Мониторинг размещения информации о независимой оценке качества"
    : "Проверка сайта: размещение информации о независимой оценке качества";
}

/**
 * One sentence for a site that could not be read at all (every rule unknown), so that reports say it once
 * instead of repeating it per rule; null when the site was read.
 */
export function unreadableNote(site: SiteResult): string | null {
  if (site.status !== "unreachable" && site.status !== "blocked") return null;
  if (!site.findings.every((f) => f.status === "unknown" || f.status === "n/a")) return null;
  const what = site.status === "blocked" ? "Доступ к сайту заблокирован" : "Сайт недоступен";
  const why = site.error
    ? ` (${errorLabel(site.error.code)}${site.error.message ? `: ${site.error.message}` : ""})`
    : "";
  return `${what}${why}: ни одно требование проверить не удалось.`;
}

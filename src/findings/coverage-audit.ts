/**
 * The coverage audit: of the registry's institutions, how many have НОК results on bus.gov.ru for a rating
 * year within the last three years (the ministry's target — every organisation assessed at least once in
 * three years, 392-ФЗ; seed 003's «100% охвата»). Read from each institution's `busgov/results` verdict, so
 * the window is the rule's (results for the as-of year minus 3 or later): pass → covered, fail → not covered
 * (no card, no results, or older ones), unknown → could not tell (bus.gov.ru unreadable) and never counted
 * as not covered, n/a (sport after 2015) → outside the audit. Institutions in the run without an ИНН or
 * bus.gov.ru id have no bus.gov.ru record to read: counted apart as not checked.
 */
import type { Sphere } from "../types/common.ts";
import type { SiteResult } from "../types/result.ts";
import { sortSpheres } from "./sphere-names.ts";

export const COVERAGE_RULE = "busgov/results";
/** The rule's window (maxAgeYears in rules/busgov/results.yaml). */
export const COVERAGE_YEARS = 3;

export interface CoverageCount {
  covered: number;
  notCovered: number;
  /** bus.gov.ru could not be read: neither covered nor not. */
  unknown: number;
  /** Institutions of the run without ИНН / bus.gov.ru id (no record to read). */
  notChecked: number;
  /** covered / (covered + notCovered), null when none decided. */
  share: number | null;
}

export interface CoverageGap {
  region: string | null;
  sphere: Sphere | null;
  name: string | null;
  /** The bus.gov.ru record (card or search) behind the verdict. */
  url: string;
  /** Year of the newest results, null when there are none (or no card). */
  latestYear: number | null;
  /** Russian: why it is not covered (the verdict's message). */
  reason: string;
}

export interface CoverageAudit {
  /** Results count when their rating year is in [fromYear, toYear]. */
  fromYear: number;
  toYear: number;
  total: CoverageCount;
  bySphere: Partial<Record<Sphere, CoverageCount>>;
  notCovered: CoverageGap[];
}

export interface NationalCoverageAudit extends CoverageAudit {
  byRegion: {
    code: string;
    name: string;
    total: CoverageCount;
    bySphere: Partial<Record<Sphere, CoverageCount>>;
  }[];
}

export function emptyCoverage(): CoverageCount {
  return { covered: 0, notCovered: 0, unknown: 0, notChecked: 0, share: null };
}

function finish(c: CoverageCount): CoverageCount {
  const decided = c.covered + c.notCovered;
  c.share = decided === 0 ? null : c.covered / decided;
  return c;
}

/** The audit over some sites (one region's, or the whole run's); null when the run has no institutions. */
export function coverageAudit(sites: readonly SiteResult[], asOf: string): CoverageAudit | null {
  const toYear = Number(asOf.slice(0, 4));
  const total = emptyCoverage();
  const bySphere: Partial<Record<Sphere, CoverageCount>> = {};
  const notCovered: CoverageGap[] = [];
  const counted = (s: SiteResult): CoverageCount[] => {
    if (!s.sphere) return [total];
    bySphere[s.sphere] ??= emptyCoverage();
    return [total, bySphere[s.sphere]!];
  };
  let any = false;
  /** Busgov records per region/sphere, to tell institutions without one. */
  const records = new Map<string, number>();
  const cell = (s: SiteResult) => `${s.region ?? ""}/${s.sphere ?? ""}`;
  for (const s of sites) {
    if (s.kind !== "busgov") continue;
    any = true;
    records.set(cell(s), (records.get(cell(s)) ?? 0) + 1);
    const f = s.findings.find((x) => x.rule === COVERAGE_RULE);
    if (!f || f.status === "n/a") continue;
    const field: keyof CoverageCount =
      f.status === "pass" || f.status === "warn" ? "covered" : f.status === "fail" ? "notCovered" : "unknown";
    for (const c of counted(s)) c[field]++;
    if (field === "notCovered") {
      const latest = f.details.latestYear;
      notCovered.push({
        region: s.region,
        sphere: s.sphere,
        name: s.name,
        url: s.finalUrl || s.url,
        latestYear: typeof latest === "number" ? latest : null,
        reason: f.message,
      });
    }
  }
  // Every institution with an ИНН/id is followed by its bus.gov.ru record: the surplus had none.
  const institutions = new Map<string, SiteResult[]>();
  for (const s of sites)
    if (s.kind === "institution" && s.sphere !== "sport") {
      any = true;
      const list = institutions.get(cell(s)) ?? [];
      list.push(s);
      institutions.set(cell(s), list);
    }
  for (const [key, list] of institutions) {
    const missing = list.length - (records.get(key) ?? 0);
    for (let i = 0; i < missing; i++) for (const c of counted(list[0]!)) c.notChecked++;
  }
  if (!any) return null;
  finish(total);
  const sorted: Partial<Record<Sphere, CoverageCount>> = {};
  for (const sphere of sortSpheres(Object.keys(bySphere) as Sphere[]))
    sorted[sphere] = finish(bySphere[sphere]!);
  notCovered.sort(
    (a, b) =>
      (a.region ?? "").localeCompare(b.region ?? "") ||
      (a.sphere ?? "").localeCompare(b.sphere ?? "") ||
      (a.name ?? "").localeCompare(b.name ?? "", "ru"),
  );
  return { fromYear: toYear - COVERAGE_YEARS, toYear, total, bySphere: sorted, notCovered };
}

/** The national audit: the whole run plus one row per region that has institutions. */
export function nationalCoverageAudit(
  sites: readonly SiteResult[],
  regions: readonly { code: string; name: string }[],
  asOf: string,
): NationalCoverageAudit | null {
  const all = coverageAudit(sites, asOf);
  if (!all) return null;
  const byRegion: NationalCoverageAudit["byRegion"] = [];
  for (const r of regions) {
    const own = coverageAudit(
      sites.filter((s) => s.region === r.code),
      asOf,
    );
    if (own) byRegion.push({ code: r.code, name: r.name, total: own.total, bySphere: own.bySphere });
  }
  return { ...all, byRegion };
}

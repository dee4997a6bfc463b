/** What one region's letter says, taken from the RunResult alone (letters re-render from any stored run). */
import { MINISTRY_SPHERE_ORDER } from "../findings/sphere-names.ts";
import { errorLabel, ruleFailureTitle, ruleTitle } from "../report/labels.ts";
import type { Sphere, TargetKind } from "../types/common.ts";
import type { Finding, RunResult, SiteResult } from "../types/result.ts";

/** One missing (or stale) item on one site, with the addresses the check looked at. */
export interface LetterGap {
  rule: string;
  title: string;
  message: string;
  urls: string[];
}

/** An authority's site and what is missing there. */
export interface LetterAuthority {
  name: string | null;
  url: string;
  gaps: LetterGap[];
  /** `warn`: published but stale or incomplete. */
  stale: LetterGap[];
}

/** Institutions of one sphere that miss the same rule: many sites stay readable as one item. */
export interface LetterInstitutionGap {
  rule: string;
  title: string;
  sites: { name: string | null; url: string; kind: TargetKind; urls: string[] }[];
}

export interface LetterSphere {
  sphere: Sphere | null;
  authorities: LetterAuthority[];
  institutions: LetterInstitutionGap[];
}

/** A site (or some of its rules) that could not be checked: never a gap, listed apart with the reason. */
export interface LetterUnchecked {
  sphere: Sphere | null;
  name: string | null;
  url: string;
  /** The whole site when it could not be read; otherwise the undecided rules with their reasons. */
  siteReason: string | null;
  rules: { rule: string; title: string; reason: string }[];
}

export interface RegionLetterModel {
  code: string;
  name: string;
  runId: string;
  asOf: string;
  spheres: LetterSphere[];
  unchecked: LetterUnchecked[];
  /** Number of `fail` findings in the letter. */
  gapCount: number;
}

const MAX_URLS_PER_GAP = 6;

/** The letter model of one region, or null when the region has no gap (such regions get no letter). */
export function regionLetterModel(
  run: RunResult,
  code: string,
  name: string,
  /** Site start URL → the pages the run read there (see pagesRead); named for items not found. */
  read: ReadonlyMap<string, string[]> = new Map(),
): RegionLetterModel | null {
  const sites = run.sites.filter((s) => s.region === code);
  const spheres = new Map<Sphere | null, LetterSphere>();
  const sphereOf = (sphere: Sphere | null): LetterSphere => {
    let entry = spheres.get(sphere);
    if (!entry) {
      entry = { sphere, authorities: [], institutions: [] };
      spheres.set(sphere, entry);
    }
    return entry;
  };
  const unchecked: LetterUnchecked[] = [];
  let gapCount = 0;
  for (const site of sites) {
    const fails = site.findings.filter((f) => f.status === "fail");
    const warns = site.findings.filter((f) => f.status === "warn");
    gapCount += fails.length;
    if (site.kind === "authority") {
      if (fails.length || warns.length) {
        sphereOf(site.sphere).authorities.push({
          name: site.name,
          url: site.finalUrl || site.url,
          gaps: fails.map((f) => gapOf(run, site, f, read)),
          stale: warns.map((f) => gapOf(run, site, f, read)),
        });
      }
    } else {
      for (const f of fails) {
        const group = sphereOf(site.sphere);
        let item = group.institutions.find((g) => g.rule === f.rule);
        if (!item) {
          item = { rule: f.rule, title: ruleFailureTitle(run, f.rule), sites: [] };
          group.institutions.push(item);
        }
        item.sites.push({
          name: site.name,
          url: site.finalUrl || site.url,
          kind: site.kind,
          urls: gapOf(run, site, f, read).urls,
        });
      }
    }
    const unknown = site.findings.filter((f) => f.status === "unknown");
    if (unknown.length) unchecked.push(uncheckedOf(run, site, unknown));
  }
  if (gapCount === 0) return null;
  const order = (s: Sphere | null) => (s === null ? 99 : MINISTRY_SPHERE_ORDER.indexOf(s));
  const list = [...spheres.values()]
    .filter((s) => s.authorities.some((a) => a.gaps.length) || s.institutions.length)
    .sort((a, b) => order(a.sphere) - order(b.sphere));
  unchecked.sort((a, b) => order(a.sphere) - order(b.sphere));
  return { code, name, runId: run.runId, asOf: run.asOf, spheres: list, unchecked, gapCount };
}

function gapOf(run: RunResult, site: SiteResult, f: Finding, read: ReadonlyMap<string, string[]>): LetterGap {
  return {
    rule: f.rule,
    title: f.status === "fail" ? ruleFailureTitle(run, f.rule) : f.title || ruleTitle(run, f.rule),
    message: f.message,
    urls: lookedAt(site, f, read.get(site.url)),
  };
}

/**
 * What the check looked at for this rule: the evidence it weighed (a regulation found without NOK powers, a stale
 * list), the candidates it rejected and the documents it could not read — else the NOK-related pages the run read
 * on the site, else the site itself.
 */
export function lookedAt(site: SiteResult, f: Finding, pagesRead: readonly string[] = []): string[] {
  const urls = new Set<string>();
  for (const e of f.evidence) urls.add(e.url);
  collectUrls(f.details, urls, 0);
  // Nothing specific to the rule: the places on the site where such items are published, as the run read them.
  if (urls.size === 0) for (const u of pagesRead) urls.add(u);
  if (urls.size === 0) urls.add(site.finalUrl || site.url);
  return [...urls].slice(0, MAX_URLS_PER_GAP);
}

function collectUrls(value: unknown, out: Set<string>, depth: number): void {
  if (depth > 3 || value === null || value === undefined) return;
  if (typeof value === "string") {
    if (/^https?:\/\//.test(value)) out.add(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) collectUrls(v, out, depth + 1);
    return;
  }
  if (typeof value === "object") for (const v of Object.values(value)) collectUrls(v, out, depth + 1);
}

function uncheckedOf(run: RunResult, site: SiteResult, unknown: Finding[]): LetterUnchecked {
  const siteDown = site.status === "unreachable" || site.status === "blocked";
  const siteReason = siteDown
    ? `сайт ${site.status === "blocked" ? "заблокировал доступ" : "недоступен"}${site.error ? ` (${errorLabel(site.error.code)})` : ""}`
    : null;
  return {
    sphere: site.sphere,
    name: site.name,
    url: site.finalUrl || site.url,
    siteReason,
    rules: unknown.map((f) => ({ rule: f.rule, title: ruleTitle(run, f.rule), reason: f.message })),
  };
}

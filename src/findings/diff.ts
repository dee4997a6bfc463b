/** Changes between two runs, per site and rule: what the monthly report calls new gaps, fixes and so on. */
import type { Status } from "../types/common.ts";
import type { DiffEntry, RunResult, SiteResult } from "../types/result.ts";
import { isDecided } from "./status-order.ts";

/**
 * Sites are matched by kind + normalised URL (start or final URL), else by kind + region + sphere when that
 * triple names exactly one site in each run (an authority that moved its site). Rules are matched by id.
 * Categories: `new-gap` (was pass/warn — or undecided or absent — now fail), `fixed` (was fail/warn/unknown, now
 * pass), `still-missing` (fail both times), `newly-unknown` (was decided, now unknown), `new-site` (one entry per
 * finding of a site with no match). Unchanged verdicts and sites that disappeared produce no entry.
 */
export function diffRuns(previous: RunResult, current: RunResult): DiffEntry[] {
  const match = matchSites(previous.sites, current.sites);
  const out: DiffEntry[] = [];
  for (const site of current.sites) {
    const before = match.get(site);
    const base = { site: site.url, region: site.region, sphere: site.sphere };
    if (!before) {
      for (const f of site.findings)
        out.push({ ...base, rule: f.rule, before: null, after: f.status, change: "new-site" });
      continue;
    }
    const prevStatus = new Map(before.findings.map((f) => [f.rule, f.status]));
    for (const f of site.findings) {
      const was = prevStatus.get(f.rule) ?? null;
      const change = classify(was, f.status);
      if (change) out.push({ ...base, rule: f.rule, before: was, after: f.status, change });
    }
  }
  return out;
}

export function classify(before: Status | null, after: Status): DiffEntry["change"] | null {
  if (after === "fail") return before === "fail" ? "still-missing" : "new-gap";
  if (after === "pass")
    return before === "fail" || before === "warn" || before === "unknown" ? "fixed" : null;
  if (after === "unknown") return before !== null && isDecided(before) ? "newly-unknown" : null;
  return null;
}

/** Current site → matching previous site. */
export function matchSites(
  previous: readonly SiteResult[],
  current: readonly SiteResult[],
): Map<SiteResult, SiteResult> {
  const byUrl = new Map<string, SiteResult>();
  for (const site of previous) {
    for (const key of urlKeys(site)) if (!byUrl.has(key)) byUrl.set(key, site);
  }
  const result = new Map<SiteResult, SiteResult>();
  const used = new Set<SiteResult>();
  for (const site of current) {
    const found = urlKeys(site)
      .map((k) => byUrl.get(k))
      .find((s) => s !== undefined && !used.has(s));
    if (found) {
      result.set(site, found);
      used.add(found);
    }
  }
  // Fallback for moved sites: only when region + sphere + kind is unambiguous on both sides.
  const prevByPlace = uniqueByPlace(previous.filter((s) => !used.has(s)));
  const curByPlace = uniqueByPlace(current.filter((s) => !result.has(s)));
  for (const [place, site] of curByPlace) {
    const prev = prevByPlace.get(place);
    if (prev) result.set(site, prev);
  }
  return result;
}

function urlKeys(site: SiteResult): string[] {
  const keys = [site.url, site.finalUrl].filter(Boolean).map((u) => `${site.kind} ${normalizeSiteUrl(u)}`);
  return [...new Set(keys)];
}

function uniqueByPlace(sites: readonly SiteResult[]): Map<string, SiteResult> {
  const counts = new Map<string, SiteResult[]>();
  for (const s of sites) {
    if (s.region === null) continue;
    const key = `${s.kind} ${s.region} ${s.sphere ?? ""}`;
    counts.set(key, [...(counts.get(key) ?? []), s]);
  }
  const out = new Map<string, SiteResult>();
  for (const [key, list] of counts) if (list.length === 1) out.set(key, list[0]!);
  return out;
}

/**
 * A site identity key: scheme, `www.`, default port, trailing slash, fragment and case of the host do not
 * distinguish sites. Unparseable input is compared as trimmed lower-case text.
 */
export function normalizeSiteUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim().toLowerCase();
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  const port = u.port && u.port !== "80" && u.port !== "443" ? `:${u.port}` : "";
  const path = u.pathname.replace(/\/+$/, "");
  return `${host}${port}${path}${u.search}`;
}

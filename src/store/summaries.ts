/** What the store keeps of a run: counts, per-rule verdicts and one summary per site (never pages). */
import { type SiteResult, STATUSES, type StatusCounts } from "../types/index.ts";
import type { RunCounts, SiteSummaryRecord } from "./types.ts";

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function siteSummaryOf(runId: string, site: SiteResult): SiteSummaryRecord {
  const counts = emptyStatusCounts();
  for (const f of site.findings) counts[f.status]++;
  return {
    runId,
    url: site.url,
    name: site.name,
    region: site.region,
    sphere: site.sphere,
    kind: site.kind,
    status: site.status,
    score: site.score,
    counts,
  };
}

export function runCountsOf(sites: readonly SiteResult[], planned: number): RunCounts {
  const counts: RunCounts = {
    planned,
    done: sites.length,
    sites: { ok: 0, partial: 0, unreachable: 0, blocked: 0 },
    findings: emptyStatusCounts(),
    pages: 0,
    errors: 0,
  };
  for (const site of sites) {
    counts.sites[site.status]++;
    counts.pages += site.crawl.pages;
    counts.errors += site.crawl.errors;
    for (const f of site.findings) counts.findings[f.status]++;
  }
  return counts;
}

export function byRuleOf(sites: readonly SiteResult[]): Record<string, StatusCounts> {
  const out: Record<string, StatusCounts> = {};
  for (const site of sites) {
    for (const f of site.findings) {
      out[f.rule] ??= emptyStatusCounts();
      out[f.rule]![f.status]++;
    }
  }
  return out;
}

/** Fills a RunResult's derived parts (site scores, region and national summaries, the diff) from its sites. */
import type { RunResult, SiteResult } from "../types/result.ts";
import { coverageAudit, nationalCoverageAudit } from "./coverage-audit.ts";
import { diffRuns } from "./diff.ts";
import { summarizeNation } from "./national-summary.ts";
import { summarizeRegions } from "./region-summary.ts";
import { siteScore, weightsFromRules } from "./score.ts";
import type { RegionRef, RegionSummaryExt } from "./types.ts";

export interface AggregateOptions {
  /** The registry's regions; defaults to those the run already lists. */
  regions?: readonly RegionRef[];
  /** Score weights by rule id; default: by severity from `run.rules`. */
  weights?: Record<string, number>;
  /** A previous run to diff against (sets `compare`). */
  previous?: RunResult | null;
}

/** Pure: returns a new RunResult. Summaries are filled for mode "run" and "recheck" (empty / null for "check"). */
export function aggregateRun(run: RunResult, options: AggregateOptions = {}): RunResult {
  const weights = options.weights ?? weightsFromRules(run.rules ?? []);
  const sites = run.sites.map((s) => ({ ...s, score: siteScore(s.findings, weights) }));
  const regions = options.regions ?? regionRefsOf(run);
  const withSummaries = run.mode !== "check";
  const next: RunResult = {
    ...run,
    sites,
    regions: withSummaries ? withCoverage(summarizeRegions(sites, regions), sites, run.asOf) : run.regions,
    national: withSummaries
      ? { ...summarizeNation(sites, regions), coverage: nationalCoverageAudit(sites, regions, run.asOf) }
      : run.national,
  };
  if (options.previous) {
    next.compare = {
      runId: options.previous.runId,
      asOf: options.previous.asOf,
      changes: diffRuns(options.previous, next),
    };
  }
  return next;
}

/** Each region's coverage audit (its institutions' bus.gov.ru results within 3 years). */
function withCoverage(
  summaries: RegionSummaryExt[],
  sites: readonly SiteResult[],
  asOf: string,
): RegionSummaryExt[] {
  return summaries.map((r) => ({
    ...r,
    coverage: coverageAudit(
      sites.filter((s) => s.region === r.code),
      asOf,
    ),
  }));
}

/** The regions a stored run names (code, name and district when present). */
export function regionRefsOf(run: RunResult): RegionRef[] {
  return run.regions.map((r) => {
    const ref: RegionRef = { code: r.code, name: r.name };
    if (typeof r.district === "string") ref.district = r.district;
    return ref;
  });
}

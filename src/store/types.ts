/** Shapes of the lowdb store (`<data dir>/nok.json`): runs, per-site summaries, and what history needs. */
import type { Sphere, Status, StatusCounts, TargetKind } from "../types/index.ts";

export const STORE_SCHEMA = "nok-monitor/store@1" as const;

export type RunStatus = "running" | "finished" | "failed" | "interrupted";

export interface RunFilters {
  regions: string[];
  spheres: Sphere[];
  kinds: TargetKind[];
}

export interface RunCounts {
  /** Sites in the plan. */
  planned: number;
  /** Sites checked so far (final when the run finished). */
  done: number;
  /** Sites by crawl status. */
  sites: Record<"ok" | "partial" | "unreachable" | "blocked", number>;
  /** All findings by verdict. */
  findings: StatusCounts;
  pages: number;
  errors: number;
}

export interface RunRecord {
  id: string;
  mode: "check" | "run" | "recheck";
  status: RunStatus;
  asOf: string;
  startedAt: string;
  finishedAt: string | null;
  registryFiles: string[];
  filters: RunFilters;
  counts: RunCounts;
  /** Verdict counts per rule over all sites (the per-rule trend reads these). */
  byRule: Record<string, StatusCounts>;
  /** result.json of the run, absolute; null until finished. */
  resultPath: string | null;
  snapshotsDir: string;
  /** recheck: the run whose snapshots were re-judged. */
  sourceRunId: string | null;
  /** The run this one was compared with. */
  compareRunId: string | null;
  /** Why it failed or was interrupted (Russian). */
  error: string | null;
  /** Process that ran it last: `host:pid`. */
  process: string | null;
}

export interface SiteSummaryRecord {
  runId: string;
  url: string;
  name: string | null;
  region: string | null;
  sphere: Sphere | null;
  kind: TargetKind;
  status: "ok" | "partial" | "unreachable" | "blocked";
  score: number | null;
  counts: Record<Status, number>;
}

export interface StoreData {
  schema: typeof STORE_SCHEMA;
  runs: RunRecord[];
  sites: SiteSummaryRecord[];
}

export interface RuleTrendPoint {
  runId: string;
  asOf: string;
  finishedAt: string | null;
  counts: StatusCounts;
}

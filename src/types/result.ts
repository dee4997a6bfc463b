/** RunResult and friends: the public JSON contract (shared/contract.md §2). */
import type { CrawlError, Sphere, Status, TargetKind } from "./common.ts";

export const RUN_RESULT_SCHEMA = "nok-monitor/run-result@1" as const;

export interface Evidence {
  url: string;
  excerpt: string;
  /** `sha256:<hex>` of the stored body the excerpt comes from. */
  snapshot: string | null;
  linkText: string | null;
  depth: number | null;
  date: string | null;
}

export interface Finding {
  rule: string;
  status: Status;
  title: string;
  message: string;
  evidence: Evidence[];
  details: Record<string, unknown>;
}

export interface SiteCrawlFigures {
  pages: number;
  documents: number;
  bytes: number;
  errors: number;
  skippedByRobots: number;
  budgetExhausted: boolean;
  durationMs: number;
}

export interface SiteResult {
  url: string;
  finalUrl: string;
  kind: TargetKind;
  region: string | null;
  sphere: Sphere | null;
  name: string | null;
  status: "ok" | "partial" | "unreachable" | "blocked";
  error: CrawlError | null;
  crawl: SiteCrawlFigures;
  score: number | null;
  findings: Finding[];
}

export type StatusCounts = Record<Status, number>;

export interface RegionSummary {
  code: string;
  name: string;
  sites: number;
  byRule: Record<string, StatusCounts>;
  gaps: { rule: string; spheres: Sphere[] }[];
  [extra: string]: unknown;
}

export interface NationalSummary {
  regions: number;
  bySphere: Partial<Record<Sphere, Record<string, StatusCounts>>>;
  [extra: string]: unknown;
}

/** Rule metadata carried in the RunResult (an added field) so reports render from the JSON alone. */
export interface RuleInfo {
  id: string;
  kind: TargetKind;
  title: string;
  failureTitle: string;
  description: string;
  legal: string[];
  severity: "critical" | "major" | "minor";
}

/** Added field: per-site diff against a previous run. */
export interface DiffEntry {
  site: string;
  region: string | null;
  sphere: Sphere | null;
  rule: string;
  before: Status | null;
  after: Status;
  change: "new-gap" | "fixed" | "still-missing" | "newly-unknown" | "new-site";
}

export interface RunResult {
  schema: typeof RUN_RESULT_SCHEMA;
  tool: { name: "nok-monitor"; version: string };
  runId: string;
  mode: "check" | "run" | "recheck";
  asOf: string;
  startedAt: string;
  finishedAt: string;
  sites: SiteResult[];
  regions: RegionSummary[];
  national: NationalSummary | null;
  /** Added: metadata of every rule that was evaluated. */
  rules?: RuleInfo[];
  /** Added: the run this one is compared with, and the changes. */
  compare?: { runId: string; asOf: string; changes: DiffEntry[] } | null;
  [extra: string]: unknown;
}

import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createHttpFetcher, createPool, DEFAULT_BUDGET, type HostPool } from "../crawl/index.ts";
import { weightsFromRules } from "../findings/score.ts";
import { loadRules, ruleInfo } from "../rules/index.ts";
import { openRunWriter, runDir } from "../snapshot/index.ts";
import { defaultSnapshotsDir } from "../store/paths.ts";
import type {
  CrawlBudget,
  Fetcher,
  RuleDef,
  RunResult,
  SiteResult,
  Sphere,
  TargetKind,
} from "../types/index.ts";
import { UsageError } from "../util/errors.ts";
import { ArtifactCache } from "./artifact-cache.ts";
import { checkSite, type SiteProgress } from "./check-site.ts";
import { PreviousRuns } from "./previous-run.ts";
import { newRunId, todayIso } from "./run-id.ts";
import { buildRunResult } from "./run-result.ts";

export interface CheckOptions {
  kind?: TargetKind;
  sphere?: Sphere | null;
  region?: string | null;
  name?: string | null;
  maxPages?: number;
  asOf?: string;
  snapshotsDir?: string;
  rulesDir?: string;
  /** Injected for tests and the demo (name mapping); defaults to an undici fetcher. */
  fetcher?: Fetcher;
  pool?: HostPool;
  budget?: Partial<CrawlBudget>;
  respectRobots?: boolean;
  /** Reuse earlier snapshots (conditional requests, evidence-first seeds, cached extraction). Default true. */
  reuse?: boolean;
  onProgress?: (p: SiteProgress) => void;
  signal?: AbortSignal;
}

/** Loads the rules and fails as a usage error when a rule file is broken: judging with half the rules is wrong. */
export function loadRulesOrThrow(dir?: string): RuleDef[] {
  const { rules, errors } = loadRules(dir);
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
    throw new UsageError(`ошибки в файлах правил:\n${lines.join("\n")}`);
  }
  return rules;
}

/** Checks sites with one shared fetcher and politeness pool; returns the RunResult (mode "check"). */
export async function checkSites(
  targets: {
    url: string;
    kind: TargetKind;
    sphere: Sphere | null;
    region: string | null;
    name: string | null;
  }[],
  options: CheckOptions = {},
): Promise<RunResult> {
  const rules = loadRulesOrThrow(options.rulesDir);
  const asOf = options.asOf ?? todayIso();
  const runId = newRunId("check");
  const startedAt = new Date().toISOString();
  const snapshotsDir = resolve(options.snapshotsDir ?? defaultSnapshotsDir());
  const writer = openRunWriter(snapshotsDir, runId);
  const fetcher = options.fetcher ?? createHttpFetcher();
  const pool = options.pool ?? createPool();
  const budget: CrawlBudget = {
    ...DEFAULT_BUDGET,
    ...options.budget,
    ...(options.maxPages ? { maxPages: options.maxPages } : {}),
  };
  const weights = weightsFromRules(rules.map(ruleInfo));
  const reuse = options.reuse ?? true;
  const previousRuns = new PreviousRuns(snapshotsDir);
  const artifactCache = new ArtifactCache(reuse ? snapshotsDir : null);
  try {
    const sites: SiteResult[] = await Promise.all(
      targets.map(async (t) => {
        const prev = reuse ? await previousRuns.forSite(t.url) : null;
        return checkSite(t, {
          fetcher,
          pool,
          budget,
          rules,
          weights,
          asOf,
          writer,
          artifactCache,
          ...(prev ? { previous: prev.entries, readPrevious: prev.readBody, seeds: prev.seeds } : {}),
          ...(options.respectRobots === undefined ? {} : { respectRobots: options.respectRobots }),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      }),
    );
    const run = buildRunResult({ runId, mode: "check", asOf, startedAt, sites, rules });
    // Kept beside the snapshots so `nok recheck` can re-judge the run offline.
    await mkdir(runDir(snapshotsDir, runId), { recursive: true });
    await writeFile(join(runDir(snapshotsDir, runId), "result.json"), JSON.stringify(run));
    await previousRuns.remember(
      runId,
      sites.filter((s) => s.status === "ok" || s.status === "partial").map((s) => s.url),
    );
    return run;
  } finally {
    if (!options.fetcher) await fetcher.close?.();
  }
}

/** What the HTML report shows beyond the run itself: earlier national runs (for trends) and the run's disputes. */
import { openDisputes } from "../disputes/store.ts";
import type { HtmlOptions } from "../report/html.ts";
import {
  defaultDataDir,
  defaultSnapshotsDir,
  openStore,
  readRunResult,
  resultPathOf,
} from "../store/index.ts";
import type { RunResult } from "../types/result.ts";

/** A year of monthly runs. */
const MAX_RUNS = 12;

export interface ReportExtrasOptions {
  dataDir?: string;
  snapshotsDir?: string;
}

/** Never fails the report: a run whose result cannot be read is left out of the trend. */
export async function reportExtras(run: RunResult, opts: ReportExtrasOptions = {}): Promise<HtmlOptions> {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const snapshotsDir = opts.snapshotsDir ?? defaultSnapshotsDir();
  const disputes = await openDisputes(dataDir)
    .list({ runId: run.runId })
    .catch(() => []);
  if (run.mode !== "run") return disputes.length ? { disputes } : {};
  const earlier = (
    await openStore(dataDir)
      .listRuns({ mode: "run", status: "finished" })
      .catch(() => [])
  )
    .filter((r) => r.id !== run.runId && r.startedAt < run.startedAt)
    .slice(-(MAX_RUNS - 1));
  const history = (
    await Promise.all(
      earlier.map((r) => readRunResult(r.resultPath ?? resultPathOf(snapshotsDir, r.id)).catch(() => null)),
    )
  ).filter((r): r is RunResult => r !== null);
  return { history, ...(disputes.length ? { disputes } : {}) };
}

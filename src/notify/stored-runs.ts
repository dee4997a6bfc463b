/** A stored run and the one before it: what letters, notifications and disputes start from. */
import { diffRuns } from "../findings/diff.ts";
import {
  defaultDataDir,
  defaultSnapshotsDir,
  openStore,
  readRunResult,
  resolveStoredRun,
} from "../store/index.ts";
import type { RunResult } from "../types/result.ts";

export interface StoredRunOptions {
  dataDir?: string;
  snapshotsDir?: string;
}

/** The RunResult of `ref` (a run id or `latest`). */
export async function loadStoredRun(ref: string, opts: StoredRunOptions = {}): Promise<RunResult> {
  const store = openStore(opts.dataDir ?? defaultDataDir());
  const located = await resolveStoredRun(ref, store, opts.snapshotsDir ?? defaultSnapshotsDir());
  return readRunResult(located.path);
}

/**
 * The run with its comparison against the previous finished run of the same mode (a recheck: the run it
 * re-judged). Without a previous run the stored comparison, if any, stays; `previous` is then null.
 */
export async function loadRunWithPrevious(
  ref: string,
  opts: StoredRunOptions = {},
): Promise<{ run: RunResult; previous: RunResult | null }> {
  const store = openStore(opts.dataDir ?? defaultDataDir());
  const snapshotsDir = opts.snapshotsDir ?? defaultSnapshotsDir();
  const run = await readRunResult((await resolveStoredRun(ref, store, snapshotsDir)).path);
  const record = await store.getRun(run.runId);
  const prevId =
    run.mode === "recheck"
      ? (record?.sourceRunId ?? null)
      : ((await store.previousFinished(run.runId, run.mode))?.id ?? null);
  if (!prevId) return { run, previous: null };
  const previous = await readRunResult((await resolveStoredRun(prevId, store, snapshotsDir)).path);
  return {
    run: {
      ...run,
      compare: { runId: previous.runId, asOf: previous.asOf, changes: diffRuns(previous, run) },
    },
    previous,
  };
}

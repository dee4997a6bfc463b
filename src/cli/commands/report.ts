import { resolve } from "node:path";
import type { Command } from "commander";
import type { RunResult } from "../../types/index.ts";

type Store = ReturnType<typeof import("../../index.ts").openStore>;

import { deliverRun } from "../deliver-run.ts";

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("заново построить отчёты сохранённого прогона (по умолчанию со сравнением с предыдущим)")
    .argument("<run-id>", "идентификатор прогона или latest (последний завершённый)")
    .option("--format <list>", "форматы отчётов: html,md,xlsx,csv,json", "html,md,xlsx,json")
    .option("--compare <run-id>", "сравнить с этим прогоном (по умолчанию — с предыдущим завершённым)")
    .option("--no-compare", "без сравнения")
    .option("--out <dir>", "папка для отчётов (по умолчанию reports/<run-id>)")
    .option("--json", "вывести RunResult в stdout (и ничего больше)")
    .action(async (ref: string, opts) => {
      const {
        defaultDataDir,
        defaultReportsDir,
        defaultSnapshotsDir,
        openStore,
        parseFormats,
        readRunResult,
        resolveStoredRun,
      } = await import("../../index.ts");
      const formats = parseFormats(opts.format);
      const snapshotsDir = defaultSnapshotsDir();
      const store = openStore(defaultDataDir());
      const located = await resolveStoredRun(ref, store, snapshotsDir);
      let run = await readRunResult(located.path);
      if (opts.compare !== false) run = await withCompare(run, opts.compare, store, snapshotsDir);
      const out = resolve(opts.out ?? defaultReportsDir(run.runId));
      await deliverRun(run, { out, formats, json: Boolean(opts.json), summary: "digest", extras: true });
    });
}

/**
 * The diff against `compareRef`, or by default against the last finished run before it: for a national run the
 * previous national run, for a recheck the run it re-judged. Without one, the stored comparison stays.
 */
async function withCompare(
  run: RunResult,
  compareRef: string | undefined,
  store: Store,
  snapshotsDir: string,
): Promise<RunResult> {
  const { diffRuns, readRunResult, resolveStoredRun } = await import("../../index.ts");
  let previous: RunResult | null = null;
  if (typeof compareRef === "string") {
    previous = await readRunResult((await resolveStoredRun(compareRef, store, snapshotsDir)).path);
  } else {
    const record = await store.getRun(run.runId);
    const prevId =
      run.mode === "recheck"
        ? (record?.sourceRunId ?? null)
        : ((await store.previousFinished(run.runId, run.mode))?.id ?? null);
    if (prevId) previous = await readRunResult((await resolveStoredRun(prevId, store, snapshotsDir)).path);
  }
  if (!previous) return run;
  return {
    ...run,
    compare: { runId: previous.runId, asOf: previous.asOf, changes: diffRuns(previous, run) },
  };
}

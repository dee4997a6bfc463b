/** Stored RunResults (`snapshots/runs/<runId>/result.json`) and how a person names one (`latest` or an id). */
import { access, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { listSnapshotRuns, runDir } from "../snapshot/index.ts";
import { RUN_RESULT_SCHEMA, type RunResult } from "../types/index.ts";
import { UsageError } from "../util/errors.ts";
import { writeAtomic } from "../util/fs.ts";
import type { RunStore } from "./store.ts";

export function resultPathOf(snapshotsDir: string, runId: string): string {
  return join(runDir(snapshotsDir, runId), "result.json");
}

/** Written atomically: `nok report` or the dashboard never read half a result. */
export async function writeRunResult(snapshotsDir: string, run: RunResult): Promise<string> {
  const path = resultPathOf(snapshotsDir, run.runId);
  await mkdir(runDir(snapshotsDir, run.runId), { recursive: true });
  await writeAtomic(path, JSON.stringify(run));
  return path;
}

export async function readRunResult(path: string): Promise<RunResult> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`не найден результат прогона: ${path}${code === "ENOENT" ? "" : ` (${code})`}`);
  }
  let run: RunResult;
  try {
    run = JSON.parse(text) as RunResult;
  } catch (err) {
    throw new UsageError(`результат прогона повреждён: ${path} (${(err as Error).message})`);
  }
  if (run?.schema !== RUN_RESULT_SCHEMA || !Array.isArray(run.sites))
    throw new UsageError(`файл ${path} не является результатом прогона (${RUN_RESULT_SCHEMA})`);
  return run;
}

/**
 * `latest` → the newest finished run in the store (any mode; with none there, the newest result.json on disk);
 * an id → that run's result.json, from the store's record or the snapshot folder (check runs are not in the store).
 */
export async function resolveStoredRun(
  ref: string,
  store: RunStore,
  snapshotsDir: string,
): Promise<{ runId: string; path: string }> {
  if (ref === "latest") {
    const latest = await store.latestFinished();
    if (latest?.resultPath) return { runId: latest.id, path: latest.resultPath };
    const ids = await listSnapshotRuns(snapshotsDir);
    for (const id of ids.reverse()) {
      const path = resultPathOf(snapshotsDir, id);
      if (await exists(path)) return { runId: id, path };
    }
    throw new UsageError(
      `нет ни одного завершённого прогона (хранилище ${store.path}, снимки ${snapshotsDir})`,
    );
  }
  if (!/^[\w.-]+$/.test(ref)) throw new UsageError(`некорректный идентификатор прогона «${ref}»`);
  const record = await store.getRun(ref);
  if (record?.resultPath) return { runId: ref, path: record.resultPath };
  const path = resultPathOf(record?.snapshotsDir ?? snapshotsDir, ref);
  if (await exists(path)) return { runId: ref, path };
  if (record)
    throw new UsageError(
      `прогон ${ref} не завершён (состояние: ${record.status}); продолжить: nok run --resume ${ref}`,
    );
  throw new UsageError(`прогон «${ref}» не найден (хранилище ${store.path}, снимки ${snapshotsDir})`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

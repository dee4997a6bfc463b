/**
 * Where the dashboard finds runs: the store's finished runs (lowdb, `<data dir>/nok.json`) and every
 * `snapshots/runs/<id>/result.json` on disk (self-checks and runs made without the store). Finished results never
 * change, so parsed results and their summaries are cached by path, size and modification time.
 */
import { access, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { byRuleOf, listSnapshotRuns, openStore, resultPathOf, runCountsOf, storeFile } from "../index.ts";
import { RUN_RESULT_SCHEMA, type RunResult, type StatusCounts } from "../types/index.ts";

export interface RunEntry {
  id: string;
  mode: RunResult["mode"];
  asOf: string;
  startedAt: string;
  finishedAt: string | null;
  /** Sites in the result. */
  sites: number;
  /** All findings by verdict. */
  findings: StatusCounts;
  /** Verdicts per rule over all sites (the per-rule trend). */
  byRule: Record<string, StatusCounts>;
  /** A national run: regions are summarised (mode "run", or a recheck of one). */
  national: boolean;
  resultPath: string;
}

export interface RunSource {
  /** Every finished run, oldest first. */
  list(): Promise<RunEntry[]>;
  /** National runs, oldest first. */
  national(): Promise<RunEntry[]>;
  entry(id: string): Promise<RunEntry | undefined>;
  /** The full RunResult; null when unknown or unreadable. */
  load(id: string): Promise<RunResult | null>;
  /** A run's report file (`reports/<id>/report.html|xlsx`) when it was written. */
  reportFile(id: string, file: "report.html" | "report.xlsx"): Promise<string | null>;
}

export interface RunSourceOptions {
  snapshotsDir: string;
  reportsDir: string;
  /** The store's folder; runs are read from disk alone when it has no `nok.json`. */
  dataDir: string;
}

export const RUN_ID_PATTERN = /^[\w.-]{1,120}$/;

interface Cached<T> {
  key: string;
  value: T;
}

export function createRunSource(options: RunSourceOptions): RunSource {
  const entryCache = new Map<string, Cached<RunEntry | null>>();
  // A national result can be tens of megabytes: keep only the few last read.
  const resultCache = new Map<string, Cached<RunResult>>();
  const RESULT_CACHE = 4;

  const fileKey = async (path: string): Promise<string | null> => {
    try {
      const s = await stat(path);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return null;
    }
  };

  const readResult = async (path: string): Promise<RunResult | null> => {
    const key = await fileKey(path);
    if (key === null) return null;
    const hit = resultCache.get(path);
    if (hit && hit.key === key) {
      resultCache.delete(path);
      resultCache.set(path, hit);
      return hit.value;
    }
    let run: RunResult;
    try {
      run = JSON.parse(await readFile(path, "utf8")) as RunResult;
    } catch {
      return null;
    }
    if (run?.schema !== RUN_RESULT_SCHEMA || !Array.isArray(run.sites)) return null;
    resultCache.set(path, { key, value: run });
    while (resultCache.size > RESULT_CACHE) resultCache.delete(resultCache.keys().next().value!);
    return run;
  };

  const entryOf = async (path: string): Promise<RunEntry | null> => {
    const key = await fileKey(path);
    if (key === null) return null;
    const hit = entryCache.get(path);
    if (hit && hit.key === key) return hit.value;
    const run = await readResult(path);
    const value = run ? summarize(run, path) : null;
    entryCache.set(path, { key, value });
    return value;
  };

  const storeEntries = async (): Promise<Map<string, string>> => {
    const paths = new Map<string, string>();
    try {
      await access(storeFile(options.dataDir));
    } catch {
      return paths;
    }
    try {
      const store = openStore(options.dataDir);
      for (const r of await store.listRuns({ status: "finished" }))
        if (r.resultPath) paths.set(r.id, r.resultPath);
    } catch {
      // A broken store must not take the dashboard down: the result files on disk are enough.
    }
    return paths;
  };

  const list = async (): Promise<RunEntry[]> => {
    const paths = await storeEntries();
    for (const id of await listSnapshotRuns(options.snapshotsDir)) {
      if (!paths.has(id) && RUN_ID_PATTERN.test(id)) paths.set(id, resultPathOf(options.snapshotsDir, id));
    }
    const entries: RunEntry[] = [];
    for (const path of paths.values()) {
      const e = await entryOf(path);
      if (e) entries.push(e);
    }
    return entries.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  };

  const pathOf = async (id: string): Promise<string | null> => {
    if (!RUN_ID_PATTERN.test(id)) return null;
    const fromStore = (await storeEntries()).get(id);
    return fromStore ?? resultPathOf(options.snapshotsDir, id);
  };

  return {
    list,
    national: async () => (await list()).filter((e) => e.national),
    entry: async (id) => {
      const path = await pathOf(id);
      return path ? ((await entryOf(path)) ?? undefined) : undefined;
    },
    load: async (id) => {
      const path = await pathOf(id);
      return path ? readResult(path) : null;
    },
    reportFile: async (id, file) => {
      if (!RUN_ID_PATTERN.test(id)) return null;
      const path = join(options.reportsDir, id, file);
      return (await fileKey(path)) === null ? null : path;
    },
  };
}

function summarize(run: RunResult, path: string): RunEntry {
  return {
    id: run.runId,
    mode: run.mode,
    asOf: run.asOf,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt ?? null,
    sites: run.sites.length,
    findings: runCountsOf(run.sites, run.sites.length).findings,
    byRule: byRuleOf(run.sites),
    national: run.mode === "run" || (run.mode === "recheck" && run.regions.length > 0),
    resultPath: path,
  };
}

/** The run store: lowdb over one JSON file, written atomically (steno: temp file + rename). */
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import type { RunResult } from "../types/index.ts";
import { UsageError } from "../util/errors.ts";
import { withFileMutex } from "./file-mutex.ts";
import { defaultDataDir, storeFile } from "./paths.ts";
import { byRuleOf, runCountsOf, siteSummaryOf } from "./summaries.ts";
import {
  type RuleTrendPoint,
  type RunRecord,
  type RunStatus,
  type SiteSummaryRecord,
  STORE_SCHEMA,
  type StoreData,
} from "./types.ts";

export class StoreCorruptError extends UsageError {
  override name = "StoreCorruptError";
}

export interface RunQuery {
  mode?: RunRecord["mode"];
  status?: RunStatus | RunStatus[];
}

export interface RunStore {
  /** Absolute path of `nok.json`. */
  readonly path: string;
  /** A fresh read of the whole store (the file may have been changed by another process). */
  read(): Promise<StoreData>;
  /** Runs, oldest first. */
  listRuns(query?: RunQuery): Promise<RunRecord[]>;
  getRun(id: string): Promise<RunRecord | undefined>;
  latestFinished(mode?: RunRecord["mode"]): Promise<RunRecord | undefined>;
  /** The newest run that did not finish (running after a crash, interrupted, failed). */
  latestUnfinished(mode?: RunRecord["mode"]): Promise<RunRecord | undefined>;
  /** The newest finished run of `mode` that started before `runId` did. */
  previousFinished(runId: string, mode?: RunRecord["mode"]): Promise<RunRecord | undefined>;
  siteSummaries(runId: string): Promise<SiteSummaryRecord[]>;
  /** One site's summaries across runs, oldest run first. */
  siteHistory(url: string): Promise<SiteSummaryRecord[]>;
  /** Verdict counts of one rule in each finished run, oldest first. */
  ruleTrend(rule: string, mode?: RunRecord["mode"]): Promise<RuleTrendPoint[]>;
  /** Inserts or replaces a run record. */
  putRun(record: RunRecord): Promise<void>;
  updateRun(id: string, patch: Partial<Omit<RunRecord, "id">>): Promise<RunRecord>;
  /** Marks a run finished and stores its counts and site summaries (replacing earlier ones of that run). */
  finishRun(id: string, run: RunResult, resultPath: string): Promise<RunRecord>;
}

export function openStore(dataDir: string = defaultDataDir()): RunStore {
  const path = storeFile(dataDir);
  const db = new Low<StoreData>(new JSONFile<StoreData>(path), emptyStore());

  const load = async (): Promise<StoreData> => {
    try {
      await db.read();
    } catch (err) {
      throw new StoreCorruptError(
        `файл хранилища повреждён: ${path} (${(err as Error).message}); восстановите его из резервной копии или удалите — сведения о прогонах есть и в snapshots/runs/*/result.json`,
      );
    }
    const data = db.data;
    if (!data || data.schema !== STORE_SCHEMA || !Array.isArray(data.runs) || !Array.isArray(data.sites)) {
      throw new StoreCorruptError(
        `файл хранилища ${path} не похож на хранилище nok-monitor (schema ${STORE_SCHEMA})`,
      );
    }
    return data;
  };

  /** Read-modify-write under the inter-process mutex: the last writer never drops another's record. */
  const update = <T>(fn: (data: StoreData) => T): Promise<T> =>
    withFileMutex(`${path}.lock`, async () => {
      const data = await load();
      const out = fn(data);
      await db.write();
      return out;
    });

  const sorted = (runs: RunRecord[]) =>
    [...runs].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));

  const listRuns = async (query: RunQuery = {}) => {
    const statuses = query.status === undefined ? null : [query.status].flat();
    const runs = (await load()).runs.filter(
      (r) => (!query.mode || r.mode === query.mode) && (!statuses || statuses.includes(r.status)),
    );
    return sorted(runs);
  };

  return {
    path,
    read: load,
    listRuns,
    getRun: async (id) => (await load()).runs.find((r) => r.id === id),
    latestFinished: async (mode) =>
      (await listRuns({ status: "finished", ...(mode ? { mode } : {}) })).at(-1),
    latestUnfinished: async (mode = "run") =>
      (await listRuns({ mode, status: ["running", "interrupted", "failed"] })).at(-1),
    previousFinished: async (runId, mode) => {
      const runs = await listRuns();
      const self = runs.find((r) => r.id === runId);
      const wanted = mode ?? self?.mode ?? "run";
      const before = runs.filter(
        (r) =>
          r.id !== runId &&
          r.status === "finished" &&
          r.mode === wanted &&
          (!self || r.startedAt < self.startedAt || (r.startedAt === self.startedAt && r.id < self.id)),
      );
      return before.at(-1);
    },
    siteSummaries: async (runId) => (await load()).sites.filter((s) => s.runId === runId),
    siteHistory: async (url) => {
      const data = await load();
      const order = new Map(sorted(data.runs).map((r, i) => [r.id, i]));
      return data.sites
        .filter((s) => s.url === url && order.has(s.runId))
        .sort((a, b) => order.get(a.runId)! - order.get(b.runId)!);
    },
    ruleTrend: async (rule, mode = "run") =>
      (await listRuns({ mode, status: "finished" }))
        .filter((r) => r.byRule[rule])
        .map((r) => ({ runId: r.id, asOf: r.asOf, finishedAt: r.finishedAt, counts: r.byRule[rule]! })),
    putRun: (record) =>
      update((data) => {
        const i = data.runs.findIndex((r) => r.id === record.id);
        if (i >= 0) data.runs[i] = record;
        else data.runs.push(record);
      }),
    updateRun: (id, patch) =>
      update((data) => {
        const record = data.runs.find((r) => r.id === id);
        if (!record) throw new Error(`прогон ${id} не найден в хранилище ${path}`);
        Object.assign(record, patch);
        return { ...record };
      }),
    finishRun: (id, run, resultPath) =>
      update((data) => {
        const record = data.runs.find((r) => r.id === id);
        if (!record) throw new Error(`прогон ${id} не найден в хранилище ${path}`);
        Object.assign(record, {
          status: "finished",
          finishedAt: run.finishedAt,
          counts: runCountsOf(run.sites, record.counts.planned || run.sites.length),
          byRule: byRuleOf(run.sites),
          resultPath,
          compareRunId: run.compare?.runId ?? null,
          error: null,
        } satisfies Partial<RunRecord>);
        data.sites = data.sites.filter((s) => s.runId !== id);
        for (const site of run.sites) data.sites.push(siteSummaryOf(id, site));
        return { ...record };
      }),
  };
}

function emptyStore(): StoreData {
  return { schema: STORE_SCHEMA, runs: [], sites: [] };
}

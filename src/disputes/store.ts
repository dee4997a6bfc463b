/**
 * Disputes live in `<data dir>/disputes.json` (lowdb), beside the run store and under the same inter-process
 * mutex discipline: a dispute may be re-checked from the CLI while the dashboard records another.
 */
import { join } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import { withFileMutex } from "../store/file-mutex.ts";
import { StoreCorruptError } from "../store/store.ts";
import { DISPUTES_SCHEMA, type Dispute, type DisputesData } from "./types.ts";

export interface DisputeQuery {
  runId?: string;
  region?: string;
  site?: string;
  status?: Dispute["status"];
}

export interface DisputeStore {
  readonly path: string;
  list(query?: DisputeQuery): Promise<Dispute[]>;
  get(id: string): Promise<Dispute | undefined>;
  /** Adds a dispute and gives it the next number as its id («1», «2», …). */
  add(dispute: Omit<Dispute, "id">): Promise<Dispute>;
  /** Applies `fn` to the stored dispute and saves it. */
  update(id: string, fn: (d: Dispute) => void): Promise<Dispute>;
}

export function disputesFile(dataDir: string): string {
  return join(dataDir, "disputes.json");
}

export function openDisputes(dataDir: string): DisputeStore {
  const path = disputesFile(dataDir);
  const db = new Low<DisputesData>(new JSONFile<DisputesData>(path), {
    schema: DISPUTES_SCHEMA,
    disputes: [],
  });
  const load = async (): Promise<DisputesData> => {
    try {
      await db.read();
    } catch (err) {
      throw new StoreCorruptError(`файл споров повреждён: ${path} (${(err as Error).message})`);
    }
    if (db.data?.schema !== DISPUTES_SCHEMA || !Array.isArray(db.data.disputes))
      throw new StoreCorruptError(`файл ${path} не похож на список споров nok-monitor (${DISPUTES_SCHEMA})`);
    return db.data;
  };
  const write = <T>(fn: (data: DisputesData) => T): Promise<T> =>
    withFileMutex(`${path}.lock`, async () => {
      const data = await load();
      const out = fn(data);
      await db.write();
      return out;
    });
  return {
    path,
    async list(q = {}) {
      return (await load()).disputes.filter(
        (d) =>
          (!q.runId || d.runId === q.runId) &&
          (!q.region || d.region === q.region) &&
          (!q.site || d.site === q.site) &&
          (!q.status || d.status === q.status),
      );
    },
    get: async (id) => (await load()).disputes.find((d) => d.id === id),
    add: (dispute) =>
      write((data) => {
        const next = data.disputes.reduce((m, d) => Math.max(m, Number(d.id.replace(/\D/g, "")) || 0), 0) + 1;
        const stored: Dispute = { id: String(next), ...dispute };
        data.disputes.push(stored);
        return structuredClone(stored);
      }),
    update: (id, fn) =>
      write((data) => {
        const d = data.disputes.find((x) => x.id === id);
        if (!d) throw new Error(`спор ${id} не найден (${path})`);
        fn(d);
        return structuredClone(d);
      }),
  };
}

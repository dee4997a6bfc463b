/**
 * What travels through Redis in a distributed run: the job (which site of which plan, and the run options a plan
 * does not hold), the result entry a worker pushes when a site is done, the progress of a site in work, and the
 * names of the keys. Jobs are small: the worker reads the target, the date, the budget and the rules' fingerprint
 * from the plan in the shared store, so the plan stays the one source of a run's settings.
 */
import type { SiteResult } from "../../types/index.ts";
import type { RenderMode } from "../fetcher-setup.ts";

/** One BullMQ queue for every run: workers need to know nothing but the Redis URL. */
export const DEFAULT_QUEUE_NAME = "nok-sites";

export const SITE_JOB_SCHEMA = "nok-monitor/site-job@1" as const;

export interface SiteJobData {
  schema: typeof SITE_JOB_SCHEMA;
  runId: string;
  /** The target's position in the plan, and its key (checked against the plan). */
  index: number;
  key: string;
  url: string;
  /** Browser rendering for sites without their own registry mode. */
  render: RenderMode;
  /** Minimum gap between two requests to one host, across all workers. */
  hostIntervalMs: number;
  /** Reuse earlier finished runs in the shared store (conditional requests, evidence first). */
  reuse: boolean;
}

/** A site's outcome, pushed to the run's result list by the worker (a retried site may appear twice). */
export interface SiteResultEntry {
  key: string;
  worker: string;
  attempt: number;
  result?: SiteResult;
  /** Set instead of `result` when the last attempt failed. */
  error?: string;
}

/** A site in work, in the run's progress hash; `at` lets the planner drop entries of a dead worker. */
export interface ActiveSite {
  url: string;
  pages: number;
  errors: number;
  worker: string;
  at: number;
}

/** Job ids are deterministic (a re-planned or resumed run never queues a site twice); BullMQ forbids `:`. */
export function siteJobId(runId: string, index: number): string {
  return `${runId}--${index}`;
}

export function runKeys(queueName: string, runId: string) {
  const base = `nok:${queueName}:run:${runId}`;
  return { results: `${base}:results`, active: `${base}:active` };
}

export function hostKeyOf(queueName: string, host: string): string {
  return `nok:${queueName}:host:${host}`;
}

export function decodeSiteJob(data: unknown): SiteJobData {
  const d = data as Partial<SiteJobData> | null;
  if (
    !d ||
    d.schema !== SITE_JOB_SCHEMA ||
    typeof d.runId !== "string" ||
    !/^[\w.-]+$/.test(d.runId) ||
    typeof d.index !== "number" ||
    typeof d.key !== "string" ||
    typeof d.url !== "string"
  )
    throw new Error(`задание очереди в неизвестном формате: ${JSON.stringify(data).slice(0, 200)}`);
  return {
    schema: SITE_JOB_SCHEMA,
    runId: d.runId,
    index: d.index,
    key: d.key,
    url: d.url,
    render: d.render ?? "auto",
    hostIntervalMs: typeof d.hostIntervalMs === "number" ? d.hostIntervalMs : 500,
    reuse: d.reuse !== false,
  };
}

export function decodeResultEntry(text: string): SiteResultEntry | null {
  try {
    const e = JSON.parse(text) as SiteResultEntry;
    return typeof e?.key === "string" && (e.result !== undefined || typeof e.error === "string") ? e : null;
  } catch {
    return null;
  }
}

/** `redis://[user:pass@]host:port[/db]` (or `rediss://` for TLS) → ioredis options. */
export function redisOptions(url: string) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`некорректный адрес Redis «${url}»: нужен redis://ХОСТ:ПОРТ`);
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:")
    throw new Error(`некорректный адрес Redis «${url}»: нужен redis://ХОСТ:ПОРТ`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new Error(`некорректный номер базы Redis в «${url}»`);
  return {
    host: u.hostname || "127.0.0.1",
    port: u.port ? Number(u.port) : 6379,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
    // BullMQ's blocking connections must not give up on a command (it would stall the worker).
    maxRetriesPerRequest: null,
  };
}

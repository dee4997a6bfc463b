/**
 * The self-check queue: a few checks at once, one check per site at a time (a second submission of a site that is
 * queued or running joins that job), a visible position for waiting jobs, and every job kept as JSON under the
 * data dir so that results stay linkable across restarts.
 */
import { randomBytes } from "node:crypto";
import { setMaxListeners } from "node:events";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { normalizeSiteUrl, type SiteProgress } from "../index.ts";
import type { RunResult, SiteResult, Sphere, StatusCounts } from "../types/index.ts";
import { errorMessage } from "../util/errors.ts";
import { writeAtomic } from "../util/fs.ts";

export type CheckKind = "authority" | "institution";

export interface CheckRequest {
  url: string;
  kind: CheckKind;
  sphere: Sphere | null;
  region: string | null;
}

export type CheckState = "queued" | "running" | "done" | "failed";

export interface CheckProgress {
  pages: number;
  documents: number;
  errors: number;
  decided: number;
  rules: number;
  lastUrl: string;
}

export interface CheckSummary {
  runId: string;
  asOf: string;
  siteStatus: SiteResult["status"];
  score: number | null;
  counts: StatusCounts;
}

export interface CheckJob {
  id: string;
  request: CheckRequest;
  state: CheckState;
  submittedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Submissions this job answers, joined ones included. */
  submissions: number;
  progress: CheckProgress | null;
  summary: CheckSummary | null;
  /** Russian, for failed jobs. */
  error: string | null;
}

export interface CheckJobView extends CheckJob {
  /** 1-based place among waiting jobs; null unless queued. */
  position: number | null;
}

export type CheckRunner = (
  request: CheckRequest,
  context: { signal: AbortSignal; onProgress: (p: SiteProgress) => void },
) => Promise<RunResult>;

export interface CheckQueueOptions {
  /** Folder of the job files (`<id>.json`). */
  dir: string;
  runner: CheckRunner;
  /** Checks running at once (default 2). */
  concurrency?: number;
  /** Waiting jobs accepted before submissions are refused (default 50). */
  maxQueued?: number;
}

export interface CheckQueue {
  /** Queues a check, or joins the queued or running job of the same site; throws QueueFullError. */
  submit(request: CheckRequest): Promise<{ job: CheckJobView; joined: boolean }>;
  get(id: string): CheckJobView | undefined;
  /** Newest first. */
  list(): CheckJobView[];
  /** Resolves once nothing is queued or running. */
  idle(): Promise<void>;
  /** Stops running checks (they end as failed: interrupted) and waits for them. */
  close(): Promise<void>;
}

export class QueueFullError extends Error {
  override name = "QueueFullError";
}

export const CHECK_ID_PATTERN = /^[A-Za-z0-9_-]{8,40}$/;

const INTERRUPTED = "Проверка прервана остановкой сервера. Отправьте адрес ещё раз.";

/** Same site: start URL up to scheme, www, default port and trailing slash. */
function siteKey(request: CheckRequest): string {
  return normalizeSiteUrl(request.url);
}

/** Jobs a new submission may join: same site, kind and sphere (the sphere changes the verdicts). */
function joinKey(request: CheckRequest): string {
  return `${request.kind} ${request.sphere ?? ""} ${siteKey(request)}`;
}

export async function openCheckQueue(options: CheckQueueOptions): Promise<CheckQueue> {
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const maxQueued = options.maxQueued ?? 50;
  await mkdir(options.dir, { recursive: true });

  const jobs = new Map<string, CheckJob>();
  const waiting: CheckJob[] = [];
  const running = new Map<string, { job: CheckJob; controller: AbortController; done: Promise<void> }>();
  let closing = false;
  let idleWaiters: (() => void)[] = [];

  const persist = (job: CheckJob) =>
    writeAtomic(join(options.dir, `${job.id}.json`), JSON.stringify(job, null, 2));

  for (const job of await loadJobs(options.dir)) {
    jobs.set(job.id, job);
    if (job.state === "queued") waiting.push(job);
    if (job.state === "running") {
      // The process stopped mid-check (crash or kill): its partial crawl is not a result.
      Object.assign(job, { state: "failed", finishedAt: new Date().toISOString(), error: INTERRUPTED });
      await persist(job);
    }
  }
  waiting.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));

  const view = (job: CheckJob): CheckJobView => {
    const i = waiting.indexOf(job);
    return { ...job, request: { ...job.request }, position: i >= 0 ? i + 1 : null };
  };

  const settleIdle = () => {
    if (waiting.length > 0 || running.size > 0) return;
    const list = idleWaiters;
    idleWaiters = [];
    for (const resolve of list) resolve();
  };

  const start = (job: CheckJob) => {
    const controller = new AbortController();
    // Every request of the crawl listens on this one signal: far more than the default warning threshold of 10.
    setMaxListeners(0, controller.signal);
    Object.assign(job, { state: "running", startedAt: new Date().toISOString() });
    const done = (async () => {
      await persist(job).catch(() => {});
      try {
        const run = await options.runner(job.request, {
          signal: controller.signal,
          onProgress: (p) => {
            job.progress = {
              pages: p.pages,
              documents: p.documents,
              errors: p.errors,
              decided: p.decided,
              rules: p.rules,
              lastUrl: p.lastUrl,
            };
          },
        });
        if (closing) throw new Error(INTERRUPTED);
        Object.assign(job, { state: "done", summary: summaryOf(run), error: null });
      } catch (err) {
        Object.assign(job, {
          state: "failed",
          error: closing ? INTERRUPTED : `Проверка не выполнена: ${errorMessage(err)}`,
        });
      }
      job.finishedAt = new Date().toISOString();
      await persist(job).catch(() => {});
    })().finally(() => {
      running.delete(job.id);
      pump();
      settleIdle();
    });
    running.set(job.id, { job, controller, done });
  };

  /** Starts waiting jobs, oldest first, skipping those whose site is being checked right now. */
  const pump = () => {
    if (closing) return;
    for (let i = 0; i < waiting.length && running.size < concurrency; ) {
      const job = waiting[i]!;
      const busy = [...running.values()].some((r) => siteKey(r.job.request) === siteKey(job.request));
      if (busy) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      start(job);
    }
  };

  pump();

  return {
    async submit(request) {
      if (closing) throw new QueueFullError("сервер останавливается, проверки не принимаются");
      const key = joinKey(request);
      const same =
        [...running.values()].map((r) => r.job).find((j) => joinKey(j.request) === key) ??
        waiting.find((j) => joinKey(j.request) === key);
      if (same) {
        same.submissions++;
        if (same.state === "queued") await persist(same);
        return { job: view(same), joined: true };
      }
      if (waiting.length >= maxQueued) {
        throw new QueueFullError(`в очереди уже ${waiting.length} проверок; попробуйте позже`);
      }
      const job: CheckJob = {
        id: randomBytes(9).toString("base64url"),
        request: { ...request },
        state: "queued",
        submittedAt: new Date().toISOString(),
        startedAt: null,
        finishedAt: null,
        submissions: 1,
        progress: null,
        summary: null,
        error: null,
      };
      jobs.set(job.id, job);
      waiting.push(job);
      await persist(job);
      pump();
      return { job: view(job), joined: false };
    },
    get(id) {
      const job = jobs.get(id);
      return job ? view(job) : undefined;
    },
    list() {
      return [...jobs.values()].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)).map(view);
    },
    idle() {
      if (waiting.length === 0 && running.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      closing = true;
      for (const r of running.values()) r.controller.abort();
      await Promise.allSettled([...running.values()].map((r) => r.done));
      // Waiting jobs stay queued on disk and start when the server starts again.
      const list = idleWaiters;
      idleWaiters = [];
      for (const resolve of list) resolve();
    },
  };
}

function summaryOf(run: RunResult): CheckSummary {
  const site = run.sites[0];
  const counts: StatusCounts = { pass: 0, warn: 0, fail: 0, unknown: 0, "n/a": 0 };
  for (const f of site?.findings ?? []) counts[f.status]++;
  return {
    runId: run.runId,
    asOf: run.asOf,
    siteStatus: site?.status ?? "unreachable",
    score: site?.score ?? null,
    counts,
  };
}

async function loadJobs(dir: string): Promise<CheckJob[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
  const out: CheckJob[] = [];
  for (const name of names) {
    try {
      const job = JSON.parse(await readFile(join(dir, name), "utf8")) as CheckJob;
      if (typeof job?.id === "string" && CHECK_ID_PATTERN.test(job.id) && job.request?.url) out.push(job);
    } catch {
      // A torn or foreign file is skipped: one bad job must not keep the server from starting.
    }
  }
  return out;
}

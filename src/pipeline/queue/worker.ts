/**
 * `nok worker --queue redis://…`: takes site jobs from BullMQ, crawls and judges each site exactly as the embedded
 * run does (checkSite), writes its snapshots to the shared store and pushes its SiteResult to the run's result list
 * in Redis. Any number of workers on any number of machines; a worker that dies mid-site loses nothing: its job's
 * lock expires, BullMQ's stalled-job check (run by every live worker) puts the job back, and another worker crawls
 * the site again from the start (its abandoned attempt left no manifest part, see shared-store.ts).
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { resolve } from "node:path";
import type { Job } from "bullmq";
import { createPool, type HostPool } from "../../crawl/index.ts";
import { weightsFromRules } from "../../findings/score.ts";
import { ruleInfo } from "../../rules/index.ts";
import { defaultSnapshotsDir } from "../../store/index.ts";
import type { Fetcher, RuleDef, SiteResult } from "../../types/index.ts";
import { errorMessage } from "../../util/errors.ts";
import { type RenderMode, type RunFetchers, setupFetchers } from "../fetcher-setup.ts";
import { loadRulesOrThrow } from "../load-rules.ts";
import { reusedFrom } from "../run-execute.ts";
import { checkSite } from "../site.ts";
import { ArtifactCache } from "../state/cache.ts";
import { type RunPlan, rulesFingerprint } from "../state/plan.ts";
import { PreviousRuns } from "../state/previous.ts";
import {
  type ActiveSite,
  DEFAULT_QUEUE_NAME,
  decodeSiteJob,
  redisOptions,
  runKeys,
  type SiteJobData,
  type SiteResultEntry,
} from "./codec.ts";
import { redisHostLimiter, sharedPolitenessPool } from "./host-limiter.ts";
import { directoryStore, type SharedStore } from "./shared-store.ts";

/** Sites a worker checks at once by default (each crawls many pages, politely). */
export const DEFAULT_WORKER_CONCURRENCY = 4;

/**
 * A worker holds a job's lock for this long and renews it at half of it; when a worker dies, its jobs are taken
 * back at most `lockDuration + stalledInterval` later. The lock is renewed on a timer, so it must outlast the
 * longest stretch the event loop is busy (a big PDF parsed on the main thread): a minute is ample.
 */
export const DEFAULT_LOCK_DURATION_MS = 60_000;
export const DEFAULT_STALLED_INTERVAL_MS = 30_000;
/** A job whose worker died this many times is failed (a site that kills workers must not kill them all). */
export const DEFAULT_MAX_STALLED = 3;

export interface WorkerOptions {
  /** redis://HOST:PORT[/db] */
  queue: string;
  queueName?: string;
  /** Sites checked at once (default 4). */
  concurrency?: number;
  /** The shared snapshot root (default NOK_SNAPSHOTS_DIR or snapshots/); ignored with `store`. */
  snapshotsDir?: string;
  store?: SharedStore;
  /** Rules when the plan names no folder of its own (default: the bundled rules/). */
  rulesDir?: string;
  /** Injected for tests; default: the job's render-mode fetcher. */
  fetcher?: Fetcher;
  ca?: string[];
  chromium?: string | null;
  /** This worker's local politeness pool (concurrency caps); its interval is replaced by the shared one. */
  pool?: HostPool;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  maxStalledCount?: number;
  /** A name for logs and result entries (default host:pid:random). */
  name?: string;
  onLog?: (level: "info" | "warn" | "error", message: string) => void;
  /** A site done (or failed for good) by this worker. */
  onSite?: (event: { runId: string; key: string; url: string; result?: SiteResult; error?: string }) => void;
}

export interface NokWorker {
  readonly name: string;
  /** Waits until the worker is connected and taking jobs. */
  ready(): Promise<void>;
  /** Stops taking jobs and waits for those in progress (`force`: abandons them; they are retried elsewhere). */
  close(force?: boolean): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<NokWorker> {
  // Loaded here, not at the top: every command imports the API, only the distributed run needs a queue.
  const { UnrecoverableError, Worker } = await import("bullmq");
  const { Redis } = await import("ioredis");
  const log = options.onLog ?? (() => {});
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const name = options.name ?? `${hostname()}:${process.pid}:${randomBytes(2).toString("hex")}`;
  const connection = redisOptions(options.queue);
  const redis = new Redis({ ...connection, lazyConnect: false });
  redis.on("error", (err) => log("warn", `Redis: ${errorMessage(err)}`));
  const store = options.store ?? directoryStore(resolve(options.snapshotsDir ?? defaultSnapshotsDir()));
  const limiter = redisHostLimiter(redis, queueName);
  // The shared limiter spaces requests; the local pool only caps how many are in flight.
  const local = options.pool ?? createPool({ minIntervalMs: 0 });
  const plans = new Map<string, Promise<RunPlan>>();
  const ruleSets = new Map<string, RuleDef[]>();
  const fetchers = new Map<RenderMode, RunFetchers>();
  const previousRuns = new PreviousRuns(store.location);
  const artifactCache = new ArtifactCache(store.location);

  const planOf = (runId: string): Promise<RunPlan> => {
    let p = plans.get(runId);
    if (!p) {
      p = store.readPlan(runId).then((plan) => {
        if (!plan)
          throw new Error(
            `план прогона ${runId} не найден в общем хранилище ${store.location}: у воркера и планировщика должна быть одна папка снимков`,
          );
        return plan;
      });
      p.catch(() => plans.delete(runId));
      plans.set(runId, p);
    }
    return p;
  };

  const rulesOf = (plan: RunPlan): RuleDef[] => {
    const dir = plan.rulesDir ?? options.rulesDir ?? "";
    let rules = ruleSets.get(dir);
    if (!rules) {
      rules = loadRulesOrThrow(dir || undefined);
      ruleSets.set(dir, rules);
    }
    if (plan.rulesFingerprint && plan.rulesFingerprint !== rulesFingerprint(rules))
      throw new Error(
        `правила воркера ${name} отличаются от правил прогона ${plan.runId}: обновите правила на этой машине`,
      );
    return rules;
  };

  const fetchersFor = (mode: RenderMode): RunFetchers => {
    let f = fetchers.get(mode);
    if (!f) {
      f = setupFetchers({
        mode,
        ...(options.ca?.length ? { httpOptions: { tls: { extraCa: options.ca } } } : {}),
        ...(options.chromium === undefined ? {} : { chromium: options.chromium }),
        warn: (m) => log("warn", m),
      });
      fetchers.set(mode, f);
    }
    return f;
  };

  const processJob = async (job: Job): Promise<{ key: string }> => {
    const data = decodeSiteJob(job.data);
    const keys = runKeys(queueName, data.runId);
    const attempt = job.attemptsMade + 1;
    try {
      return await checkJob(job, data, keys);
    } catch (err) {
      const lastAttempt = err instanceof UnrecoverableError || attempt >= (job.opts.attempts ?? 1);
      log(lastAttempt ? "error" : "warn", `${data.url}: ${errorMessage(err)} (попытка ${attempt})`);
      if (lastAttempt) {
        const entry: SiteResultEntry = { key: data.key, worker: name, attempt, error: errorMessage(err) };
        await redis
          .multi()
          .rpush(keys.results, JSON.stringify(entry))
          .expire(keys.results, RESULT_TTL_S)
          .hdel(keys.active, data.key)
          .exec();
        options.onSite?.({ runId: data.runId, key: data.key, url: data.url, error: entry.error! });
      }
      throw err;
    }
  };

  const checkJob = async (
    job: Job,
    data: SiteJobData,
    keys: ReturnType<typeof runKeys>,
  ): Promise<{ key: string }> => {
    const plan = await planOf(data.runId);
    const target = plan.targets[data.index];
    if (!target || target.key !== data.key)
      throw new UnrecoverableError(`задание ${job.id} не соответствует плану прогона ${data.runId}`);
    if (target.kind === "busgov")
      throw new UnrecoverableError("цели bus.gov.ru проверяет планировщик, а не воркер");
    const rules = rulesOf(plan);
    const weights = weightsFromRules(rules.map(ruleInfo));
    const runFetchers = options.fetcher ? null : fetchersFor(data.render);
    const pool = sharedPolitenessPool(local, limiter, data.hostIntervalMs);
    const writer = store.openSite(data.runId, data.key);
    const renderHome = runFetchers?.homeRenderer(target.render, pool);
    let lastBeat = 0;
    const beat = (p: { pages: number; errors: number }) => {
      const now = Date.now();
      if (now - lastBeat < 1_000) return;
      lastBeat = now;
      const active: ActiveSite = { url: target.url, pages: p.pages, errors: p.errors, worker: name, at: now };
      redis.hset(keys.active, data.key, JSON.stringify(active)).catch(() => {});
    };
    beat({ pages: 0, errors: 0 });
    log("info", `${target.url}: начата проверка (прогон ${data.runId}, попытка ${job.attemptsMade + 1})`);
    const result = await checkSite(target, {
      ...(await reusedFrom(data.reuse ? previousRuns : null, target.url)),
      artifactCache,
      fetcher: runFetchers ? runFetchers.forMode(target.render) : options.fetcher!,
      pool,
      ...(renderHome ? { renderHome } : {}),
      budget: plan.budget,
      rules,
      weights,
      asOf: plan.asOf,
      writer,
      respectRobots: plan.respectRobots,
      onProgress: beat,
    });
    // Snapshots first, then the result: a result in Redis always has its pages in the store.
    await writer.commit();
    const entry: SiteResultEntry = { key: data.key, worker: name, attempt: job.attemptsMade + 1, result };
    await redis
      .multi()
      .rpush(keys.results, JSON.stringify(entry))
      .expire(keys.results, RESULT_TTL_S)
      .hdel(keys.active, data.key)
      .exec();
    options.onSite?.({ runId: data.runId, key: data.key, url: target.url, result });
    return { key: data.key };
  };

  const worker = new Worker(queueName, processJob, {
    connection,
    concurrency: Math.max(1, options.concurrency ?? DEFAULT_WORKER_CONCURRENCY),
    lockDuration: options.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS,
    stalledInterval: options.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
    maxStalledCount: options.maxStalledCount ?? DEFAULT_MAX_STALLED,
    autorun: true,
  });
  worker.on("error", (err) => log("warn", `очередь: ${errorMessage(err)}`));

  let closed = false;
  return {
    name,
    ready: () => worker.waitUntilReady().then(() => undefined),
    async close(force = false) {
      if (closed) return;
      closed = true;
      await worker.close(force);
      await Promise.all([...fetchers.values()].map((f) => f.close().catch(() => {})));
      redis.disconnect();
    },
  };
}

/** Results wait this long in Redis for a planner (one that was stopped resumes and collects them). */
export const RESULT_TTL_S = 30 * 24 * 3600;

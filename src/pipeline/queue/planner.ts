/**
 * `nok run --queue redis://…`: the national run with its sites crawled by workers. The planner plans exactly as
 * the embedded run does (same plan in the shared store, same lock, same resume), enqueues one BullMQ job per site,
 * checks the bus.gov.ru targets itself (one paced client for the whole run, as embedded), collects the workers'
 * results from Redis as they come, appends them to `sites.jsonl`, and ends with the embedded run's aggregation:
 * the same RunResult, the same manifest layout, the same store records.
 *
 * Results are read from a Redis list (`nok:<queue>:run:<runId>:results`), never from events: a planner that was
 * stopped, or lost its connection, reads the list from the start and misses nothing. A periodic sweep asks BullMQ
 * for the state of the jobs still awaited: a job failed for good (its worker died too often, say) becomes an
 * undecided site, as an internal error does in the embedded run; a job that vanished is queued again.
 */
import { resolve } from "node:path";
import type { JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { withPlansExport } from "../../extract/busgov/plans-export.ts";
import { weightsFromRules } from "../../findings/score.ts";
import { ruleInfo } from "../../rules/index.ts";
import { defaultDataDir, defaultSnapshotsDir, openStore, runCountsOf } from "../../store/index.ts";
import type { RunResult, SiteResult } from "../../types/index.ts";
import { errorMessage } from "../../util/errors.ts";
import { checkBusgov, createRunBusGovClient } from "../busgov.ts";
import {
  markStale,
  type NationalProgress,
  type NationalRunOptions,
  newSession,
  RunInterruptedError,
  resumeSession,
} from "../run.ts";
import { finishRun, internalErrorResult } from "../run-execute.ts";
import { acquireRunLock } from "../state/lock.ts";
import { openSitesLog, type PlannedTarget } from "../state/plan.ts";
import { PreviousRuns } from "../state/previous.ts";
import {
  type ActiveSite,
  DEFAULT_QUEUE_NAME,
  decodeResultEntry,
  redisOptions,
  runKeys,
  SITE_JOB_SCHEMA,
  type SiteJobData,
  siteJobId,
} from "./codec.ts";
import { directoryStore } from "./shared-store.ts";

export interface QueuedRunOptions extends NationalRunOptions {
  /** redis://HOST:PORT[/db] */
  queue: string;
  queueName?: string;
  /** Attempts per site job (a crash or an exception; default 3). */
  attempts?: number;
  /** How often results are collected (default 500 ms). */
  pollMs?: number;
  /** How often awaited jobs' states are checked (default 10 s). */
  sweepMs?: number;
}

/** A worker that has not reported on a site for this long is presumed dead (its job will be retried). */
const ACTIVE_STALE_MS = 30_000;

export async function runQueued(options: QueuedRunOptions): Promise<RunResult> {
  const log = options.onLog ?? (() => {});
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const snapshotsDir = resolve(options.snapshotsDir ?? defaultSnapshotsDir());
  const connection = redisOptions(options.queue);
  // Loaded here, not at the top: every command imports the API, only the distributed run needs a queue.
  const { Queue } = await import("bullmq");
  const { Redis } = await import("ioredis");
  const store = openStore(dataDir);
  const lock = await acquireRunLock(dataDir, { command: "run", onWarning: (m) => log("warn", m) });
  let runId: string | null = null;
  const redis = new Redis({ ...connection, lazyConnect: true });
  redis.on("error", () => {});
  const queue = new Queue(options.queueName ?? DEFAULT_QUEUE_NAME, { connection });
  queue.on("error", () => {});
  try {
    // Redis must answer before anything is planned: a run that cannot queue is not started.
    await redis.connect().catch((err: unknown) => {
      throw new Error(`Redis ${options.queue} недоступен: ${errorMessage(err)}`);
    });
    if (lock.takenOver?.runId) await markStale(store, lock.takenOver.runId);
    const session = options.resume
      ? await resumeSession(options, store, snapshotsDir, log)
      : await newSession(options, store, snapshotsDir, log);
    runId = session.plan.runId;
    await lock.setRunId(runId);
    return await executeQueued(session, options, { store, redis, queue, log });
  } catch (err) {
    if (runId && !(err instanceof RunInterruptedError)) {
      await store
        .updateRun(runId, { status: "failed", error: errorMessage(err) })
        .catch((e: unknown) => log("error", `не удалось записать состояние прогона: ${errorMessage(e)}`));
    }
    throw err;
  } finally {
    await queue.close().catch(() => {});
    redis.disconnect();
    await lock.release();
  }
}

interface Deps {
  store: ReturnType<typeof openStore>;
  redis: Redis;
  queue: Queue;
  log: NonNullable<NationalRunOptions["onLog"]>;
}

async function executeQueued(
  session: Awaited<ReturnType<typeof newSession>>,
  options: QueuedRunOptions,
  { store, redis, queue, log }: Deps,
): Promise<RunResult> {
  const { plan, rules, completed, snapshotsDir } = session;
  const runId = plan.runId;
  const signal = options.signal;
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const keys = runKeys(queueName, runId);
  const shared = directoryStore(snapshotsDir);
  const sitesLog = openSitesLog(snapshotsDir, runId);
  const weights = weightsFromRules(rules.map(ruleInfo));
  const total = plan.targets.length;
  const resumed = completed.size;
  const indexOf = new Map(plan.targets.map((t, i) => [t.key, i]));
  options.onStart?.({ runId, total, resumed });

  const sessionStart = Date.now();
  let sessionDone = 0;
  let active = new Map<string, ActiveSite>();
  const localActive = new Map<string, string>();
  // Totals of the completed sites, kept as they complete: summing them per event was O(sites) per site.
  const doneTotals = { pages: 0, errors: 0, unreachable: 0 };
  const countDone = (site: SiteResult) => {
    doneTotals.pages += site.crawl.pages;
    doneTotals.errors += site.crawl.errors;
    if (site.status === "unreachable" || site.status === "blocked") doneTotals.unreachable++;
  };
  for (const site of completed.values()) countDone(site);
  const progress = (done: SiteResult | null) => {
    if (!options.onProgress) return;
    let { pages, errors } = doneTotals;
    const unreachable = doneTotals.unreachable;
    const inWork = [...active].filter(([key]) => !completed.has(key)).map(([, a]) => a);
    for (const a of inWork) {
      pages += a.pages;
      errors += a.errors;
    }
    const elapsedMs = Date.now() - sessionStart;
    const p: NationalProgress = {
      runId,
      total,
      done: completed.size,
      resumed,
      pages,
      errors,
      unreachable,
      active: [...inWork.map((a) => a.url), ...localActive.values()],
      elapsedMs,
      etaMs: sessionDone > 0 ? Math.round((elapsedMs / sessionDone) * (total - completed.size)) : null,
      completed: done,
    };
    options.onProgress(p);
  };

  const record = async (target: PlannedTarget, result: SiteResult) => {
    if (completed.has(target.key)) return;
    completed.set(target.key, result);
    countDone(result);
    sessionDone++;
    await sitesLog.append(target.key, result);
    progress(result);
  };

  // bus.gov.ru targets: here, one paced client, as the embedded run's own lane.
  const busgovTargets = plan.targets.filter((t) => t.kind === "busgov" && !completed.has(t.key));
  const ownBusgov =
    options.busgovClient || busgovTargets.length === 0
      ? null
      : createRunBusGovClient(new URL(busgovTargets[0]!.url).origin);
  const anyBusgov = options.busgovClient ?? ownBusgov;
  const busgovClient =
    anyBusgov && options.busgovPlans ? withPlansExport(anyBusgov, options.busgovPlans) : anyBusgov;
  const busgovLane = (async () => {
    for (const target of busgovTargets) {
      if (signal?.aborted) return;
      localActive.set(target.key, target.url);
      let result: SiteResult;
      try {
        const writer = shared.openSite(runId, target.key);
        result = await checkBusgov(target, {
          client: busgovClient!,
          rules,
          asOf: plan.asOf,
          writer,
          weights,
        });
        await writer.commit();
      } catch (err) {
        log("error", `внутренняя ошибка при проверке ${target.url}: ${errorMessage(err)}`);
        result = internalErrorResult(target, err, rules, plan.asOf);
      }
      localActive.delete(target.key);
      await record(target, result);
    }
  })();

  // Site targets: one job each. Ids are deterministic, so a resumed run does not queue a waiting site twice.
  const jobOptions: JobsOptions = {
    attempts: Math.max(1, options.attempts ?? 3),
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
  const jobOf = (target: PlannedTarget) => {
    const data: SiteJobData = {
      schema: SITE_JOB_SCHEMA,
      runId,
      index: indexOf.get(target.key)!,
      key: target.key,
      url: target.url,
      render: options.render ?? "auto",
      hostIntervalMs: options.hostIntervalMs ?? 500,
      reuse: options.reuse ?? true,
    };
    return { name: "site", data, opts: { ...jobOptions, jobId: siteJobId(runId, data.index) } };
  };

  // Results that came while no planner listened (a resumed run) count first.
  let cursor = 0;
  const collect = async () => {
    const raw = await redis.lrange(keys.results, cursor, -1);
    cursor += raw.length;
    for (const text of raw) {
      const entry = decodeResultEntry(text);
      const index = entry ? indexOf.get(entry.key) : undefined;
      if (!entry || index === undefined) continue;
      const target = plan.targets[index]!;
      if (completed.has(target.key)) continue;
      // A site whose last attempt failed is undecided, as after an internal error in the embedded run.
      await record(
        target,
        entry.result ?? internalErrorResult(target, new Error(entry.error), rules, plan.asOf),
      );
    }
    const now = Date.now();
    active = new Map(
      Object.entries(await redis.hgetall(keys.active))
        .map(([k, v]) => [k, safeParse<ActiveSite>(v)] as const)
        .filter((e): e is [string, ActiveSite] => e[1] !== null && now - e[1].at < ACTIVE_STALE_MS)
        .filter(([k]) => !completed.has(k)),
    );
  };
  await collect();
  const siteTargets = plan.targets.filter((t) => t.kind !== "busgov" && !completed.has(t.key));
  for (let i = 0; i < siteTargets.length; i += 500)
    await queue.addBulk(siteTargets.slice(i, i + 500).map(jobOf));
  log("info", `в очередь ${queueName} поставлено сайтов: ${siteTargets.length}`);

  // Awaited jobs that BullMQ failed for good (a worker died on them too often) or that vanished.
  let sweepAt = 0;
  let sweepFrom = 0;
  const sweep = async () => {
    const waiting = siteTargets.filter((t) => !completed.has(t.key));
    if (waiting.length === 0) return;
    const batch = waiting.slice(sweepFrom % waiting.length).slice(0, 200);
    sweepFrom += batch.length;
    for (const target of batch) {
      const id = siteJobId(runId, indexOf.get(target.key)!);
      const state = await queue.getJobState(id);
      if (state === "failed") {
        const job = await queue.getJob(id);
        await collect();
        if (completed.has(target.key)) continue;
        const reason = job?.failedReason || "задание очереди не выполнено";
        log("error", `${target.url}: ${reason}`);
        await record(target, internalErrorResult(target, new Error(reason), rules, plan.asOf));
      } else if (state === "unknown") {
        await collect();
        if (!completed.has(target.key)) await queue.add("site", jobOf(target).data, jobOf(target).opts);
      }
    }
  };

  let lastStoreUpdate = Date.now();
  const pollMs = options.pollMs ?? 500;
  const sweepMs = options.sweepMs ?? 10_000;
  try {
    while (!signal?.aborted && siteTargets.some((t) => !completed.has(t.key))) {
      await sleep(pollMs, signal);
      if (signal?.aborted) break;
      await collect();
      progress(null);
      if (Date.now() - sweepAt >= sweepMs) {
        sweepAt = Date.now();
        await sweep();
      }
      if (Date.now() - lastStoreUpdate >= 15_000) {
        lastStoreUpdate = Date.now();
        await store
          .updateRun(runId, { counts: runCountsOf([...completed.values()], total) })
          .catch((e: unknown) => log("warn", `не удалось обновить хранилище: ${errorMessage(e)}`));
      }
    }
    await busgovLane;
    await sitesLog.flush();
    if (signal?.aborted) {
      // Waiting sites leave the queue; those in work finish and wait in Redis for `nok run --queue … --resume`.
      for (const t of siteTargets)
        if (!completed.has(t.key)) await queue.remove(siteJobId(runId, indexOf.get(t.key)!)).catch(() => 0);
      await store.updateRun(runId, {
        status: "interrupted",
        counts: runCountsOf([...completed.values()], total),
        error: "прогон остановлен",
      });
      throw new RunInterruptedError(runId);
    }

    await shared.mergeSites(
      runId,
      plan.targets.map((t) => t.key),
    );
    const run = await finishRun({
      session,
      store,
      weights,
      previousRuns: new PreviousRuns(snapshotsDir),
      log,
    });
    await redis.del(keys.results, keys.active);
    return run;
  } finally {
    await ownBusgov?.close().catch(() => {});
  }
}

function safeParse<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** The body of a national run's session: sites checked concurrently, progress and results persisted as they finish. */

import { getMaxListeners, setMaxListeners } from "node:events";
import { createPool } from "../crawl/index.ts";
import { withPlansExport } from "../extract/busgov/plans-export.ts";
import { aggregateRun } from "../findings/index.ts";
import { weightsFromRules } from "../findings/score.ts";
import { evaluateRules, ruleInfo } from "../rules/index.ts";
import { openRunWriter } from "../snapshot/index.ts";
import { type RunStore, readRunResult, runCountsOf, writeRunResult } from "../store/index.ts";
import type { RuleDef, RunResult, SiteResult } from "../types/index.ts";
import { errorMessage } from "../util/errors.ts";
import { ActiveSites } from "./active-sites.ts";
import { checkBusgov, createRunBusGovClient } from "./busgov.ts";
import { type RunFetchers, setupFetchers } from "./fetcher-setup.ts";
import { hostOfUrl, runByHosts, type SiteLoad } from "./host-scheduler.ts";
import {
  DEFAULT_SITE_CONCURRENCY,
  type NationalRunOptions,
  RunInterruptedError,
  type RunLogLevel,
  runPoolOptions,
  type Session,
} from "./run.ts";
import { buildRunResult } from "./run-result.ts";
import { checkSite } from "./site.ts";
import { ArtifactCache } from "./state/cache.ts";
import { keyedWriter, openSitesLog, type PlannedTarget } from "./state/plan.ts";
import { PreviousRuns } from "./state/previous.ts";

export async function execute(
  session: Session,
  options: NationalRunOptions,
  store: RunStore,
  log: (level: RunLogLevel, message: string) => void,
): Promise<RunResult> {
  const { plan, rules, completed, snapshotsDir } = session;
  const runId = plan.runId;
  const signal = options.signal;
  // Before anything else: `always` without Chromium is a usage error.
  const fetchers: RunFetchers | null = options.fetcher
    ? null
    : setupFetchers({
        mode: options.render ?? "auto",
        ...(options.ca?.length ? { httpOptions: { tls: { extraCa: options.ca } } } : {}),
        ...(options.chromium === undefined ? {} : { chromium: options.chromium }),
        warn: (m) => log("warn", m),
      });
  const busgovTargets = plan.targets.filter((t) => t.kind === "busgov");
  // The plan's targets carry the base URL they were planned with, so a resume asks the same service.
  const ownBusgov =
    options.busgovClient || busgovTargets.length === 0
      ? null
      : createRunBusGovClient(new URL(busgovTargets[0]!.url).origin);
  const anyBusgov = options.busgovClient ?? ownBusgov;
  const busgovClient =
    anyBusgov && options.busgovPlans ? withPlansExport(anyBusgov, options.busgovPlans) : anyBusgov;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_SITE_CONCURRENCY);
  const pool = options.pool ?? createPool(runPoolOptions(concurrency, options.hostIntervalMs));
  const writer = openRunWriter(snapshotsDir, runId);
  const sitesLog = openSitesLog(snapshotsDir, runId);
  const weights = weightsFromRules(rules.map(ruleInfo));
  const remaining = plan.targets.filter((t) => !completed.has(t.key));
  const total = plan.targets.length;
  const resumed = completed.size;
  options.onStart?.({ runId, total, resumed });

  const sessionStart = Date.now();
  const active = new ActiveSites();
  let sessionDone = 0;
  let donePages = 0;
  let doneErrors = 0;
  let unreachable = 0;
  for (const site of completed.values()) {
    donePages += site.crawl.pages;
    doneErrors += site.crawl.errors;
    if (site.status === "unreachable" || site.status === "blocked") unreachable++;
  }
  const progress = (done: SiteResult | null) => {
    if (!options.onProgress) return;
    const elapsedMs = Date.now() - sessionStart;
    const left = total - completed.size;
    options.onProgress({
      runId,
      total,
      done: completed.size,
      resumed,
      pages: donePages + active.pages,
      errors: doneErrors + active.errors,
      unreachable,
      active: active.urls(),
      elapsedMs,
      etaMs: sessionDone > 0 ? Math.round((elapsedMs / sessionDone) * left) : null,
      completed: done,
    });
  };

  let lastStoreUpdate = Date.now();
  let storeChain: Promise<unknown> = Promise.resolve();
  const checkpointStore = (force = false) => {
    if (!force && Date.now() - lastStoreUpdate < 15_000) return storeChain;
    lastStoreUpdate = Date.now();
    const counts = runCountsOf([...completed.values()], total);
    storeChain = storeChain
      .then(() => store.updateRun(runId, { counts }))
      .catch((e: unknown) => log("warn", `не удалось обновить хранилище: ${errorMessage(e)}`));
    return storeChain;
  };

  // Earlier finished runs make this one cheaper: conditional requests, evidence first, cached extraction.
  const reuse = options.reuse ?? true;
  const previousRuns = new PreviousRuns(snapshotsDir);
  const artifactCache = new ArtifactCache(reuse ? snapshotsDir : null);

  const checkOne = async (target: PlannedTarget, load?: SiteLoad): Promise<void> => {
    active.start(target.key, target.url);
    // One child signal per site: the crawl hangs a listener on it per queued request, far past the default 10.
    const site = new AbortController();
    setMaxListeners(0, site.signal);
    const forward = () => site.abort(signal?.reason);
    signal?.addEventListener("abort", forward, { once: true });
    let result: SiteResult | undefined;
    try {
      const renderHome = fetchers?.homeRenderer(target.render, pool);
      result =
        target.kind === "busgov"
          ? await checkBusgov(target, {
              client: busgovClient!,
              rules,
              asOf: plan.asOf,
              writer: keyedWriter(writer, target.key),
              weights,
            })
          : await checkSite(target, {
              ...(await reusedFrom(reuse ? previousRuns : null, target.url)),
              artifactCache,
              fetcher: fetchers ? fetchers.forMode(target.render) : options.fetcher!,
              pool,
              ...(renderHome ? { renderHome } : {}),
              budget: plan.budget,
              rules,
              weights,
              asOf: plan.asOf,
              writer: keyedWriter(writer, target.key),
              respectRobots: plan.respectRobots,
              onProgress: (p) => {
                load?.pages(p.pages);
                active.report(target.key, target.url, p);
                progress(null);
              },
              signal: site.signal,
            });
    } catch (err) {
      if (!signal?.aborted) {
        log("error", `внутренняя ошибка при проверке ${target.url}: ${errorMessage(err)}`);
        result = internalErrorResult(target, err, rules, plan.asOf);
      }
    } finally {
      signal?.removeEventListener("abort", forward);
    }
    // A crawl cut short by the signal is incomplete: it is not recorded and will be redone on resume.
    if (signal?.aborted || result === undefined) {
      active.end(target.key);
      return;
    }
    // Counted before the (async) append, so no progress event sees the site neither active nor done.
    active.end(target.key);
    donePages += result.crawl.pages;
    doneErrors += result.crawl.errors;
    if (result.status === "unreachable" || result.status === "blocked") unreachable++;
    await sitesLog.append(target.key, result);
    completed.set(target.key, result);
    sessionDone++;
    progress(result);
    void checkpointStore();
  };

  if (signal) setMaxListeners(Math.max(getMaxListeners(signal), concurrency + 10), signal);
  // bus.gov.ru answers one request at a time (one paced client): its targets get a lane of their own, so they
  // never hold the workers that crawl sites.
  const lanes = [remaining.filter((t) => t.kind !== "busgov"), remaining.filter((t) => t.kind === "busgov")];
  const next = [0, 0];
  const worker = (lane: 0 | 1) => async () => {
    while (!signal?.aborted) {
      const target = lanes[lane]![next[lane]!++];
      if (!target) return;
      await checkOne(target);
    }
  };
  try {
    const workers = Promise.all([
      runByHosts(lanes[0]!, (t) => hostOfUrl(t.url), checkOne, {
        maxSites: concurrency,
        ...(signal ? { signal } : {}),
      }),
      ...(lanes[1]!.length > 0 ? [worker(1)()] : []),
    ]);
    // After an abort, a crawl stuck in a request that ignores the signal must not hold the stop (systemd kills
    // a service that takes too long): its result would be discarded anyway, and all state is already on disk.
    await untilDoneOrAbortGrace(workers, signal, ABORT_GRACE_MS);
    await writer.flush();
    await sitesLog.flush();
    await storeChain;
    if (signal?.aborted) {
      await store.updateRun(runId, {
        status: "interrupted",
        counts: runCountsOf([...completed.values()], total),
        error: "прогон остановлен",
      });
      throw new RunInterruptedError(runId);
    }

    return await finishRun({ session, store, weights, previousRuns, log });
  } finally {
    // Closing waits for requests in flight; after an abort those may hang until their timeout.
    const closing = Promise.all([fetchers?.close(), ownBusgov?.close()]).catch(() => undefined);
    if (!signal?.aborted) await closing;
  }
}

/**
 * A run whose every site is done: its RunResult aggregated and stored, the run marked finished, and its
 * crawled sites remembered for the next run's reuse. Shared by the embedded run and the queue planner.
 */
export async function finishRun(o: {
  session: Session;
  store: RunStore;
  weights: ReturnType<typeof weightsFromRules>;
  previousRuns: PreviousRuns;
  log: (level: RunLogLevel, message: string) => void;
}): Promise<RunResult> {
  const { plan, rules, completed, snapshotsDir } = o.session;
  const runId = plan.runId;
  const sites = plan.targets.map((t) => completed.get(t.key)!);
  const previous = await previousResult(o.store, runId, o.log);
  const run = aggregateRun(
    buildRunResult({ runId, mode: "run", asOf: plan.asOf, startedAt: plan.startedAt, sites, rules }),
    { regions: plan.regions, weights: o.weights, previous },
  );
  const resultPath = await writeRunResult(snapshotsDir, run);
  await o.store.finishRun(runId, run, resultPath);
  await o.previousRuns.remember(
    runId,
    run.sites
      .filter((s) => s.kind !== "busgov" && (s.status === "ok" || s.status === "partial"))
      .map((s) => s.url),
  );
  return run;
}

/** How long an abort waits for the sites in progress to notice it. */
const ABORT_GRACE_MS = 3_000;

async function untilDoneOrAbortGrace(
  work: Promise<unknown>,
  signal: AbortSignal | undefined,
  graceMs: number,
) {
  if (!signal) {
    await work;
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const grace = new Promise<void>((resolve) => {
    onAbort = () => {
      timer = setTimeout(resolve, graceMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    await Promise.race([work, grace]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}

export async function previousResult(
  store: RunStore,
  runId: string,
  log: (level: RunLogLevel, message: string) => void,
): Promise<RunResult | null> {
  const prev = await store.previousFinished(runId, "run");
  if (!prev?.resultPath) return null;
  try {
    return await readRunResult(prev.resultPath);
  } catch (err) {
    log("warn", `сравнение с прогоном ${prev.id} пропущено: ${errorMessage(err)}`);
    return null;
  }
}

/** A bug while checking one site must not sink a run of thousands: the site is reported as not decided. */
export function internalErrorResult(
  target: PlannedTarget,
  err: unknown,
  rules: RuleDef[],
  asOf: string,
): SiteResult {
  const reason = `внутренняя ошибка проверки: ${errorMessage(err)}`;
  const findings = evaluateRules(
    {
      startUrl: target.url,
      pages: [],
      coverage: { pages: 0, documents: 0, adequate: false, reason, unreadableDocuments: 0 },
    },
    rules.filter((r) => r.appliesTo.kind === target.kind),
    { asOf, sphere: target.sphere },
  );
  return {
    url: target.url,
    finalUrl: target.url,
    kind: target.kind,
    region: target.region,
    sphere: target.sphere,
    name: target.name,
    status: "partial",
    error: { code: "unknown", message: reason },
    crawl: {
      pages: 0,
      documents: 0,
      bytes: 0,
      errors: 0,
      skippedByRobots: 0,
      budgetExhausted: false,
      durationMs: 0,
    },
    score: null,
    findings,
  };
}

/** The reuse options of `checkSite` for a site an earlier finished run crawled (none otherwise). */
export async function reusedFrom(previousRuns: PreviousRuns | null, url: string) {
  const prev = previousRuns ? await previousRuns.forSite(url) : null;
  return prev
    ? { previous: prev.entries, readPrevious: prev.readBody, seeds: prev.seeds, verdicts: prev.verdicts }
    : {};
}

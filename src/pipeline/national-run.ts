/**
 * The monthly national run: every registry site, many hosts at once (a global cap on sites, per-host politeness
 * from the shared pool), progress persisted as it goes so a crashed run resumes without re-fetching finished
 * sites, and one RunResult with region and national summaries and the diff against the previous run.
 */

import { getMaxListeners, setMaxListeners } from "node:events";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { createPool, DEFAULT_BUDGET, type HostPool } from "../crawl/index.ts";
import type { BusGovClient } from "../extract/busgov/index.ts";
import { type PlansExport, withPlansExport } from "../extract/busgov/plans-export.ts";
import { aggregateRun } from "../findings/index.ts";
import { weightsFromRules } from "../findings/score.ts";
import { loadRegions, loadRegistry } from "../registry/index.ts";
import { evaluateRules, ruleInfo } from "../rules/index.ts";
import { openRunWriter } from "../snapshot/index.ts";
import {
  defaultDataDir,
  defaultSnapshotsDir,
  emptyStatusCounts,
  openStore,
  type RunRecord,
  type RunStore,
  readRunResult,
  runCountsOf,
  writeRunResult,
} from "../store/index.ts";
import type {
  CrawlBudget,
  Fetcher,
  RuleDef,
  RunResult,
  SiteResult,
  Sphere,
  TargetKind,
} from "../types/index.ts";
import { errorMessage, UsageError } from "../util/errors.ts";
import { todayIso } from "../util/target-url.ts";
import { ArtifactCache } from "./artifact-cache.ts";
import { busgovBaseUrl, checkBusgov, createRunBusGovClient } from "./busgov.ts";
import { checkSite, type SiteProgress } from "./check-site.ts";
import {
  assertRenderable,
  locateChromium,
  type RenderMode,
  type RunFetchers,
  setupFetchers,
} from "./fetcher-setup.ts";
import { loadRulesOrThrow } from "./load-rules.ts";
import { formatRegistryIssue, planRegions, planTargets, resolveRegionCodes } from "./national-plan.ts";
import { PreviousRuns } from "./previous-run.ts";
import { newRunId } from "./run-id.ts";
import { acquireRunLock } from "./run-lock.ts";
import { buildRunResult } from "./run-result.ts";
import {
  keyedWriter,
  openSitesLog,
  type PlannedTarget,
  pruneManifest,
  RUN_PLAN_SCHEMA,
  type RunPlan,
  readCompleted,
  readPlan,
  rulesFingerprint,
  writePlan,
} from "./run-state.ts";

export const DEFAULT_SITE_CONCURRENCY = 8;

export type RunLogLevel = "info" | "warn" | "error";

export interface NationalProgress {
  runId: string;
  /** Sites in the plan. */
  total: number;
  /** Sites completed, those of earlier sessions included. */
  done: number;
  /** Completed before this session (resume). */
  resumed: number;
  /** Pages read: completed sites plus those in progress. */
  pages: number;
  /** Page errors of completed sites plus those in progress. */
  errors: number;
  /** Completed sites that were unreachable or blocked. */
  unreachable: number;
  /** Start URLs being checked now. */
  active: string[];
  /** Time spent in this session. */
  elapsedMs: number;
  /** Estimate of the time left, from this session's pace; null before the first site completes. */
  etaMs: number | null;
  /** The site that just completed (set on completion events only). */
  completed: SiteResult | null;
}

export interface NationalRunOptions {
  /** Reuse earlier finished runs (conditional requests, evidence-first seeds, cached extraction). Default true. */
  reuse?: boolean;
  /** Registry site lists (YAML/CSV/XLSX). Ignored on resume: the run keeps its own plan. */
  registryFiles: string[];
  /** Region codes or names. */
  regions?: string[];
  spheres?: Sphere[];
  kinds?: TargetKind[];
  /** Continue a run: its id, or `true` for the latest unfinished one. */
  resume?: string | true;
  /** Sites checked at once (default 8); per-host politeness comes from the pool. */
  concurrency?: number;
  asOf?: string;
  maxPages?: number;
  /** Injected for tests (name mapping); default: the render-mode fetcher (fetcher-setup.ts). */
  fetcher?: Fetcher;
  /** Browser rendering for sites without their own registry `render`: never | auto (default) | always. */
  render?: RenderMode;
  /** Extra trusted roots (PEM, `--ca FILE`) besides Node's and the bundled Russian ones. Ignored with `fetcher`. */
  ca?: string[];
  /** Chromium's path, or null for none (tests); default: NOK_CHROMIUM or the usual places. */
  chromium?: string | null;
  /**
   * bus.gov.ru base URL for planning institutions' bus.gov.ru targets (default NOK_BUSGOV_URL, else
   * https://bus.gov.ru). On resume the plan's own targets decide (their URLs carry the base).
   */
  busgovUrl?: string;
  /** One client for the whole run (pacing is global for bus.gov.ru); default: created from the base URL. */
  busgovClient?: BusGovClient;
  /** Improvement plans from an export (--busgov-plans): answer the plan questions instead of the service. */
  busgovPlans?: PlansExport;
  /** Politeness pool shared by all sites; default: createPool() with the default per-host limits. */
  pool?: HostPool;
  /** Minimum gap between two requests to one host when no pool is given (default 500 ms). */
  hostIntervalMs?: number;
  budget?: Partial<CrawlBudget>;
  respectRobots?: boolean;
  snapshotsDir?: string;
  /** Store and lock folder (default: NOK_DATA_DIR or `.nok/`). */
  dataDir?: string;
  rulesDir?: string;
  /** regions.yaml to use instead of the bundled one. */
  regionsFile?: string;
  /** Aborting stops starting sites, abandons those in progress (redone on resume) and marks the run interrupted. */
  signal?: AbortSignal;
  onProgress?: (p: NationalProgress) => void;
  /** Registry problems, lock takeover, resume notes (Russian). */
  onLog?: (level: RunLogLevel, message: string) => void;
  /** Called once the run id is known (before any site is checked). */
  onStart?: (info: { runId: string; total: number; resumed: number }) => void;
}

/** The run was stopped (signal); its state is saved and `nok run --resume <runId>` continues it. */
export class RunInterruptedError extends Error {
  override name = "RunInterruptedError";
  constructor(readonly runId: string) {
    super(`прогон ${runId} прерван; продолжить: nok run --resume ${runId}`);
  }
}

interface Session {
  plan: RunPlan;
  rules: RuleDef[];
  completed: Map<string, SiteResult>;
  snapshotsDir: string;
}

export async function runNational(options: NationalRunOptions): Promise<RunResult> {
  const log = options.onLog ?? (() => {});
  if (!options.fetcher)
    assertRenderable(
      options.render ?? "auto",
      options.chromium === undefined ? locateChromium() : options.chromium,
    );
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const snapshotsDir = resolve(options.snapshotsDir ?? defaultSnapshotsDir());
  const store = openStore(dataDir);
  const lock = await acquireRunLock(dataDir, { command: "run", onWarning: (m) => log("warn", m) });
  let runId: string | null = null;
  try {
    if (lock.takenOver?.runId) await markStale(store, lock.takenOver.runId);
    const session = options.resume
      ? await resumeSession(options, store, snapshotsDir, log)
      : await newSession(options, store, snapshotsDir, log);
    runId = session.plan.runId;
    await lock.setRunId(runId);
    return await execute(session, options, store, log);
  } catch (err) {
    if (runId && !(err instanceof RunInterruptedError)) {
      await store
        .updateRun(runId, { status: "failed", error: errorMessage(err) })
        .catch((e: unknown) => log("error", `не удалось записать состояние прогона: ${errorMessage(e)}`));
    }
    throw err;
  } finally {
    await lock.release();
  }
}

/** A lock left by a dead process: its run did not finish. */
async function markStale(store: RunStore, runId: string): Promise<void> {
  const record = await store.getRun(runId);
  if (record?.status === "running")
    await store.updateRun(runId, { status: "interrupted", error: "процесс прогона завершился аварийно" });
}

async function newSession(
  options: NationalRunOptions,
  store: RunStore,
  snapshotsDir: string,
  log: (level: RunLogLevel, message: string) => void,
): Promise<Session> {
  // Rules first: judging with half the rules is wrong, and nothing should be persisted for a run that cannot start.
  const rules = loadRulesOrThrow(options.rulesDir);
  const regions = options.regionsFile ? loadRegions(options.regionsFile) : loadRegions();
  const files = options.registryFiles.map((f) => resolve(f));
  if (files.length === 0) throw new UsageError("не указаны файлы реестра сайтов (--registry ФАЙЛ)");
  const { sites, errors } = await loadRegistry(files, regions);
  for (const issue of errors) log("warn", formatRegistryIssue(issue));
  if (sites.length === 0) {
    const broken = errors.filter((e) => e.severity === "error").length;
    throw new UsageError(
      broken > 0
        ? `в реестре нет ни одной годной записи (ошибок: ${broken}, см. выше): ${files.join(", ")}`
        : `реестр пуст: ${files.join(", ")}`,
    );
  }
  const kinds = options.kinds ?? [];
  const filters = {
    regions: resolveRegionCodes(options.regions ?? [], regions),
    spheres: options.spheres ?? [],
    kinds,
  };
  const targets = planTargets(sites, filters, busgovBaseUrl(options.busgovUrl));
  if (targets.length === 0)
    throw new UsageError("под заданные фильтры (регион, сфера, вид) не попал ни один сайт реестра");

  const now = new Date();
  const plan: RunPlan = {
    schema: RUN_PLAN_SCHEMA,
    runId: newRunId("run", now),
    asOf: options.asOf ?? todayIso(now),
    startedAt: now.toISOString(),
    registryFiles: files,
    filters,
    regions: planRegions(regions, filters.regions),
    budget: {
      ...DEFAULT_BUDGET,
      ...options.budget,
      ...(options.maxPages ? { maxPages: options.maxPages } : {}),
    },
    respectRobots: options.respectRobots ?? true,
    rulesDir: options.rulesDir ? resolve(options.rulesDir) : null,
    rulesFingerprint: rulesFingerprint(rules),
    targets,
  };
  await writePlan(snapshotsDir, plan);
  await store.putRun(recordOf(plan, snapshotsDir));
  return { plan, rules, completed: new Map(), snapshotsDir };
}

async function resumeSession(
  options: NationalRunOptions,
  store: RunStore,
  fallbackSnapshotsDir: string,
  log: (level: RunLogLevel, message: string) => void,
): Promise<Session> {
  let runId: string;
  if (options.resume === true) {
    const latest = await store.latestUnfinished("run");
    if (!latest)
      throw new UsageError(`нет незавершённого прогона, который можно продолжить (хранилище ${store.path})`);
    runId = latest.id;
  } else {
    runId = options.resume as string;
  }
  if (!/^[\w.-]+$/.test(runId)) throw new UsageError(`некорректный идентификатор прогона «${runId}»`);
  const record = await store.getRun(runId);
  if (record?.status === "finished")
    throw new UsageError(`прогон ${runId} уже завершён; отчёты: nok report ${runId}`);
  if (record && record.mode !== "run")
    throw new UsageError(`прогон ${runId} — не общий прогон (${record.mode})`);
  const snapshotsDir = record?.snapshotsDir ?? fallbackSnapshotsDir;
  const plan = await readPlan(snapshotsDir, runId);
  if (!plan) throw new UsageError(`не найден план прогона ${runId} в ${snapshotsDir}: продолжить его нельзя`);
  const rules = loadRulesOrThrow(plan.rulesDir ?? options.rulesDir);
  if (plan.rulesFingerprint && plan.rulesFingerprint !== rulesFingerprint(rules))
    log(
      "warn",
      `правила изменились после начала прогона ${runId}: уже проверенные сайты оценены по прежним правилам; после завершения выполните nok recheck ${runId}, чтобы оценить все сайты одинаково`,
    );

  const keys = new Set(plan.targets.map((t) => t.key));
  const stored = await readCompleted(snapshotsDir, runId, (line) =>
    log(
      "warn",
      `sites.jsonl прогона ${runId}: строка ${line} повреждена (обрыв записи) — сайт будет проверен заново`,
    ),
  );
  const completed = new Map([...stored].filter(([key]) => keys.has(key)));
  const pruned = await pruneManifest(snapshotsDir, runId, new Set(completed.keys()));
  if (pruned.dropped > 0)
    log(
      "info",
      `из манифеста убраны ${pruned.dropped} записей незавершённых сайтов: они будут обойдены заново`,
    );
  if (record) await store.updateRun(runId, { status: "running", error: null, process: processTag() });
  else await store.putRun(recordOf(plan, snapshotsDir));
  log("info", `продолжение прогона ${runId}: готово ${completed.size} из ${plan.targets.length} сайтов`);
  return { plan, rules, completed, snapshotsDir };
}

async function execute(
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
  const pool =
    options.pool ??
    createPool(options.hostIntervalMs === undefined ? {} : { minIntervalMs: options.hostIntervalMs });
  const writer = openRunWriter(snapshotsDir, runId);
  const sitesLog = openSitesLog(snapshotsDir, runId);
  const weights = weightsFromRules(rules.map(ruleInfo));
  const remaining = plan.targets.filter((t) => !completed.has(t.key));
  const total = plan.targets.length;
  const resumed = completed.size;
  options.onStart?.({ runId, total, resumed });

  const sessionStart = Date.now();
  const active = new Map<string, { url: string; progress: SiteProgress | null }>();
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
    let pages = donePages;
    let errors = doneErrors;
    for (const { progress: p } of active.values()) {
      pages += p?.pages ?? 0;
      errors += p?.errors ?? 0;
    }
    const elapsedMs = Date.now() - sessionStart;
    const left = total - completed.size;
    options.onProgress({
      runId,
      total,
      done: completed.size,
      resumed,
      pages,
      errors,
      unreachable,
      active: [...active.values()].map((a) => a.url),
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

  const checkOne = async (target: PlannedTarget): Promise<void> => {
    active.set(target.key, { url: target.url, progress: null });
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
                active.set(target.key, { url: target.url, progress: p });
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
      active.delete(target.key);
      return;
    }
    // Counted before the (async) append, so no progress event sees the site neither active nor done.
    active.delete(target.key);
    donePages += result.crawl.pages;
    doneErrors += result.crawl.errors;
    if (result.status === "unreachable" || result.status === "blocked") unreachable++;
    await sitesLog.append(target.key, result);
    completed.set(target.key, result);
    sessionDone++;
    progress(result);
    void checkpointStore();
  };

  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_SITE_CONCURRENCY);
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
      ...Array.from({ length: Math.min(concurrency, lanes[0]!.length) }, worker(0)),
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

    const sites = plan.targets.map((t) => completed.get(t.key)!);
    const previous = await previousResult(store, runId, log);
    const run = aggregateRun(
      buildRunResult({ runId, mode: "run", asOf: plan.asOf, startedAt: plan.startedAt, sites, rules }),
      { regions: plan.regions, weights, previous },
    );
    const resultPath = await writeRunResult(snapshotsDir, run);
    await store.finishRun(runId, run, resultPath);
    await previousRuns.remember(
      runId,
      run.sites
        .filter((s) => s.kind !== "busgov" && (s.status === "ok" || s.status === "partial"))
        .map((s) => s.url),
    );
    return run;
  } finally {
    // Closing waits for requests in flight; after an abort those may hang until their timeout.
    const closing = Promise.all([fetchers?.close(), ownBusgov?.close()]).catch(() => undefined);
    if (!signal?.aborted) await closing;
  }
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

async function previousResult(
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
function internalErrorResult(
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

function recordOf(plan: RunPlan, snapshotsDir: string): RunRecord {
  return {
    id: plan.runId,
    mode: "run",
    status: "running",
    asOf: plan.asOf,
    startedAt: plan.startedAt,
    finishedAt: null,
    registryFiles: plan.registryFiles,
    filters: plan.filters,
    counts: { ...runCountsOf([], plan.targets.length), findings: emptyStatusCounts() },
    byRule: {},
    resultPath: null,
    snapshotsDir,
    sourceRunId: null,
    compareRunId: null,
    error: null,
    process: processTag(),
  };
}

function processTag(): string {
  return `${hostname()}:${process.pid}`;
}

/** The reuse options of `checkSite` for a site an earlier finished run crawled (none otherwise). */
async function reusedFrom(previousRuns: PreviousRuns | null, url: string) {
  const prev = previousRuns ? await previousRuns.forSite(url) : null;
  return prev ? { previous: prev.entries, readPrevious: prev.readBody, seeds: prev.seeds } : {};
}

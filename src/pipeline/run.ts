/**
 * The monthly national run: every registry site, many hosts at once (a global cap on sites, per-host politeness
 * from the shared pool), progress persisted as it goes so a crashed run resumes without re-fetching finished
 * sites, and one RunResult with region and national summaries and the diff against the previous run.
 */

import { hostname } from "node:os";
import { resolve } from "node:path";
import { DEFAULT_BUDGET, DEFAULT_POLITENESS, type HostPool, type PoolOptions } from "../crawl/index.ts";
import type { BusGovClient } from "../extract/busgov/index.ts";
import type { PlansExport } from "../extract/busgov/plans-export.ts";
import { loadRegions, loadRegistry } from "../registry/index.ts";
import {
  defaultDataDir,
  defaultSnapshotsDir,
  emptyStatusCounts,
  openStore,
  type RunRecord,
  type RunStore,
  runCountsOf,
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
import { busgovBaseUrl } from "./busgov.ts";
import { assertRenderable, locateChromium, type RenderMode } from "./fetcher-setup.ts";
import { DEFAULT_HOST_CONCURRENCY } from "./host-scheduler.ts";
import { loadRulesOrThrow } from "./load-rules.ts";
import { formatRegistryIssue, planRegions, planTargets, resolveRegionCodes } from "./national-plan.ts";
import { execute } from "./run-execute.ts";
import { newRunId } from "./run-id.ts";
import { acquireRunLock } from "./state/lock.ts";
import {
  pruneManifest,
  RUN_PLAN_SCHEMA,
  type RunPlan,
  readCompleted,
  readPlan,
  rulesFingerprint,
  writePlan,
} from "./state/plan.ts";

/** Sites in flight at most (host-scheduler.ts: one per host, fewer when the heap is full). */
export const DEFAULT_SITE_CONCURRENCY = DEFAULT_HOST_CONCURRENCY;

/**
 * The run's pool: the per-host limits as configured, and as many requests in flight across hosts as sites in
 * flight, never fewer than the crawl stage's default (16). That default suits one crawl; under the host
 * scheduler it held hundreds of polite sites to 16 requests at once, so a five-page site waited ~15 s on the
 * others' requests instead of ~6 s on its own host's interval (bench `scale`).
 */
export function runPoolOptions(siteConcurrency: number, hostIntervalMs?: number): Partial<PoolOptions> {
  return {
    globalConcurrency: Math.max(DEFAULT_POLITENESS.globalConcurrency, siteConcurrency),
    ...(hostIntervalMs === undefined ? {} : { minIntervalMs: hostIntervalMs }),
  };
}

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
  /** Sites checked at once at most (default 256, one per host, fewer under memory pressure); politeness from the pool. */
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
  /** Politeness pool shared by all sites; default: createPool(runPoolOptions(…)), the default per-host limits. */
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

export interface Session {
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
export async function markStale(store: RunStore, runId: string): Promise<void> {
  const record = await store.getRun(runId);
  if (record?.status === "running")
    await store.updateRun(runId, { status: "interrupted", error: "процесс прогона завершился аварийно" });
}

export async function newSession(
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

export async function resumeSession(
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

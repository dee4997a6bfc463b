import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type CrawlSeed, createPool, DEFAULT_BUDGET, type HostPool } from "../crawl/index.ts";
import type { BusGovClient } from "../extract/busgov/index.ts";
import { type PlansExport, withPlansExport } from "../extract/busgov/plans-export.ts";
import { weightsFromRules } from "../findings/score.ts";
import { ruleInfo } from "../rules/index.ts";
import { openRunWriter, runDir } from "../snapshot/index.ts";
import { defaultSnapshotsDir } from "../store/paths.ts";
import type { CrawlBudget, Fetcher, RunResult, SiteResult, Sphere, TargetKind } from "../types/index.ts";
import { todayIso } from "../util/target-url.ts";
import {
  type BusgovTarget,
  busgovBaseUrl,
  busgovTargetFor,
  checkBusgov,
  createRunBusGovClient,
} from "./busgov.ts";
import { type RenderMode, type RunFetchers, setupFetchers } from "./fetcher-setup.ts";
import { loadRulesOrThrow } from "./load-rules.ts";
import { checkSite, type SiteProgress, type SiteTarget } from "./site.ts";
import { ArtifactCache } from "./state/cache.ts";

/** Also exported here for the bench scripts that import it from this file. */
export { loadRulesOrThrow };

import { newRunId } from "./run-id.ts";
import { buildRunResult } from "./run-result.ts";
import { PreviousRuns } from "./state/previous.ts";

/** A site to check; an institution with an INN or bus.gov.ru id also gets a bus.gov.ru target (see `busgov`). */
export interface CheckTarget extends SiteTarget {
  inn?: string;
  busgovId?: string;
  /** This site's render mode (registry `render`); default: the run's. */
  render?: RenderMode;
}

export interface CheckOptions {
  kind?: TargetKind;
  sphere?: Sphere | null;
  region?: string | null;
  name?: string | null;
  maxPages?: number;
  asOf?: string;
  snapshotsDir?: string;
  rulesDir?: string;
  /** Injected for tests and the demo (name mapping); defaults to the render-mode fetcher (fetcher-setup.ts). */
  fetcher?: Fetcher;
  /** Browser rendering for sites without their own mode: never | auto (default) | always. Ignored with `fetcher`. */
  render?: RenderMode;
  /** Extra trusted roots (PEM, `--ca FILE`) besides Node's and the bundled Russian ones. Ignored with `fetcher`. */
  ca?: string[];
  /** Chromium's path, or null for none (tests); default: NOK_CHROMIUM or the usual places. */
  chromium?: string | null;
  /** The one warning about a missing browser (default: stderr). */
  warn?: (message: string) => void;
  /**
   * bus.gov.ru: institutions with `inn`/`busgovId` get a `busgov` target right after them (false: they do not);
   * targets of kind `busgov` are checked through one shared client. Base URL: `baseUrl`, else NOK_BUSGOV_URL,
   * else https://bus.gov.ru.
   */
  busgov?: { baseUrl?: string; client?: BusGovClient; plans?: PlansExport } | false;
  pool?: HostPool;
  budget?: Partial<CrawlBudget>;
  respectRobots?: boolean;
  /** Reuse earlier snapshots (conditional requests, evidence-first seeds, cached extraction). Default true. */
  reuse?: boolean;
  onProgress?: (p: SiteProgress) => void;
  signal?: AbortSignal;
  /** Extra seeds for every site, crawled first (a dispute's evidence URL). */
  seeds?: CrawlSeed[];
}

/** Checks sites with one shared fetcher and politeness pool; returns the RunResult (mode "check"). */
export async function checkSites(targets: CheckTarget[], options: CheckOptions = {}): Promise<RunResult> {
  const rules = loadRulesOrThrow(options.rulesDir);
  const baseUrl = busgovBaseUrl(options.busgov ? options.busgov.baseUrl : undefined);
  const all = withBusgovTargets(targets, options.busgov === false ? null : baseUrl);
  // Before anything is written: `always` without Chromium is a usage error.
  const fetchers: RunFetchers | null = options.fetcher
    ? null
    : setupFetchers({
        mode: options.render ?? "auto",
        ...(options.ca?.length ? { httpOptions: { tls: { extraCa: options.ca } } } : {}),
        ...(options.chromium === undefined ? {} : { chromium: options.chromium }),
        ...(options.warn ? { warn: options.warn } : {}),
      });
  const asOf = options.asOf ?? todayIso();
  const runId = newRunId("check");
  const startedAt = new Date().toISOString();
  const snapshotsDir = resolve(options.snapshotsDir ?? defaultSnapshotsDir());
  const writer = openRunWriter(snapshotsDir, runId);
  const pool = options.pool ?? createPool();
  const injected = options.busgov ? options.busgov.client : undefined;
  const ownClient = !injected && all.some((t) => t.kind === "busgov") ? createRunBusGovClient(baseUrl) : null;
  const plansExport = options.busgov ? options.busgov.plans : undefined;
  const anyClient = injected ?? ownClient;
  // Plans from an export (--busgov-plans) replace the service's answer (no public endpoint is known).
  const busgovClient = anyClient && plansExport ? withPlansExport(anyClient, plansExport) : anyClient;
  const budget: CrawlBudget = {
    ...DEFAULT_BUDGET,
    ...options.budget,
    ...(options.maxPages ? { maxPages: options.maxPages } : {}),
  };
  const weights = weightsFromRules(rules.map(ruleInfo));
  const reuse = options.reuse ?? true;
  const previousRuns = new PreviousRuns(snapshotsDir);
  const artifactCache = new ArtifactCache(reuse ? snapshotsDir : null);
  try {
    const sites: SiteResult[] = await Promise.all(
      all.map(async (t) => {
        if (t.kind === "busgov")
          return checkBusgov(t, { client: busgovClient!, rules, asOf, writer, weights });
        const prev = reuse ? await previousRuns.forSite(t.url) : null;
        const renderHome = fetchers?.homeRenderer(t.render, pool);
        const seeds = [...(options.seeds ?? []), ...(prev?.seeds ?? [])];
        return checkSite(t, {
          fetcher: fetchers ? fetchers.forMode(t.render) : options.fetcher!,
          pool,
          ...(renderHome ? { renderHome } : {}),
          budget,
          rules,
          weights,
          asOf,
          writer,
          artifactCache,
          ...(prev ? { previous: prev.entries, readPrevious: prev.readBody } : {}),
          // Extra seeds (a dispute's evidence) must be read: no stop on the previous verdicts before them.
          ...(prev && !options.seeds?.length ? { verdicts: prev.verdicts } : {}),
          ...(seeds.length ? { seeds } : {}),
          ...(options.respectRobots === undefined ? {} : { respectRobots: options.respectRobots }),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
      }),
    );
    const run = buildRunResult({ runId, mode: "check", asOf, startedAt, sites, rules });
    // Kept beside the snapshots so `nok recheck` can re-judge the run offline.
    await mkdir(runDir(snapshotsDir, runId), { recursive: true });
    await writeFile(join(runDir(snapshotsDir, runId), "result.json"), JSON.stringify(run));
    await previousRuns.remember(
      runId,
      sites.filter((s) => s.status === "ok" || s.status === "partial").map((s) => s.url),
    );
    return run;
  } finally {
    await fetchers?.close();
    await ownClient?.close();
  }
}

/** Each institution with an INN or bus.gov.ru id is followed by its bus.gov.ru target (none when baseUrl is null). */
export function withBusgovTargets(
  targets: CheckTarget[],
  baseUrl: string | null,
): (CheckTarget | (BusgovTarget & { kind: "busgov" }))[] {
  const out: (CheckTarget | (BusgovTarget & { kind: "busgov" }))[] = [];
  for (const t of targets) {
    out.push(t);
    if (baseUrl === null || t.kind !== "institution") continue;
    const busgov = busgovTargetFor(t, baseUrl);
    if (busgov) out.push({ ...busgov, kind: "busgov" });
  }
  return out;
}

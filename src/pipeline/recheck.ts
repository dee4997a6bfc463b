/**
 * Re-judging a stored run offline: the stored bodies are extracted again and the current rules evaluated at a
 * (possibly new) reference date. It imports nothing from the crawl stage: bus.gov.ru answers are replayed
 * through extract/busgov (busgov-replay.ts), so a recheck cannot touch the network.
 */
import { hostname } from "node:os";
import { resolve } from "node:path";
import { extractArtifacts } from "../extract/index.ts";
import { aggregateRun, regionRefsOf, siteScore, weightsFromRules } from "../findings/index.ts";
import { evaluateRules, ruleInfo } from "../rules/index.ts";
import { openRunReader } from "../snapshot/index.ts";
import {
  defaultDataDir,
  defaultSnapshotsDir,
  emptyStatusCounts,
  openStore,
  type RunRecord,
  readRunResult,
  resolveStoredRun,
  runCountsOf,
  writeRunResult,
} from "../store/index.ts";
import type { CrawlSummary, ManifestEntry, RunResult, SitePage, SiteResult } from "../types/index.ts";
import { recheckBusgovSite } from "./busgov-replay.ts";
import { loadRulesOrThrow } from "./load-rules.ts";
import { newRunId } from "./run-id.ts";
import { buildRunResult } from "./run-result.ts";
import { buildSiteView } from "./site-view.ts";
import { ArtifactCache } from "./state/cache.ts";
import { siteKeys } from "./state/plan.ts";

export interface RecheckOptions {
  /** Reference date of the new verdicts; default: the source run's. */
  asOf?: string;
  snapshotsDir?: string;
  dataDir?: string;
  rulesDir?: string;
  onProgress?: (done: number, total: number) => void;
}

/** `runId` may be `latest`. Returns a new RunResult (mode "recheck") compared with the source run. */
export async function recheckRun(runId: string, options: RecheckOptions = {}): Promise<RunResult> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const snapshotsDir = resolve(options.snapshotsDir ?? defaultSnapshotsDir());
  const store = openStore(dataDir);
  const located = await resolveStoredRun(runId, store, snapshotsDir);
  const source = await readRunResult(located.path);
  // A recheck's own result has no manifest: its pages are those of the run it re-judged.
  const snapshotRunId = typeof source.recheckOf === "string" ? source.recheckOf : source.runId;
  const snapshotRoot = (await store.getRun(snapshotRunId))?.snapshotsDir ?? snapshotsDir;
  const rules = loadRulesOrThrow(options.rulesDir);
  const weights = weightsFromRules(rules.map(ruleInfo));
  const asOf = options.asOf ?? source.asOf;
  const startedAt = new Date().toISOString();

  const reader = openRunReader(snapshotRoot, snapshotRunId);
  const bySite = new Map<string, ManifestEntry[]>();
  for await (const entry of reader.entries()) {
    const list = bySite.get(entry.site);
    if (list) list.push(entry);
    else bySite.set(entry.site, [entry]);
  }

  const keys = siteKeys(source.sites);
  const sites: SiteResult[] = [];
  const cache = new ArtifactCache(snapshotRoot);
  for (const [i, site] of source.sites.entries()) {
    const entries = bySite.get(keys[i]!) ?? [];
    if (site.kind === "busgov") {
      // bus.gov.ru answers are stored JSON, judged by their own reader (no HTML extraction).
      sites.push(await recheckBusgovSite(site, entries, (h) => reader.body(h), { rules, asOf, weights }));
      options.onProgress?.(i + 1, source.sites.length);
      continue;
    }
    const pages = await sitePages(entries, (hash) => reader.body(hash), cache);
    const view = buildSiteView(site.url, pages, storedSummary(site));
    const findings = evaluateRules(
      view,
      rules.filter((r) => r.appliesTo.kind === site.kind),
      { asOf, sphere: site.sphere },
    );
    sites.push({ ...site, findings, score: siteScore(findings, weights) });
    options.onProgress?.(i + 1, source.sites.length);
  }

  const newId = newRunId("recheck");
  const built = buildRunResult({ runId: newId, mode: "recheck", asOf, startedAt, sites, rules });
  const run = aggregateRun(built, { regions: regionRefsOf(source), weights, previous: source });
  run.recheckOf = snapshotRunId;
  const resultPath = await writeRunResult(snapshotsDir, run);
  await store.putRun(recheckRecord(run, source, snapshotsDir));
  await store.finishRun(newId, run, resultPath);
  return run;
}

/** The pages checkSite would have judged: stored 2xx bodies of a readable kind, in fetch order. */
async function sitePages(
  entries: ManifestEntry[],
  body: (hash: string) => Promise<Uint8Array>,
  cache: ArtifactCache,
): Promise<SitePage[]> {
  const pages: SitePage[] = [];
  for (const e of entries) {
    // A 304 entry carries the reused body of an earlier 2xx answer.
    const ok = (e.status >= 200 && e.status < 300) || e.notModified === true;
    if (!e.hash || !ok || e.contentKind === "other") continue;
    const cached = await cache.get(e.hash, e.finalUrl);
    if (cached) {
      pages.push({
        artifacts: cached.url === e.url ? cached : { ...cached, url: e.url },
        snapshot: e.hash,
        depth: e.depth,
        linkText: e.linkText,
        referrer: e.referrer,
      });
      continue;
    }
    const bytes = await body(e.hash);
    const artifacts = await extractArtifacts({
      url: e.url,
      finalUrl: e.finalUrl,
      contentKind: e.contentKind,
      headers: e.headers,
      body: bytes,
      truncated: e.truncated,
    });
    await cache.put(e.hash, e.finalUrl, artifacts);
    pages.push({ artifacts, snapshot: e.hash, depth: e.depth, linkText: e.linkText, referrer: e.referrer });
  }
  return pages;
}

/**
 * Coverage from the stored crawl figures: adequate unless the site was unreachable/blocked or a budget ran out
 * (the stored result does not say whether relevant links were still queued, so exhaustion counts as inadequate).
 */
function storedSummary(site: SiteResult): CrawlSummary {
  return {
    startUrl: site.url,
    finalUrl: site.finalUrl,
    pages: site.crawl.pages,
    documents: site.crawl.documents,
    bytes: site.crawl.bytes,
    errors: site.crawl.errors,
    skippedByRobots: site.crawl.skippedByRobots,
    budgetExhausted: site.crawl.budgetExhausted,
    budgetReason: null,
    pendingRelevant: site.crawl.budgetExhausted ? 1 : 0,
    durationMs: site.crawl.durationMs,
    siteError: site.error,
    status: site.status,
  };
}

function recheckRecord(run: RunResult, source: RunResult, snapshotsDir: string): RunRecord {
  return {
    id: run.runId,
    mode: "recheck",
    status: "running",
    asOf: run.asOf,
    startedAt: run.startedAt,
    finishedAt: null,
    registryFiles: [],
    filters: { regions: [], spheres: [], kinds: [] },
    counts: { ...runCountsOf([], run.sites.length), findings: emptyStatusCounts() },
    byRule: {},
    resultPath: null,
    snapshotsDir,
    sourceRunId: source.runId,
    compareRunId: source.runId,
    error: null,
    process: `${hostname()}:${process.pid}`,
  };
}

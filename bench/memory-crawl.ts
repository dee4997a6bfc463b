/**
 * Child process for measurement 4: the real pipeline over the synthetic hosts as `nok run` does it — checkSite
 * per site, scheduled by host-scheduler.ts (up to DEFAULT_SITE_CONCURRENCY at a time, gated by the heap), one politeness pool and one snapshot writer (in a temp
 * dir) — politeness off so it finishes quickly. Samples RSS while it runs and reports the peak.
 * Args: --origins JSON --max-pages N --snapshots DIR
 */
import { parseArgs } from "node:util";
import { createHttpFetcher, createPool, DEFAULT_BUDGET, POLITENESS_OFF } from "../src/crawl/index.ts";
import { weightsFromRules } from "../src/findings/score.ts";
import { loadRulesOrThrow } from "../src/pipeline/check-run.ts";
import { hostOfUrl, runByHosts } from "../src/pipeline/host-scheduler.ts";
import { DEFAULT_SITE_CONCURRENCY } from "../src/pipeline/run.ts";
import { newRunId } from "../src/pipeline/run-id.ts";
import { checkSite } from "../src/pipeline/site.ts";
import { ruleInfo } from "../src/rules/index.ts";
import { openRunWriter } from "../src/snapshot/index.ts";
import { report } from "./child.ts";
import { cpuMsSince } from "./stats.ts";

const { values } = parseArgs({
  options: { origins: { type: "string" }, "max-pages": { type: "string" }, snapshots: { type: "string" } },
});
const origins = JSON.parse(values.origins ?? "[]") as string[];
const maxPages = Number(values["max-pages"] ?? DEFAULT_BUDGET.maxPages);

let peakSampled = 0;
let peakHeapUsed = 0;
let samples = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakSampled = Math.max(peakSampled, m.rss);
  peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
  samples++;
};
const rules = loadRulesOrThrow();
const weights = weightsFromRules(rules.map(ruleInfo));
const fetcher = createHttpFetcher();
const pool = createPool(POLITENESS_OFF);
const writer = openRunWriter(values.snapshots ?? "/tmp/nok-bench-memory", newRunId("memory"));
sample();
const baselineRss = process.memoryUsage().rss;
const timer = setInterval(sample, 100);
const cpu = process.cpuUsage();
const started = performance.now();
let pages = 0;
let active = 0;
let maxActive = 0;
// As `nok run` schedules them: up to DEFAULT_SITE_CONCURRENCY sites at once, one per host, none started while
// the heap is above the scheduler's limit.
await runByHosts(
  origins,
  hostOfUrl,
  async (origin, load) => {
    maxActive = Math.max(maxActive, ++active);
    const r = await checkSite(
      { url: `${origin}/`, kind: "authority", sphere: "social", region: null, name: null },
      {
        fetcher,
        pool,
        budget: { ...DEFAULT_BUDGET, maxPages },
        rules,
        weights,
        asOf: "2026-11-20",
        writer,
        // Every page is fetched and extracted: the memory of a site read to its end, not of an early stop.
        settle: false,
        onProgress: (p) => load.pages(p.pages),
      },
    );
    pages += r.crawl.pages;
    active--;
  },
  { maxSites: DEFAULT_SITE_CONCURRENCY },
);
await writer.flush();
clearInterval(timer);
sample();
const wallMs = performance.now() - started;
const cpuMs = cpuMsSince(cpu);
await fetcher.close?.();
report({
  pagesFetched: pages,
  sites: origins.length,
  siteConcurrency: DEFAULT_SITE_CONCURRENCY,
  maxActive,
  wallMs,
  cpuMs,
  peakRssSampled: peakSampled,
  peakHeapUsed,
  // The kernel's high-water mark (KiB → bytes): catches peaks between samples.
  maxRss: process.resourceUsage().maxRSS * 1024,
  baselineRss,
  samples,
});
process.exit(0);

/**
 * Child process for the scale measurement: a synthetic registry of N institutions checked as `nok run` checks
 * them — checkSite per site, scheduled by host (host-scheduler.ts, default limits), one politeness pool with the
 * given interval per host, one snapshot writer — and the peak RSS. Reports every host's request count.
 * Args: --port P --sites N --interval MS --snapshots DIR
 */
import { parseArgs } from "node:util";
import { createHttpFetcher, createPool, DEFAULT_BUDGET, staticLookup } from "../src/crawl/index.ts";
import { weightsFromRules } from "../src/findings/score.ts";
import { hostOfUrl, runByHosts } from "../src/pipeline/host-scheduler.ts";
import { loadRulesOrThrow } from "../src/pipeline/load-rules.ts";
import { DEFAULT_SITE_CONCURRENCY, runPoolOptions } from "../src/pipeline/run.ts";
import { newRunId } from "../src/pipeline/run-id.ts";
import { checkSite } from "../src/pipeline/site.ts";
import { ruleInfo } from "../src/rules/index.ts";
import { openRunWriter } from "../src/snapshot/index.ts";
import { report } from "./child.ts";
import { countingFetcher } from "./counting-fetcher.ts";
import { INSTITUTION_DOMAIN, institutionHost } from "./institution-web.ts";
import { cpuMsSince } from "./stats.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    sites: { type: "string" },
    interval: { type: "string" },
    snapshots: { type: "string" },
  },
});
const port = Number(values.port);
const n = Number(values.sites ?? 1000);
const intervalMs = Number(values.interval ?? 1000);
const rules = loadRulesOrThrow();
const weights = weightsFromRules(rules.map(ruleInfo));
const fetcher = countingFetcher(
  createHttpFetcher({ lookup: staticLookup({ [`*.${INSTITUTION_DOMAIN}`]: "127.0.0.1" }) }),
);
const pool = createPool(runPoolOptions(DEFAULT_SITE_CONCURRENCY, intervalMs));
const writer = openRunWriter(values.snapshots ?? "/tmp/nok-bench-scale", newRunId("scale"));
const urls = Array.from({ length: n }, (_, i) => `http://${institutionHost(i)}:${port}/`);
let peakRss = 0;
const timer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
let active = 0;
let maxActive = 0;
// Time-weighted sites in flight and each site's duration: whether the scheduler or the sites hold the wall.
let activeMs = 0;
let lastChange = performance.now();
const siteMs: number[] = [];
const setActive = (delta: number) => {
  const now = performance.now();
  activeMs += active * (now - lastChange);
  lastChange = now;
  active += delta;
};
let pages = 0;
const statuses: Record<string, number> = {};
const cpu = process.cpuUsage();
const started = performance.now();
await runByHosts(
  urls,
  hostOfUrl,
  async (url, load) => {
    setActive(1);
    maxActive = Math.max(maxActive, active);
    const siteStart = performance.now();
    const r = await checkSite(
      { url, kind: "institution", sphere: "social", region: null, name: null },
      {
        fetcher,
        pool,
        budget: DEFAULT_BUDGET,
        rules,
        weights,
        asOf: "2026-11-20",
        writer,
        onProgress: (p) => load.pages(p.pages),
      },
    );
    pages += r.crawl.pages;
    for (const f of r.findings) statuses[f.status] = (statuses[f.status] ?? 0) + 1;
    siteMs.push(performance.now() - siteStart);
    setActive(-1);
  },
  { maxSites: DEFAULT_SITE_CONCURRENCY },
);
await writer.flush();
const wallMs = performance.now() - started;
const cpuMs = cpuMsSince(cpu);
clearInterval(timer);
await fetcher.close?.();
const requests = [...fetcher.starts.values()].map((s) => s.length);
let minGapMs = Number.POSITIVE_INFINITY;
for (const starts of fetcher.starts.values())
  for (let i = 1; i < starts.length; i++) minGapMs = Math.min(minGapMs, starts[i]! - starts[i - 1]!);
// The pool's own record of request starts (its gate): the fetcher's record above also holds event-loop delays.
let poolMinGapMs = Number.POSITIVE_INFINITY;
for (const host of fetcher.starts.keys()) {
  const starts = pool.startTimes(host);
  for (let i = 1; i < starts.length; i++) poolMinGapMs = Math.min(poolMinGapMs, starts[i]! - starts[i - 1]!);
}
function percentiles(values: number[]): { mean: number; p50: number; p90: number; max: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return {
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
    p50: at(0.5),
    p90: at(0.9),
    max: at(1),
  };
}

report({
  poolMinGapMs: Number.isFinite(poolMinGapMs) ? poolMinGapMs : null,
  wallMs,
  cpuMs,
  sites: n,
  pages,
  hosts: requests.length,
  requests: requests.reduce((a, b) => a + b, 0),
  maxRequests: Math.max(...requests),
  minGapMs: Number.isFinite(minGapMs) ? minGapMs : null,
  maxActive,
  meanActive: activeMs / wallMs,
  siteMs: percentiles(siteMs),
  statuses,
  maxRss: process.resourceUsage().maxRSS * 1024,
  peakRssSampled: peakRss,
});
process.exit(0);

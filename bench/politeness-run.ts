/**
 * Child process for measurement 3: the real pipeline (checkSites) over many demo hosts with politeness on
 * (1 request per second per host, default per-host concurrency) against servers that answer after a fixed
 * latency. Reports the wall time and every host's request count and smallest gap between request starts.
 * Args: --targets JSON (SiteTarget[]) --interval MS --max-pages N --snapshots DIR
 */
import { parseArgs } from "node:util";
import { DEMO_AS_OF } from "../demo/index.ts";
import { createHttpFetcher, createPool } from "../src/crawl/index.ts";
import { checkSites } from "../src/pipeline/check-run.ts";
import type { SiteTarget } from "../src/pipeline/site.ts";
import { report } from "./child.ts";
import { countingFetcher } from "./counting-fetcher.ts";
import { cpuMsSince } from "./stats.ts";

const { values } = parseArgs({
  options: {
    targets: { type: "string" },
    interval: { type: "string" },
    "max-pages": { type: "string" },
    snapshots: { type: "string" },
  },
});
const targets = JSON.parse(values.targets ?? "[]") as SiteTarget[];
const intervalMs = Number(values.interval ?? 1_000);
const fetcher = countingFetcher(createHttpFetcher());
const cpu = process.cpuUsage();
const started = performance.now();
const run = await checkSites(targets, {
  asOf: DEMO_AS_OF,
  fetcher,
  pool: createPool({ minIntervalMs: intervalMs }),
  budget: { maxPages: Number(values["max-pages"] ?? 30) },
  snapshotsDir: values.snapshots ?? "/tmp/nok-bench-politeness",
});
const wallMs = performance.now() - started;
const cpuMs = cpuMsSince(cpu);
await fetcher.close?.();
const hosts = [...fetcher.starts.entries()].map(([host, starts]) => {
  let minGapMs = Number.POSITIVE_INFINITY;
  for (let i = 1; i < starts.length; i++) minGapMs = Math.min(minGapMs, starts[i]! - starts[i - 1]!);
  return { host, requests: starts.length, minGapMs: Number.isFinite(minGapMs) ? minGapMs : null };
});
report({
  wallMs,
  cpuMs,
  hosts,
  pages: run.sites.reduce((n, s) => n + s.crawl.pages, 0),
  sites: run.sites.length,
});
process.exit(0);

/**
 * One pass of the real pipeline (checkSites) over the demo sites into a snapshots dir. checkSites reuses the
 * latest earlier run in that dir by default (conditional requests, the stored body on 304, evidence-first
 * seeds, the on-disk extraction cache), so the second pass into the same dir is the re-run.
 */

import { DEMO_AS_OF } from "../demo/index.ts";
import { createHttpFetcher, createPool, POLITENESS_OFF } from "../src/crawl/index.ts";
import { checkSites } from "../src/pipeline/check-run.ts";
import type { SiteTarget } from "../src/pipeline/site.ts";
import { countingFetcher } from "./counting-fetcher.ts";
import { cpuMsSince } from "./stats.ts";

export interface PassResult {
  runId: string;
  wallMs: number;
  cpuMs: number;
  pages: number;
  requests: number;
  notModified: number;
  /** Body bytes off the wire (the fetcher's count: robots.txt and sitemaps included, 304s none). */
  wireBytes: number;
  /** Body bytes the crawl kept (decoded), as its summary counts them. */
  bytes: number;
  /** `rule=status` lists per site, in target order: a re-run must judge exactly as the first run. */
  verdicts: string[];
}

export async function checkPass(root: string, targets: SiteTarget[]): Promise<PassResult> {
  let wireBytes = 0;
  const fetcher = countingFetcher(
    createHttpFetcher({
      onResponseRead: (r) => {
        wireBytes += r.rawBytes;
      },
    }),
  );
  const cpu = process.cpuUsage();
  const started = performance.now();
  const run = await checkSites(targets, {
    asOf: DEMO_AS_OF,
    snapshotsDir: root,
    fetcher,
    pool: createPool(POLITENESS_OFF),
  });
  const wallMs = performance.now() - started;
  const cpuMs = cpuMsSince(cpu);
  await fetcher.close?.();
  return {
    runId: run.runId,
    wallMs,
    cpuMs,
    pages: run.sites.reduce((n, s) => n + s.crawl.pages, 0),
    requests: [...fetcher.starts.values()].reduce((n, l) => n + l.length, 0),
    notModified: fetcher.notModified,
    wireBytes,
    bytes: run.sites.reduce((n, s) => n + s.crawl.bytes, 0),
    verdicts: run.sites.map((s) => s.findings.map((f) => `${f.rule}=${f.status}`).join(",")),
  };
}

/** Rule verdicts of `b` that differ from `a`, as `site-index:rule a→b`. */
export function verdictChanges(a: PassResult, b: PassResult): string[] {
  const out: string[] = [];
  a.verdicts.forEach((list, i) => {
    const before = list.split(",");
    const after = (b.verdicts[i] ?? "").split(",");
    before.forEach((v, j) => {
      if (after[j] !== v) out.push(`${i}:${v}→${after[j]?.split("=")[1] ?? "?"}`);
    });
  });
  return out;
}

// Test helper: one demo site checked as `nok check` checks it, with or without the settle stop.
import { recordingWriter } from "../../bench/recording-writer.ts";
import { DEMO_AS_OF, startDemoWeb } from "../../demo/index.ts";
import type { DemoWeb } from "../../demo/web/web.ts";
import { createHttpFetcher, createPool, DEFAULT_BUDGET, POLITENESS_OFF } from "../../src/crawl/index.ts";
import { weightsFromRules } from "../../src/findings/score.ts";
import { loadRulesOrThrow } from "../../src/pipeline/check-run.ts";
import { checkSite } from "../../src/pipeline/site.ts";
import { ruleInfo } from "../../src/rules/index.ts";
import type { SiteResult } from "../../src/types/index.ts";

export interface DemoCheck {
  result: SiteResult;
  /** Paths fetched, in fetch order. */
  urls: string[];
  statuses: Record<string, string>;
}

export function demoWeb(only: string[]): Promise<DemoWeb> {
  return startDemoWeb({ slowLatencyMs: 0, only });
}

export async function checkDemoSite(web: DemoWeb, id: string, settle?: false): Promise<DemoCheck> {
  const site = web.sites.find((s) => s.id === id)!;
  const rules = loadRulesOrThrow();
  const fetcher = createHttpFetcher();
  const writer = recordingWriter("test");
  try {
    const result = await checkSite(
      { url: site.url, kind: "authority", sphere: site.sphere, region: site.region, name: site.name },
      {
        fetcher,
        // One request at a time, as a polite run to one host: the order, and so the stop, is the priorities'.
        pool: createPool({ ...POLITENESS_OFF, perHostConcurrency: 1 }),
        budget: DEFAULT_BUDGET,
        rules,
        weights: weightsFromRules(rules.map(ruleInfo)),
        asOf: DEMO_AS_OF,
        writer,
        ...(settle === false ? { settle } : {}),
      },
    );
    return {
      result,
      urls: writer.entries.map((e) => new URL(e.url).pathname),
      statuses: Object.fromEntries(result.findings.map((f) => [f.rule, f.status])),
    };
  } finally {
    await fetcher.close?.();
  }
}

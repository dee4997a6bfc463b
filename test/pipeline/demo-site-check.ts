// Test helper: one demo site checked as `nok check` checks it (bench/focus.ts), with or without the settle stop.
import { checkDemoAuthority } from "../../bench/focus.ts";
import { recordingWriter } from "../../bench/recording-writer.ts";
import { startDemoWeb } from "../../demo/index.ts";
import type { DemoWeb } from "../../demo/web/web.ts";
import { createHttpFetcher } from "../../src/crawl/index.ts";
import { loadRulesOrThrow } from "../../src/pipeline/check-run.ts";
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
  const fetcher = createHttpFetcher();
  const writer = recordingWriter("test");
  try {
    const result = await checkDemoAuthority(site, {
      fetcher,
      rules: loadRulesOrThrow(),
      writer,
      ...(settle === false ? { settle } : {}),
    });
    return {
      result,
      urls: writer.entries.map((e) => new URL(e.url).pathname),
      statuses: Object.fromEntries(result.findings.map((f) => [f.rule, f.status])),
    };
  } finally {
    await fetcher.close?.();
  }
}

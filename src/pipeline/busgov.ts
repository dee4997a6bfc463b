/**
 * bus.gov.ru for one institution, live: ask the service, store every raw JSON answer in the run's snapshots
 * (fetcher "busgov"), judge the `busgov/*` rules (busgov-judge.ts). A stored run is re-judged offline by
 * busgov-replay.ts, which never touches the network.
 */
import { answerPages } from "../crawl/busgov/index.ts";
import type { BusGovClient } from "../extract/busgov/client.ts";
import type { SnapshotWriter } from "../snapshot/index.ts";
import type { CrawlRequest, RuleDef, SiteResult } from "../types/index.ts";
import { createBusGovClient } from "./busgov-client.ts";
import { ask, type BusgovTarget, judge, queryOf } from "./busgov-judge.ts";
import { manifestEntry } from "./site.ts";

export interface CheckBusgovOptions {
  client: BusGovClient;
  rules: RuleDef[];
  asOf: string;
  writer: SnapshotWriter;
  weights: Record<string, number>;
}

/**
 * The client for a run: one per run, because pacing is global for bus.gov.ru. A local stand-in (the demo's
 * mock on 127.0.0.1) needs no pause between requests; the real service gets the client's polite default.
 */
export function createRunBusGovClient(baseUrl: string) {
  const local = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i.test(baseUrl);
  return createBusGovClient({ baseUrl, ...(local ? { minIntervalMs: 0, backoffMs: 50 } : {}) });
}

/** Asks bus.gov.ru about one institution, stores the raw answers, judges the busgov rules. */
export async function checkBusgov(target: BusgovTarget, options: CheckBusgovOptions): Promise<SiteResult> {
  const started = Date.now();
  const asked = await ask(options.client, queryOf(target));
  const request: CrawlRequest = {
    url: target.url,
    key: target.url,
    depth: 0,
    priority: 0,
    referrer: target.site ?? null,
    linkText: null,
    source: "seed",
  };
  let bytes = 0;
  let exchanges = 0;
  for (const answer of asked.answers) {
    for (const page of answerPages(answer)) {
      const body = page.body && page.body.length > 0 ? page.body : null;
      const hash = body ? await options.writer.putBody(body) : null;
      bytes += body?.length ?? 0;
      if (page.status > 0) exchanges++;
      await options.writer.append(
        manifestEntry(target.url, page, { ...request, url: page.url }, hash, body?.length ?? 0),
      );
    }
  }
  await options.writer.flush();
  return judge(target, asked.data, { ...options, pages: exchanges, bytes, durationMs: Date.now() - started });
}

export { type BusGovClientOptions, createBusGovClient, type HttpBusGovClient } from "./busgov-client.ts";
export {
  type BusgovTarget,
  busgovBaseUrl,
  busgovQueryFromUrl,
  busgovTargetFor,
  busgovTargetUrl,
  DEFAULT_BUSGOV_URL,
} from "./busgov-judge.ts";
export { recheckBusgovSite, replayBusGovClient } from "./busgov-replay.ts";

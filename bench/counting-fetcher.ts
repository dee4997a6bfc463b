/** Wraps a Fetcher to record every request's host and start time (robots.txt and sitemaps included). */
import { hostKey } from "../src/crawl/index.ts";
import type { Fetcher } from "../src/types/index.ts";

export interface CountingFetcher extends Fetcher {
  /** Request start times (ms, performance.now()) by host. */
  readonly starts: Map<string, number[]>;
  notModified: number;
}

export function countingFetcher(inner: Fetcher): CountingFetcher {
  const starts = new Map<string, number[]>();
  const self: CountingFetcher = {
    name: inner.name,
    starts,
    notModified: 0,
    async fetch(url, options) {
      const host = hostKey(url);
      let list = starts.get(host);
      if (!list) {
        list = [];
        starts.set(host, list);
      }
      list.push(performance.now());
      const page = await inner.fetch(url, options);
      if (page.notModified) self.notModified++;
      return page;
    },
    ...(inner.close ? { close: () => inner.close!() } : {}),
  };
  return self;
}

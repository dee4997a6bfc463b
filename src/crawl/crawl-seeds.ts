import type { CrawlSiteOptions } from "./crawl-site-types.ts";
import { isConnectionError } from "./errors.ts";
import type { FetchFn } from "./fetch-fn.ts";
import type { Frontier } from "./frontier.ts";
import type { HostRobots } from "./robots.ts";
import type { Scope } from "./scope.ts";
import { collectSitemapUrls } from "./sitemap.ts";

// Seeding the frontier before the home page: sitemap URLs and the caller's own seeds.

export interface SeedInput {
  start: string;
  startRobots: HostRobots | null;
  scope: Scope;
  frontier: Frontier;
  fetchPage: FetchFn;
  respectRobots: boolean;
  useSitemaps: boolean;
  options: CrawlSiteOptions;
}

/** Push the sitemap URLs and the extra seeds; returns how many sitemap URLs the frontier accepted. */
export async function seedFrontier(s: SeedInput): Promise<number> {
  const { start, startRobots, scope, frontier, options } = s;
  // A robots.txt that could not even be connected to: don't spend more requests on sitemaps.
  const startDown = startRobots?.status === "error" && isConnectionError(startRobots.error?.code);
  let sitemapUrls = 0;
  if (s.useSitemaps && !startDown) {
    const listed = (startRobots?.sitemaps() ?? []).filter((u) => scope.inScope(u));
    // Sitemaps named in robots.txt are invited; the conventional location is only a guess and obeys Disallow.
    const guess = new URL("/sitemap.xml", start).href;
    const guessAllowed = !s.respectRobots || (startRobots?.isAllowed(guess) ?? true);
    const roots = listed.length > 0 ? listed : guessAllowed ? [guess] : [];
    const collected = await collectSitemapUrls(roots, s.fetchPage, options.sitemapLimits);
    for (const entry of collected.urls) {
      const pushed = frontier.push(
        { url: entry.url, text: "" },
        { depth: 1, referrer: null, source: "sitemap", bias: options.sitemapBias ?? -1 },
      );
      if (pushed.accepted) sitemapUrls++;
    }
  }

  for (const seed of options.seeds ?? []) {
    frontier.push(
      { url: seed.url, text: seed.text ?? "" },
      { depth: seed.depth, referrer: seed.referrer ?? null, source: "seed", bias: seed.bias ?? 0 },
    );
  }
  return sitemapUrls;
}

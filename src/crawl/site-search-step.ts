import type { CrawlRequest, FetchedPage, LinkCandidate } from "../types/index.ts";
import type { CrawlSiteOptions, SiteCrawlSummary } from "./crawl-site-types.ts";
import type { Counters, CrawlProgress } from "./crawl-state.ts";
import type { FetchFn } from "./fetch-fn.ts";
import type { Frontier } from "./frontier.ts";
import type { HostRobots } from "./robots.ts";
import {
  contentTargets,
  findSearchForm,
  ignoresQuery,
  SEARCH_RESULT_FLOOR,
  searchUrl,
} from "./site-search.ts";
import { urlKey } from "./url.ts";

// crawlSite's site-search step: query the site's own search form after the home page.

export interface SearchStepState {
  progress: CrawlProgress;
  c: Counters;
  fetchedKeys: Set<string>;
  frontier: Frontier;
  fetchPage: FetchFn;
  robotsFor: (url: string) => Promise<HostRobots>;
  respectRobots: boolean;
  signal: AbortSignal;
  maxPages: number;
  options: CrawlSiteOptions;
  /** The home page's links: the template a search that ignores its query repeats. */
  homeLinks: LinkCandidate[];
}

/** The site's search, queried with the cues: its result pages are handled like pages, their links boosted. */
export async function searchSite(
  s: SearchStepState,
  homePage: FetchedPage,
  cues: readonly string[],
): Promise<NonNullable<SiteCrawlSummary["siteSearch"]>> {
  const { progress, c, fetchedKeys, frontier, fetchPage, signal, homeLinks } = s;
  const form = findSearchForm(homePage);
  if (!form) return { form: null, queries: 0, used: false };
  const results: { page: FetchedPage; links: LinkCandidate[] }[] = [];
  let queries = 0;
  for (const cue of cues) {
    if (progress.stopRequested || signal?.aborted || progress.launched >= s.maxPages) break;
    const url = searchUrl(form, cue);
    const req: CrawlRequest = {
      url,
      key: urlKey(url),
      depth: 1,
      priority: SEARCH_RESULT_FLOOR,
      referrer: homePage.finalUrl,
      linkText: `Поиск по сайту: «${cue}»`,
      linkContext: null,
      source: "search",
    };
    if (fetchedKeys.has(req.key)) continue;
    // Our own query, not a page the site links: a robots.txt refusal is not counted as a skipped page.
    if (s.respectRobots && !(await s.robotsFor(url)).isAllowed(url)) continue;
    progress.launched++;
    queries++;
    fetchedKeys.add(req.key);
    frontier.markSeen(url);
    const page = await fetchPage(url, signal ? { signal } : {});
    if (signal?.aborted) break;
    // A search that fails (404, 500) says nothing about the site's pages: counted in the budget, not as an error.
    c.pages++;
    c.bytes += page.body?.length ?? 0;
    if (page.error !== null) continue;
    c.okPages++;
    const outcome = await s.options.onPage(page, req);
    if (outcome.stop) progress.stopRequested = true;
    results.push({ page, links: outcome.links });
  }
  const used =
    results.length > 0 &&
    !ignoresQuery(
      results.map((r) => r.links),
      homeLinks,
    );
  if (used) {
    const template = contentTargets(homeLinks);
    for (const r of results) {
      for (const link of r.links) {
        if (link.inNav || template.has(link.url)) continue;
        frontier.push(link, {
          depth: 2,
          referrer: r.page.finalUrl,
          source: "link",
          floor: SEARCH_RESULT_FLOOR,
        });
      }
    }
  }
  return { form: form.action, queries, used };
}

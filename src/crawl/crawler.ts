import { setMaxListeners } from "node:events";
import type { CrawlBudget, CrawlRequest, CrawlSummary, FetchedPage, LinkCandidate } from "../types/index.ts";
import { createCircuitBreaker } from "./circuit-breaker.ts";
import { createSiteCookieJar } from "./cookies/site-cookie-jar.ts";
import { seedFrontier } from "./crawl-seeds.ts";
import type { CrawlSiteOptions, SiteCrawlSummary } from "./crawl-site-types.ts";
import { type CrawlProgress, newCounters, recordPage } from "./crawl-state.ts";
import { baseSummary, siteStatus } from "./crawl-summary.ts";
import { DEFAULT_BUDGET } from "./defaults.ts";
import { crawlError, isConnectionError } from "./errors.ts";
import type { FetchFn } from "./fetch-fn.ts";
import { createFrontier, type FrontierRequest } from "./frontier.ts";
import { abortedPage, isBlank, timedOutPage } from "./page-outcome.ts";
import { isNewsList, isPaginationLink } from "./pagination.ts";
import { createPool } from "./politeness.ts";
import { withRetry } from "./retry.ts";
import { type HostRobots, RobotsCache } from "./robots.ts";
import { createScope } from "./scope.ts";
import { childFloor, mayLaunch, sectionChildFloor, UNRELATED_BIAS } from "./settle.ts";
import { searchSite } from "./site-search-step.ts";
import { requestUrl, urlKey } from "./url.ts";

// The option and summary types live in crawl-site-types.ts; importers of crawler.ts still find them here.
export type {
  CrawlSeed,
  CrawlSiteOptions,
  PageHandler,
  PageOutcome,
  SiteCrawlSummary,
  SkipReason,
} from "./crawl-site-types.ts";

function effectivePort(url: string): number | null {
  try {
    const u = new URL(url);
    return u.port ? Number(u.port) : u.protocol === "https:" ? 443 : 80;
  } catch {
    return null;
  }
}

/**
 * Crawl one site best-first: robots.txt and sitemaps, the home page, then the
 * highest-priority links until the frontier is empty, the handler says stop, or a
 * budget (pages, bytes, time) runs out.
 */
export async function crawlSite(startUrl: string, options: CrawlSiteOptions): Promise<SiteCrawlSummary> {
  const started = Date.now();
  const budget: CrawlBudget = { ...DEFAULT_BUDGET, ...options.budget };
  const deadline = started + budget.maxDurationMs;
  const respectRobots = options.respectRobots ?? true;
  const useSitemaps = options.useSitemaps ?? true;
  // The site's own clock: at the deadline in-flight fetches are aborted too (a trickling body or a silent
  // server would otherwise hold the site past its budget), and pages cut by it are recorded as timeouts.
  const clock = new AbortController();
  const homeDurationMs = budget.homeDurationMs ?? DEFAULT_BUDGET.homeDurationMs ?? budget.maxDurationMs;
  let clockReason: string | null = null;
  const stopClock = (reason: string) => () => {
    clockReason ??= reason;
    clock.abort(new Error(reason));
  };
  // The home page is bounded by its own timer: the site's budget starts cutting fetches only after it.
  const siteStop = stopClock(`site time budget of ${Math.round(budget.maxDurationMs / 1000)} s spent`);
  const siteTimer = setTimeout(() => {
    if (homeTimer === null) siteStop();
  }, budget.maxDurationMs);
  let homeTimer: ReturnType<typeof setTimeout> | null = setTimeout(
    stopClock(`the home page did not answer within ${Math.round(homeDurationMs / 1000)} s`),
    homeDurationMs,
  );
  const signal = options.signal ? AbortSignal.any([options.signal, clock.signal]) : clock.signal;
  // Every queued and in-flight request listens to it (pool, queue, undici, retry sleeps): many at once is normal.
  setMaxListeners(0, clock.signal, signal);
  const userSignal = options.signal;
  try {
    return await crawlWithin();
  } finally {
    clearTimeout(siteTimer);
    if (homeTimer) clearTimeout(homeTimer);
  }

  async function crawlWithin(): Promise<SiteCrawlSummary> {
    const pool = options.pool ?? createPool();
    const c = newCounters();
    // Shared with the site-search step, which launches requests and may be told to stop.
    const progress: CrawlProgress = { launched: 0, stopRequested: false };

    // The start URL is requested as given (only a fragment dropped), like every link.
    const start = requestUrl(startUrl);
    const summary = (fields: Partial<SiteCrawlSummary>): SiteCrawlSummary =>
      baseSummary(startUrl, start, started, c, fields);
    if (start === null) {
      return summary({
        status: "unreachable",
        siteError: crawlError("invalid-url", `not an http(s) URL: ${startUrl}`),
      });
    }

    const scope = createScope(start, options.scope);
    const frontier = createFrontier({
      ...options.frontier,
      scope,
      maxDepth: budget.maxDepth,
      ...(options.priority ? { priority: options.priority } : {}),
    });
    const breaker =
      options.circuitBreaker === false ? null : (options.circuitBreaker ?? createCircuitBreaker());
    // One jar per site crawl, on every request of it (robots.txt and sitemaps too), never shared with another site.
    const cookies = options.cookies === false ? undefined : (options.cookies ?? createSiteCookieJar());
    // Every fetch of the site (robots.txt and sitemaps too) carries its start URL: the address policy lets a
    // site named at a private address stay there, and keeps a public one from moving there.
    const fetcherFetch: FetchFn = (url, o) =>
      options.fetcher.fetch(url, cookies ? { ...o, cookies, site: start } : { ...o, site: start });
    const guarded = breaker ? breaker.wrap(fetcherFetch) : fetcherFetch;
    const attempt: FetchFn = (url, o) =>
      pool
        // robots.txt and sitemap fetches come without a signal of their own: the site's clock bounds them too.
        .run(url, () => guarded(url, { ...o, signal: o?.signal ?? signal }), { signal })
        .catch((reason: unknown) => abortedPage(url, reason))
        .then((page) => (clockReason !== null && page.error ? timedOutPage(page, clockReason) : page));
    const fetchPage: FetchFn = options.retry === false ? attempt : withRetry(attempt, options.retry ?? {});

    // robots.txt: loaded per origin on first use; its Crawl-delay raises that host's interval.
    const robotsCache = new RobotsCache(fetchPage);
    const robotsFor = async (url: string): Promise<HostRobots> => {
      const cached = robotsCache.peek(url);
      if (cached) return cached;
      const robots = await robotsCache.forUrl(url);
      pool.setCrawlDelay(url, robots.crawlDelay());
      return robots;
    };

    let startRobots: HostRobots | null = null;
    if (respectRobots || useSitemaps) {
      startRobots = await robotsFor(start);
    }

    const sitemapUrls = await seedFrontier({
      start,
      startRobots,
      scope,
      frontier,
      fetchPage,
      respectRobots,
      useSitemaps,
      options,
    });

    /** A redirect hop of a link: in scope and on a port the site uses (another port is another server). */
    const sitePorts = new Set([effectivePort(start), 80, 443]);
    const hopInScope = (url: string): boolean => {
      if (!scope.inScope(url)) return false;
      const port = effectivePort(url);
      return (
        port !== null &&
        (sitePorts.has(port) || (homePage !== null && port === effectivePort(homePage.finalUrl)))
      );
    };

    const fetchedKeys = new Set<string>();
    let handlerError: unknown = null;
    let homePage: FetchedPage | null = null;
    let homeLinks: LinkCandidate[] = [];

    /** Fetch one request (unless robots.txt forbids it) and hand the page on. */
    const handle = async (req: FrontierRequest | CrawlRequest, isHome: boolean): Promise<void> => {
      progress.launched++;
      if (respectRobots) {
        const robots = await robotsFor(req.url);
        if (!robots.isAllowed(req.url)) {
          progress.launched--;
          c.skippedByRobots++;
          options.onSkip?.(req, "robots", null);
          return;
        }
      }
      fetchedKeys.add(req.key);
      const conditional = options.conditionalFor?.(req.url);
      let page = await fetchPage(req.url, {
        ...(conditional ? { conditional } : {}),
        ...(signal ? { signal } : {}),
        // Only the home page may move the site (new domain, www, https); a link's redirect stays in scope.
        ...(isHome ? {} : { checkHop: (url: string) => (hopInScope(url) ? null : "out of scope") }),
      });
      if (userSignal?.aborted) return;
      if (isHome) {
        if (homeTimer) clearTimeout(homeTimer);
        homeTimer = null;
        // 200 with nothing in it: the site serves no page, whatever its status line says.
        if (page.error === null && !page.notModified && isBlank(page.body)) {
          page = { ...page, error: crawlError("empty", "the home page answered with an empty body") };
        }
        homePage = page;
        // A home page moved to another host (new domain, www, https): follow it once and widen the scope.
        if (page.finalUrl !== req.url && !scope.inScope(page.finalUrl)) scope.allowHost(page.finalUrl);
      }
      recordPage(c, page);
      if (page.finalUrl !== req.url) {
        if (!(isHome ? scope.inScope(page.finalUrl) : hopInScope(page.finalUrl))) {
          options.onSkip?.(req, "out-of-scope-redirect", page);
          return;
        }
        const finalKey = urlKey(page.finalUrl);
        if (fetchedKeys.has(finalKey) && finalKey !== req.key) {
          options.onSkip?.(req, "duplicate-redirect", page);
          return;
        }
        fetchedKeys.add(finalKey);
        frontier.markSeen(page.finalUrl);
      }
      const outcome = await options.onPage(page, req);
      if (isHome) {
        homeLinks = outcome.links;
        if (settle) homeTargets = new Set(homeLinks.map((l) => l.url.replace(/#.*$/, "")));
      }
      // The next pages of a relevant list (not of a news archive) are as promising as the list itself.
      const listFloor =
        req.priority > 0 && Number.isFinite(req.priority) && !isNewsList(page.finalUrl, req.linkText)
          ? req.priority
          : undefined;
      for (const link of outcome.links) {
        const unrelated = outcome.unrelated?.has(link.url) === true;
        const floor = unrelated
          ? undefined
          : listFloor !== undefined && isPaginationLink(link, page.finalUrl)
            ? listFloor
            : (sectionChildFloor(settle, outcome.section === true, link, homeTargets, req.priority) ??
              (settle && outcome.relevant?.has(link.url) ? childFloor(settle) : undefined));
        frontier.push(link, {
          depth: req.depth + 1,
          referrer: page.finalUrl,
          source: "link",
          ...(floor !== undefined ? { floor } : {}),
          ...(unrelated ? { bias: UNRELATED_BIAS } : {}),
        });
      }
      if (outcome.reprioritize) frontier.reprioritize();
      if (outcome.stop) progress.stopRequested = true;
    };

    // Settle: what the home page links is the site's front, not a section's own material.
    const settle = options.settle || null;
    let homeTargets: ReadonlySet<string> = new Set();

    const run = (req: FrontierRequest | CrawlRequest, isHome: boolean) =>
      handle(req, isHome).catch((err: unknown) => {
        handlerError ??= err;
        progress.stopRequested = true;
      });

    // The home page first, alone: whether the site answers at all decides the rest.
    frontier.markSeen(start);
    const homeRequest: CrawlRequest = {
      url: start,
      key: urlKey(start),
      depth: 0,
      priority: Number.POSITIVE_INFINITY,
      referrer: null,
      linkText: null,
      linkContext: null,
      source: "seed",
    };
    await run(homeRequest, true);
    if (homeTimer) clearTimeout(homeTimer);
    homeTimer = null;

    const home = homePage as FetchedPage | null;
    const homeDown =
      home !== null &&
      (isConnectionError(home.error?.code) ||
        home.error?.code === "circuit-open" ||
        home.error?.code === "empty");

    let budgetReason: CrawlSummary["budgetReason"] = null;
    const budgetLeft = (): boolean => {
      if (Date.now() >= deadline || clock.signal.aborted) budgetReason = "time";
      else if (progress.launched >= budget.maxPages) budgetReason = "pages";
      else if (c.bytes >= budget.maxBytes) budgetReason = "bytes";
      else return true;
      return false;
    };

    let siteSearch: SiteCrawlSummary["siteSearch"] = null;
    if (options.siteSearch && home && !homeDown && home.error === null && !progress.stopRequested) {
      const state = {
        progress,
        c,
        fetchedKeys,
        frontier,
        fetchPage,
        robotsFor,
        respectRobots,
        signal,
        maxPages: budget.maxPages,
        options,
        homeLinks,
      };
      siteSearch = await searchSite(state, home, options.siteSearch.cues).catch((err: unknown) => {
        handlerError ??= err;
        progress.stopRequested = true;
        return null;
      });
    }

    const concurrency = Math.max(1, pool.concurrencyFor(start));
    const inflight = new Set<Promise<void>>();
    // Below the relevant priority nothing more is launched: the pages in flight may still queue relevant links.
    const launchable = () =>
      frontier.size > 0 && mayLaunch(settle, progress.launched, frontier.topPriority());
    if (!homeDown) {
      for (;;) {
        if (progress.stopRequested || signal.aborted) break;
        const held = () => inflight.size > 0 && options.mayLaunchBeside?.(frontier.topPriority()) === false;
        while (
          inflight.size < concurrency &&
          launchable() &&
          !held() &&
          !progress.stopRequested &&
          budgetLeft()
        ) {
          const req = frontier.pop()!;
          if (fetchedKeys.has(req.key)) continue;
          const task = run(req, false).finally(() => inflight.delete(task));
          inflight.add(task);
        }
        if (inflight.size === 0) break;
        await Promise.race(inflight);
      }
      await Promise.allSettled([...inflight]);
    }
    if (handlerError !== null) throw handlerError;

    const settled =
      settle !== null &&
      !homeDown &&
      !progress.stopRequested &&
      !signal.aborted &&
      frontier.size > 0 &&
      !launchable();
    const exhausted = budgetReason !== null && frontier.size > 0 && !progress.stopRequested && !settled;
    const { status, siteError } = siteStatus(homeDown, home, c, startRobots);

    return summary({
      finalUrl: home?.finalUrl ?? start,
      budgetExhausted: exhausted,
      budgetReason: exhausted ? budgetReason : null,
      pendingRelevant: frontier.pendingRelevant(settle?.relevantFrom),
      settled,
      siteError,
      status,
      scopeWidenedTo: [...scope.widened],
      robots: startRobots ? { status: startRobots.status, error: startRobots.error } : null,
      sitemapUrls,
      siteSearch,
      aborted: userSignal?.aborted ?? false,
      rejected: { ...frontier.rejected },
    });
  }
}

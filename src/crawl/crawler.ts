import { setMaxListeners } from "node:events";
import type {
  Conditional,
  CrawlBudget,
  CrawlError,
  CrawlRequest,
  CrawlSummary,
  FetchedPage,
  Fetcher,
  LinkCandidate,
  SiteCookies,
} from "../types/index.ts";
import { type CircuitBreaker, createCircuitBreaker } from "./circuit-breaker.ts";
import { isDocumentKind } from "./content-kind.ts";
import { createSiteCookieJar } from "./cookies/site-cookie-jar.ts";
import { DEFAULT_BUDGET } from "./defaults.ts";
import { crawlError, isConnectionError, unfetchedPage } from "./errors.ts";
import type { FetchFn } from "./fetch-fn.ts";
import {
  createFrontier,
  type FrontierOptions,
  type FrontierRequest,
  type PushRejection,
} from "./frontier.ts";
import { isNewsList, isPaginationLink } from "./pagination.ts";
import { createPool, type HostPool } from "./politeness.ts";
import type { PriorityFn } from "./priority.ts";
import { type RetryOptions, withRetry } from "./retry.ts";
import { type HostRobots, RobotsCache } from "./robots.ts";
import { createScope, type ScopeOptions } from "./scope.ts";
import { mayLaunch, type SettleOptions, sectionChildFloor } from "./settle.ts";
import {
  contentTargets,
  findSearchForm,
  ignoresQuery,
  SEARCH_RESULT_FLOOR,
  searchUrl,
} from "./site-search.ts";
import { collectSitemapUrls, type SitemapLimits } from "./sitemap.ts";
import { requestUrl, urlKey } from "./url.ts";

/** What the page handler returns: the page's links, and whether the crawl is done. */
export interface PageOutcome {
  links: LinkCandidate[];
  /** Every rule is decided: stop crawling this site. */
  stop?: boolean;
  /** The cues changed (a rule was decided): recompute queued priorities. */
  reprioritize?: boolean;
  /** The page is a section (settle.ts): its content links are relevant whatever their wording. */
  section?: boolean;
  /** Links of the page (by URL) that are relevant places whatever their priority (settle.ts). */
  relevant?: ReadonlySet<string>;
}

export type PageHandler = (page: FetchedPage, request: CrawlRequest) => Promise<PageOutcome> | PageOutcome;

/** Why a queued request was not handed to onPage. */
export type SkipReason = "robots" | "out-of-scope-redirect" | "duplicate-redirect";

export interface CrawlSiteOptions {
  fetcher: Fetcher;
  budget?: Partial<CrawlBudget>;
  /** Politeness pool; share one across concurrent site crawls. Default: a fresh pool with default limits. */
  pool?: HostPool;
  priority?: PriorityFn;
  /** Called once per fetched URL, errors included (page.error set); not for robots-skipped URLs. */
  onPage: PageHandler;
  onSkip?: (request: CrawlRequest, reason: SkipReason, page: FetchedPage | null) => void;
  conditionalFor?: (url: string) => Conditional | undefined;
  respectRobots?: boolean;
  useSitemaps?: boolean;
  signal?: AbortSignal;
  /** Retry options, or false for none. */
  retry?: Partial<RetryOptions> | false;
  /** A breaker shared across crawls, or false for none. Default: one per crawl. */
  circuitBreaker?: CircuitBreaker | false;
  frontier?: Partial<Omit<FrontierOptions, "scope" | "maxDepth" | "priority">>;
  scope?: ScopeOptions;
  sitemapLimits?: Partial<SitemapLimits>;
  /** Priority bias of sitemap seeds: low unless their URL matches cues. Default -1. */
  sitemapBias?: number;
  /**
   * Extra seeds, e.g. where the previous run found its evidence: a re-run goes there first instead of
   * rediscovering the path. They pass the same scope, dedup and robots checks as any link.
   */
  seeds?: { url: string; text?: string; depth: number; bias?: number }[];
  /** The site's cookie jar; default a fresh one per crawl; false for none. */
  cookies?: SiteCookies | false;
  /**
   * Query the site's own search form (found on the home page) with these cues after the home page; the result
   * links become candidates. Robots.txt applies and the queries count in the page budget. Default: off.
   */
  siteSearch?: { cues: readonly string[] } | false;
  /**
   * Stop when the relevant places are read (settle.ts), not when every link is exhausted. Default: off
   * (every link within budget).
   */
  settle?: SettleOptions | false;
}

/** CrawlSummary plus what the crawl learned about the site on the way. */
export interface SiteCrawlSummary extends CrawlSummary {
  /** Hosts added to the scope by a home-page redirect. */
  scopeWidenedTo: string[];
  /** robots.txt of the start origin: `error` means it failed and everything was allowed. */
  robots: { status: HostRobots["status"]; error: CrawlError | null } | null;
  sitemapUrls: number;
  aborted: boolean;
  /** Links the frontier refused, by reason. */
  rejected: Record<PushRejection, number>;
  /** The site search: its form's action, queries sent, and whether its results were used (false: it ignores the query). */
  siteSearch: { form: string | null; queries: number; used: boolean } | null;
  /** Stopped with links still queued, none of them relevant (settle.ts): the relevant places were read. */
  settled: boolean;
}

interface Counters {
  pages: number;
  okPages: number;
  documents: number;
  bytes: number;
  errors: number;
  refused: number;
  skippedByRobots: number;
  firstError: CrawlError | null;
  firstRefusal: CrawlError | null;
}

const REFUSAL_STATUSES = new Set([401, 403]);

/** The site answered but would not show the page: rate limit, 401/403, or an anti-bot challenge. */
function isRefusal(page: FetchedPage): boolean {
  return (
    page.error?.code === "http-429" ||
    page.error?.code === "bot-wall" ||
    (page.error?.code === "http-4xx" && REFUSAL_STATUSES.has(page.status))
  );
}

function effectivePort(url: string): number | null {
  try {
    const u = new URL(url);
    return u.port ? Number(u.port) : u.protocol === "https:" ? 443 : 80;
  } catch {
    return null;
  }
}

function isBlank(body: Uint8Array | null): boolean {
  if (!body || body.length === 0) return true;
  if (body.length > 64) return false;
  return body.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

/** A page cut by the site's clock says so: a timeout, not a connection that failed by itself. */
function timedOutPage(page: FetchedPage, reason: string): FetchedPage {
  if (page.error?.code === "timeout") return page;
  return { ...page, error: crawlError("timeout", reason) };
}

function abortedPage(url: string, reason: unknown): FetchedPage {
  return unfetchedPage(url, crawlError("unknown", `aborted: ${String(reason)}`));
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
    const c: Counters = {
      pages: 0,
      okPages: 0,
      documents: 0,
      bytes: 0,
      errors: 0,
      refused: 0,
      skippedByRobots: 0,
      firstError: null,
      firstRefusal: null,
    };

    // The start URL is requested as given (only a fragment dropped), like every link.
    const start = requestUrl(startUrl);
    const summary = (fields: Partial<SiteCrawlSummary>): SiteCrawlSummary => ({
      startUrl,
      finalUrl: start ?? startUrl,
      pages: c.pages,
      documents: c.documents,
      bytes: c.bytes,
      errors: c.errors,
      skippedByRobots: c.skippedByRobots,
      budgetExhausted: false,
      budgetReason: null,
      pendingRelevant: 0,
      durationMs: Date.now() - started,
      siteError: null,
      status: "ok",
      scopeWidenedTo: [],
      robots: null,
      sitemapUrls: 0,
      siteSearch: null,
      settled: false,
      aborted: false,
      rejected: {
        "invalid-url": 0,
        "out-of-scope": 0,
        duplicate: 0,
        depth: 0,
        trap: 0,
        unsupported: 0,
        full: 0,
      },
      ...fields,
    });
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

    // A robots.txt that could not even be connected to: don't spend more requests on sitemaps.
    const startDown = startRobots?.status === "error" && isConnectionError(startRobots.error?.code);
    let sitemapUrls = 0;
    if (useSitemaps && !startDown) {
      const listed = (startRobots?.sitemaps() ?? []).filter((u) => scope.inScope(u));
      // Sitemaps named in robots.txt are invited; the conventional location is only a guess and obeys Disallow.
      const guess = new URL("/sitemap.xml", start).href;
      const guessAllowed = !respectRobots || (startRobots?.isAllowed(guess) ?? true);
      const roots = listed.length > 0 ? listed : guessAllowed ? [guess] : [];
      const collected = await collectSitemapUrls(roots, fetchPage, options.sitemapLimits);
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
        { depth: seed.depth, referrer: null, source: "seed", bias: seed.bias ?? 0 },
      );
    }

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
    let launched = 0;
    let stopRequested = false;
    let handlerError: unknown = null;
    let homePage: FetchedPage | null = null;
    let homeLinks: LinkCandidate[] = [];

    const recordPage = (page: FetchedPage) => {
      c.pages++;
      if (page.error === null) {
        c.okPages++;
        if (isDocumentKind(page.contentKind)) c.documents++;
      } else if (page.error.code !== "unsupported-type") {
        c.errors++;
        c.firstError ??= page.error;
        if (isRefusal(page)) {
          c.refused++;
          c.firstRefusal ??= page.error;
        }
      }
      c.bytes += page.body?.length ?? 0;
    };

    /** Fetch one request (unless robots.txt forbids it) and hand the page on. */
    const handle = async (req: FrontierRequest | CrawlRequest, isHome: boolean): Promise<void> => {
      if (respectRobots) {
        const robots = await robotsFor(req.url);
        if (!robots.isAllowed(req.url)) {
          c.skippedByRobots++;
          options.onSkip?.(req, "robots", null);
          return;
        }
      }
      launched++;
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
      recordPage(page);
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
        const floor =
          listFloor !== undefined && isPaginationLink(link, page.finalUrl)
            ? listFloor
            : (sectionChildFloor(settle, outcome.section === true, link, homeTargets, req.priority) ??
              (settle && outcome.relevant?.has(link.url) ? settle.relevantFrom : undefined));
        frontier.push(link, {
          depth: req.depth + 1,
          referrer: page.finalUrl,
          source: "link",
          ...(floor !== undefined ? { floor } : {}),
        });
      }
      if (outcome.reprioritize) frontier.reprioritize();
      if (outcome.stop) stopRequested = true;
    };

    // Settle: what the home page links is the site's front, not a section's own material.
    const settle = options.settle || null;
    let homeTargets: ReadonlySet<string> = new Set();

    const run = (req: FrontierRequest | CrawlRequest, isHome: boolean) =>
      handle(req, isHome).catch((err: unknown) => {
        handlerError ??= err;
        stopRequested = true;
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
      else if (launched >= budget.maxPages) budgetReason = "pages";
      else if (c.bytes >= budget.maxBytes) budgetReason = "bytes";
      else return true;
      return false;
    };

    /** The site's search, queried with the cues: its result pages are handled like pages, their links boosted. */
    const searchSite = async (homePage: FetchedPage, cues: readonly string[]) => {
      const form = findSearchForm(homePage);
      if (!form) return { form: null, queries: 0, used: false };
      const results: { page: FetchedPage; links: LinkCandidate[] }[] = [];
      let queries = 0;
      for (const cue of cues) {
        if (stopRequested || signal?.aborted || launched >= budget.maxPages) break;
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
        if (respectRobots && !(await robotsFor(url)).isAllowed(url)) continue;
        launched++;
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
        const outcome = await options.onPage(page, req);
        if (outcome.stop) stopRequested = true;
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
    };
    let siteSearch: SiteCrawlSummary["siteSearch"] = null;
    if (options.siteSearch && home && !homeDown && home.error === null && !stopRequested) {
      siteSearch = await searchSite(home, options.siteSearch.cues).catch((err: unknown) => {
        handlerError ??= err;
        stopRequested = true;
        return null;
      });
    }

    const concurrency = Math.max(1, pool.concurrencyFor(start));
    const inflight = new Set<Promise<void>>();
    // Below the relevant priority nothing more is launched: the pages in flight may still queue relevant links.
    const launchable = () => frontier.size > 0 && mayLaunch(settle, launched, frontier.topPriority());
    if (!homeDown) {
      for (;;) {
        if (stopRequested || signal.aborted) break;
        while (inflight.size < concurrency && launchable() && !stopRequested && budgetLeft()) {
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
      settle !== null && !homeDown && !stopRequested && !signal.aborted && frontier.size > 0 && !launchable();
    const exhausted = budgetReason !== null && frontier.size > 0 && !stopRequested && !settled;
    let status: CrawlSummary["status"] = "ok";
    let siteError: CrawlError | null = null;
    if (homeDown) {
      status = "unreachable";
      siteError = home?.error ?? null;
    } else if (c.okPages === 0) {
      const onlyRefusals = c.errors === c.refused && (c.refused > 0 || c.skippedByRobots > 0);
      if (onlyRefusals) {
        status = "blocked";
        siteError =
          c.refused > 0 && c.firstRefusal
            ? c.firstRefusal
            : startRobots?.status === "error" && startRobots.error?.code === "robots"
              ? startRobots.error
              : crawlError("robots", "robots.txt disallows every page that was to be fetched");
      } else {
        status = "unreachable";
        siteError = home?.error ?? c.firstError ?? crawlError("unknown", "no page could be fetched");
      }
    } else if (c.errors > 0) {
      status = "partial";
    }

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

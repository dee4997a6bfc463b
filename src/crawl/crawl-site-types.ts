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
import type { CircuitBreaker } from "./circuit-breaker.ts";
import type { FrontierOptions, PushRejection } from "./frontier.ts";
import type { HostPool } from "./politeness.ts";
import type { PriorityFn } from "./priority.ts";
import type { RetryOptions } from "./retry.ts";
import type { HostRobots } from "./robots.ts";
import type { ScopeOptions } from "./scope.ts";
import type { SettleOptions } from "./settle.ts";
import type { SitemapLimits } from "./sitemap.ts";

// The options and result of crawlSite (crawler.ts), kept apart so the crawl loop stays readable.

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
  /** Links of the page (by URL) that lead away from every rule (another body's council): never a relevant place. */
  unrelated?: ReadonlySet<string>;
}

export type PageHandler = (page: FetchedPage, request: CrawlRequest) => Promise<PageOutcome> | PageOutcome;

/** Why a queued request was not handed to onPage. */
export type SkipReason = "robots" | "out-of-scope-redirect" | "duplicate-redirect";

/**
 * A URL queued before the crawl starts. `text` and `referrer` are the link it was found through, so a re-run's
 * page is recorded (and judged) as the first run's was.
 */
export interface CrawlSeed {
  url: string;
  text?: string;
  depth: number;
  bias?: number;
  referrer?: string | null;
}

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
  seeds?: CrawlSeed[];
  /**
   * May a request of this priority start while others are in flight? False holds it until they are done (a
   * re-run waits for its replayed pages before anything new: they may end the crawl). Default: always.
   */
  mayLaunchBeside?: (priority: number) => boolean;
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

/** The crawl stage: the only part of nok-monitor that touches the network. */

export { botWallError, detectBotWall, markBotWall } from "./bot-wall.ts";
export { type CircuitBreaker, type CircuitBreakerOptions, createCircuitBreaker } from "./circuit-breaker.ts";
export {
  DOCUMENT_KINDS,
  detectContentKind,
  dispositionFilename,
  extensionOf,
  hasUnsupportedExtension,
  isDocumentKind,
  isUnsupportedResponse,
  kindFromExtension,
  kindFromMagic,
  mediaType,
  type ResponseHints,
} from "./content-kind.ts";
export { COOKIE_LIMITS, createSiteCookieJar } from "./cookies/site-cookie-jar.ts";
export {
  type CrawlSeed,
  type CrawlSiteOptions,
  crawlSite,
  type PageHandler,
  type PageOutcome,
  type SiteCrawlSummary,
  type SkipReason,
} from "./crawler.ts";
export * from "./defaults.ts";
export { defaultLookup, staticLookup } from "./dns-lookup.ts";
export {
  CONNECTION_CODES,
  classifyError,
  crawlError,
  isConnectionError,
  statusError,
  unfetchedPage,
} from "./errors.ts";
export type { FetchFn } from "./fetch-fn.ts";
export {
  createFrontier,
  Frontier,
  type FrontierOptions,
  type FrontierRequest,
  type PushMeta,
  type PushRejection,
  type PushResult,
  urlPattern,
} from "./frontier.ts";
export { createHttpFetcher, type HttpFetcherOptions, type ResponseReadInfo } from "./http-fetcher.ts";
export { isNewsList, isPaginationLink } from "./pagination.ts";
export { createPool, type HostPool, hostKey, POLITENESS_OFF, type PoolOptions } from "./politeness.ts";
export { defaultPriority, type PriorityFn } from "./priority.ts";
export {
  parseRetryAfter,
  RETRYABLE_CODES,
  type RetryInfo,
  type RetryOptions,
  resolveRetryOptions,
  retryDelayMs,
  retryingFetcher,
  withRetry,
} from "./retry.ts";
export { type HostRobots, RobotsCache, type RobotsOptions } from "./robots.ts";
export { createScope, type Scope, type ScopeOptions } from "./scope.ts";
export { DEFAULT_SETTLE, mayLaunch, type SettleOptions } from "./settle.ts";
export {
  DEFAULT_SEARCH_CUES,
  findSearchForm,
  ignoresQuery,
  type SearchForm,
  searchUrl,
} from "./site-search.ts";
export {
  collectSitemapUrls,
  type ParsedSitemap,
  parseSitemap,
  type SitemapCollection,
  type SitemapEntry,
  type SitemapLimits,
} from "./sitemap.ts";
export { BUNDLED_ROOTS, readCaFile, trustedCa } from "./tls/trusted-roots.ts";
export { normalizeUrl, requestUrl, stripWww, urlKey } from "./url.ts";

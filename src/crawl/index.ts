/** The crawl stage: the only part of nok-monitor that touches the network. */
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
export {
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
export {
  collectSitemapUrls,
  type ParsedSitemap,
  parseSitemap,
  type SitemapCollection,
  type SitemapEntry,
  type SitemapLimits,
} from "./sitemap.ts";
export { normalizeUrl, stripWww, urlKey } from "./url.ts";

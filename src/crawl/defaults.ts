import type { CrawlBudget } from "../types/index.ts";

/** Sent with every request so site owners can tell who is calling (header values must be ASCII). */
export const USER_AGENT =
  "Mozilla/5.0 (compatible; nok-monitor/0.1; +independent quality assessment disclosure check)";

/** The token matched against robots.txt `User-agent` groups. */
export const ROBOTS_AGENT = "nok-monitor";

export const DEFAULT_POLITENESS = {
  perHostConcurrency: 2,
  minIntervalMs: 500,
  globalConcurrency: 16,
  /** Crawl-delay above this is capped: a site asking for 60 s would never finish. */
  maxCrawlDelayMs: 10_000,
} as const;

export const DEFAULT_TIMEOUTS = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 20_000,
  bodyTimeoutMs: 60_000,
} as const;

export const DEFAULT_MAX_REDIRECTS = 10;

export const DEFAULT_BUDGET: CrawlBudget = {
  maxPages: 300,
  maxBytes: 200 * 1024 * 1024,
  maxDurationMs: 10 * 60 * 1000,
  maxDepth: 6,
  maxBodyBytes: 30 * 1024 * 1024,
  homeDurationMs: 90 * 1000,
};

export const DEFAULT_RETRY = {
  retries: 2,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
  jitter: 0.3,
} as const;

export const DEFAULT_CIRCUIT_BREAKER = {
  /** Consecutive connection-level failures before a host is given up on. */
  threshold: 5,
  /** After this long one probe request is let through again. */
  cooldownMs: 5 * 60 * 1000,
} as const;

export const DEFAULT_SITEMAP_LIMITS = {
  maxUrls: 5_000,
  maxSitemaps: 10,
  maxNesting: 2,
  /** Decompressed size cap of one sitemap (the protocol allows 50 MB). */
  maxBytes: 50 * 1024 * 1024,
} as const;

import type { CrawlError } from "./common.ts";

/** What a document body is, routed by Content-Type, magic bytes and URL extension. */
export type ContentKind = "html" | "pdf" | "doc" | "docx" | "xls" | "xlsx" | "rtf" | "odt" | "other";

/** A link as discovered on a page: everything focused crawling and evidence need. */
export interface LinkCandidate {
  /** Absolute URL (not yet normalised). */
  url: string;
  /** Anchor text, whitespace-collapsed. */
  text: string;
  /** `title` attribute, if any. */
  title?: string;
  /** A little of the text around the link (list item, table row, paragraph). */
  context?: string;
  /** True when the link sits in navigation (nav, menu, header, sidebar, footer). */
  inNav?: boolean;
}

/** One queued request in a site's frontier. */
export interface CrawlRequest {
  url: string;
  /** Normalised dedup key. */
  key: string;
  depth: number;
  priority: number;
  referrer: string | null;
  linkText: string | null;
  linkContext?: string | null;
  /** Seeds from sitemaps are marked so the report can say where a page came from; `search`: a site-search query. */
  source: "seed" | "link" | "sitemap" | "redirect" | "search";
}

/** Conditional request data from a previous snapshot of the same URL. */
export interface Conditional {
  etag?: string;
  lastModified?: string;
  /** Hash of the previous body: reused when the server answers 304. */
  previousHash: string;
}

/** The result of one fetch (any fetcher). The body is raw bytes, never decoded here. */
export interface FetchedPage {
  url: string;
  finalUrl: string;
  /** HTTP status; 0 when there was no HTTP answer. */
  status: number;
  /** Lower-cased header names; only those that matter are kept. */
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** True when the body was cut at the size cap. */
  truncated: boolean;
  contentKind: ContentKind;
  redirects: string[];
  fetcher: "http" | "browser" | "busgov";
  fetchedAt: string;
  durationMs: number;
  error: CrawlError | null;
  /** 304 answer to a conditional request: the previous body is reused. */
  notModified?: boolean;
  /** Browser fetcher: why it was (or was not) rendered. */
  renderDecision?: string;
}

/** A cookie as a browser context takes it (name, value, domain, path). */
export interface PlainCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  secure?: boolean;
  httpOnly?: boolean;
}

/** One site's cookie jar, as the fetchers see it (crawl/cookies/site-cookie-jar.ts). */
export interface SiteCookies {
  /** Takes a response's Set-Cookie lines for `url`; returns how many were kept. */
  store(setCookie: readonly string[], url: string): number;
  /** The Cookie header for a request to `url` ("" for none). */
  header(url: string): string;
  /** The cookies that would be sent to `url` (to hand to a browser context). */
  all(url: string): PlainCookie[];
}

export interface FetchOptions {
  conditional?: Conditional;
  signal?: AbortSignal;
  /** The site's cookie jar: sent and updated on every hop. Absent: no cookies. */
  cookies?: SiteCookies;
  /**
   * The start URL of the site this fetch belongs to (default: the fetched URL). A site named at a public
   * address may not reach loopback, private or other special-use addresses; one named at such an address may.
   */
  site?: string;
  /** Asked before each redirect hop is requested; a string refuses the hop (it is then not fetched). */
  checkHop?: (url: string) => string | null;
}

/** A swappable fetcher (undici, Playwright, bus.gov.ru client): one interface, layers add one thing each. */
export interface Fetcher {
  readonly name: FetchedPage["fetcher"];
  fetch(url: string, options?: FetchOptions): Promise<FetchedPage>;
  close?(): Promise<void>;
}

export interface CrawlBudget {
  maxPages: number;
  maxBytes: number;
  maxDurationMs: number;
  maxDepth: number;
  /** Per-response size cap; larger bodies are cut and marked too-large. */
  maxBodyBytes: number;
  /**
   * Wall time until the home page has answered (robots.txt and sitemaps included): a site that trickles, stays
   * silent or asks to come back in an hour ends as `timeout` instead of holding its slot. Default 90 s.
   */
  homeDurationMs?: number;
}

/** What the crawl of one site reports besides its pages. */
export interface CrawlSummary {
  startUrl: string;
  finalUrl: string;
  pages: number;
  documents: number;
  bytes: number;
  errors: number;
  skippedByRobots: number;
  budgetExhausted: boolean;
  /** Which budget ran out, if any. */
  budgetReason: "pages" | "bytes" | "time" | null;
  /** Relevant (positive-priority) requests still queued when the crawl stopped. */
  pendingRelevant: number;
  durationMs: number;
  /** Site-level error when nothing usable was fetched (home page unreachable, all refused). */
  siteError: CrawlError | null;
  status: "ok" | "partial" | "unreachable" | "blocked";
}

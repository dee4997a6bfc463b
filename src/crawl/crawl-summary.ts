import type { CrawlError, CrawlSummary, FetchedPage } from "../types/index.ts";
import type { SiteCrawlSummary } from "./crawl-site-types.ts";
import type { Counters } from "./crawl-state.ts";
import { crawlError } from "./errors.ts";
import type { HostRobots } from "./robots.ts";

// Building crawlSite's result: the defaults every summary starts from, and the site's status.

/** A summary of the counters so far; `fields` override the defaults. */
export function baseSummary(
  startUrl: string,
  start: string | null,
  started: number,
  c: Counters,
  fields: Partial<SiteCrawlSummary>,
): SiteCrawlSummary {
  return {
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
  };
}

/** The site's status once the crawl is over: unreachable, blocked, partial or ok, and the error that says why. */
export function siteStatus(
  homeDown: boolean,
  home: FetchedPage | null,
  c: Counters,
  startRobots: HostRobots | null,
): { status: CrawlSummary["status"]; siteError: CrawlError | null } {
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
  return { status, siteError };
}

import type { CrawlError, FetchedPage } from "../types/index.ts";
import { isDocumentKind } from "./content-kind.ts";
import { isRefusal } from "./page-outcome.ts";

// The mutable state of one site crawl, shared by crawlSite's steps (crawler.ts, site-search-step.ts).

export interface Counters {
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

/** Requests launched, and whether the handler (or a failure) asked to stop. */
export interface CrawlProgress {
  launched: number;
  stopRequested: boolean;
}

export function newCounters(): Counters {
  return {
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
}

/** Count a page handed to onPage: ok, document, error, refusal, bytes. */
export function recordPage(c: Counters, page: FetchedPage): void {
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
}

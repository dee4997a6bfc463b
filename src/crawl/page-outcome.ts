import type { FetchedPage } from "../types/index.ts";
import { crawlError, unfetchedPage } from "./errors.ts";

// How a fetched page counts for the site: refused, blank, or cut by the site's clock.

const REFUSAL_STATUSES = new Set([401, 403]);

/** The site answered but would not show the page: rate limit, 401/403, or an anti-bot challenge. */
export function isRefusal(page: FetchedPage): boolean {
  return (
    page.error?.code === "http-429" ||
    page.error?.code === "bot-wall" ||
    (page.error?.code === "http-4xx" && REFUSAL_STATUSES.has(page.status))
  );
}

export function isBlank(body: Uint8Array | null): boolean {
  if (!body || body.length === 0) return true;
  if (body.length > 64) return false;
  return body.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

/** A page cut by the site's clock says so: a timeout, not a connection that failed by itself. */
export function timedOutPage(page: FetchedPage, reason: string): FetchedPage {
  if (page.error?.code === "timeout") return page;
  return { ...page, error: crawlError("timeout", reason) };
}

export function abortedPage(url: string, reason: unknown): FetchedPage {
  return unfetchedPage(url, crawlError("unknown", `aborted: ${String(reason)}`));
}

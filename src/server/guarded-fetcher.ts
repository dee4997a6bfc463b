/**
 * The self-check fetcher: the project's HTTP fetcher with the guarded DNS lookup, redirects followed here (the
 * inner fetcher stops at each one) so that every hop's URL is checked before it is requested — an IP-literal
 * redirect target never reaches the lookup.
 */
import type { LookupFunction } from "node:net";
import {
  crawlError,
  createHttpFetcher,
  DEFAULT_MAX_REDIRECTS,
  defaultLookup,
  type HttpFetcherOptions,
  unfetchedPage,
} from "../index.ts";
import type { FetchedPage, Fetcher, FetchOptions } from "../types/index.ts";
import { guardedLookup, REFUSAL_PREFIX, refuseUrl, type TargetPolicy } from "./ssrf-guard.ts";

export interface GuardedFetcherOptions extends Omit<HttpFetcherOptions, "lookup" | "maxRedirects"> {
  policy: TargetPolicy;
  /** The DNS under the guard (tests map names to addresses); default: the system resolver. */
  lookup?: LookupFunction;
  maxRedirects?: number;
}

export function createGuardedFetcher(options: GuardedFetcherOptions): Fetcher {
  const { policy, lookup, maxRedirects = DEFAULT_MAX_REDIRECTS, ...http } = options;
  const inner = createHttpFetcher({
    ...http,
    lookup: guardedLookup(policy, lookup ?? defaultLookup),
    // Zero: the inner fetcher returns each redirect (status, Location) as "too-many-redirects" without following.
    maxRedirects: 0,
  });

  async function fetch(url: string, fetchOptions?: FetchOptions): Promise<FetchedPage> {
    const started = Date.now();
    const redirects: string[] = [];
    const visited = new Set<string>();
    let current = url;
    for (let hop = 0; ; hop++) {
      const finish = (page: FetchedPage): FetchedPage => ({
        ...page,
        url,
        redirects: [...redirects, ...page.redirects],
        fetchedAt: new Date(started).toISOString(),
        durationMs: Date.now() - started,
      });
      const refusal = refuseUrl(current, policy);
      if (refusal) return finish(refusedPage(current, refusal.message));
      visited.add(current);

      const page = await inner.fetch(current, fetchOptions);
      const location = page.headers.location;
      if (page.error?.code !== "too-many-redirects" || !location) return finish(markRefusal(page));

      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return finish({ ...page, error: crawlError("invalid-url", `bad Location: ${location}`) });
      }
      next.hash = "";
      if (visited.has(next.href)) {
        redirects.push(next.href);
        return finish({ ...page, error: crawlError("redirect-loop", `redirect loop at ${next.href}`) });
      }
      if (hop + 1 > maxRedirects) {
        return finish({
          ...page,
          error: crawlError("too-many-redirects", `more than ${maxRedirects} redirects`),
        });
      }
      redirects.push(next.href);
      current = next.href;
    }
  }

  return {
    name: "http",
    fetch,
    close: () => inner.close?.() ?? Promise.resolve(),
  };
}

function refusedPage(url: string, message: string): FetchedPage {
  return unfetchedPage(url, crawlError("invalid-url", message));
}

/** A refusal from the lookup arrives as an unclassified connection error: name it (and keep it from retries). */
function markRefusal(page: FetchedPage): FetchedPage {
  if (!page.error || page.error.code === "invalid-url") return page;
  const at = page.error.message.indexOf(REFUSAL_PREFIX);
  if (at < 0) return page;
  return { ...page, error: crawlError("invalid-url", page.error.message.slice(at)) };
}

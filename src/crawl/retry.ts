import type { ErrorCode, FetchedPage, Fetcher, FetchOptions } from "../types/index.ts";
import { DEFAULT_RETRY } from "./defaults.ts";
import type { FetchFn } from "./fetch-fn.ts";

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Retry-After is honoured up to this. */
  maxRetryAfterMs: number;
  /** 0..1: the share of each backoff delay that is randomised (so many crawlers don't retry in step). */
  jitter: number;
  retryOn: readonly ErrorCode[];
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  url: string;
  /** The attempt that failed (1 = first). */
  attempt: number;
  delayMs: number;
  page: FetchedPage;
}

export const RETRYABLE_CODES: readonly ErrorCode[] = ["http-429", "http-5xx", "reset", "timeout"];

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Retry-After in ms (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** The wait before retry number `attempt` (1-based): exponential backoff with jitter, raised to Retry-After. */
export function retryDelayMs(page: FetchedPage, attempt: number, options: RetryOptions): number {
  const exp = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jitter = Math.min(1, Math.max(0, options.jitter));
  const backoff = Math.round(exp * (1 - jitter + jitter * options.random()));
  const retryAfter = parseRetryAfter(page.headers["retry-after"]);
  if (retryAfter === null) return backoff;
  return Math.max(backoff, Math.min(retryAfter, options.maxRetryAfterMs));
}

export function resolveRetryOptions(partial: Partial<RetryOptions> = {}): RetryOptions {
  return {
    ...DEFAULT_RETRY,
    retryOn: RETRYABLE_CODES,
    sleep: abortableSleep,
    random: Math.random,
    ...partial,
  };
}

/** Wrap a fetch function with retries on 429/5xx/reset/timeout. */
export function withRetry(fetch: FetchFn, partial: Partial<RetryOptions> = {}): FetchFn {
  const options = resolveRetryOptions(partial);
  const retryable = new Set(options.retryOn);
  return async (url: string, fetchOptions?: FetchOptions): Promise<FetchedPage> => {
    let previous: FetchedPage | null = null;
    for (let attempt = 1; ; attempt++) {
      const page = await fetch(url, fetchOptions);
      // A breaker that opened during our retries says less than the failure that opened it.
      if (page.error?.code === "circuit-open" && previous !== null) return previous;
      previous = page;
      const code = page.error?.code;
      if (code === undefined || !retryable.has(code) || attempt > options.retries) return page;
      if (fetchOptions?.signal?.aborted) return page;
      // A timeout costs a whole timeout each time: one more try, not two (a trickling server never speeds up).
      if (code === "timeout" && attempt > 1) return page;
      // A server that asks to come back later than we would wait is not going to answer this crawl.
      const retryAfter = parseRetryAfter(page.headers["retry-after"]);
      if (retryAfter !== null && retryAfter > options.maxRetryAfterMs) return page;
      const delayMs = retryDelayMs(page, attempt, options);
      options.onRetry?.({ url, attempt, delayMs, page });
      await options.sleep(delayMs, fetchOptions?.signal);
    }
  };
}

/** The same as a Fetcher layer. */
export function retryingFetcher(fetcher: Fetcher, partial: Partial<RetryOptions> = {}): Fetcher {
  const fetch = withRetry((url, o) => fetcher.fetch(url, o), partial);
  return {
    name: fetcher.name,
    fetch,
    ...(fetcher.close ? { close: () => fetcher.close!() } : {}),
  };
}

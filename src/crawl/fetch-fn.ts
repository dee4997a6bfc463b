import type { FetchedPage, FetchOptions } from "../types/index.ts";

/** A fetcher's `fetch` as a plain function: the unit the politeness, retry and breaker layers wrap. */
export type FetchFn = (url: string, options?: FetchOptions) => Promise<FetchedPage>;

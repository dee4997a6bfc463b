/**
 * Concurrency by hosts, not by a fixed number of sites (issue #13, part 5). Politeness, not CPU, bounds a
 * national run: each host takes a request every so often, so the run is fast only when many hosts are crawled
 * at once. The scheduler starts sites while
 * - fewer than `maxSites` are in flight (hundreds: each waits on its host's interval most of the time),
 * - no other site of the same host is in flight (two sites of one host share its politeness: running them
 *   together only queues them, and holds two sites' pages in memory),
 * - the heap allows it: each site in flight reserves `siteReserveBytes` (what a site within the default page
 *   budget holds at most until it is judged: whole pages up to compact-page.ts's threshold, inert ones after),
 *   on top of the heap in use when the run started, within `heapLimitBytes`; and the heap in use now is
 *   below that limit. One site always runs. A site's pages grow after it starts, so a gate on the heap alone
 *   would admit hundreds of sites while they are small and run out of memory when they have grown.
 * Sites are started in the given order otherwise; a site whose host is busy waits, later ones pass it.
 */
import { getHeapStatistics } from "node:v8";

export interface HostSchedulerOptions {
  /** Sites in flight at most. */
  maxSites: number;
  /** No new site while heapUsed is at or above this; default: 60 % of V8's heap limit. */
  heapLimitBytes?: number;
  /** Heap reserved per site in flight; default SITE_RESERVE_BYTES. */
  siteReserveBytes?: number;
  signal?: AbortSignal;
  /** Heap in use now (tests inject it). */
  heapUsed?: () => number;
}

/** Sites at once by default: hundreds of hosts, each polite; memory is bounded by the heap gate. */
export const DEFAULT_HOST_CONCURRENCY = 256;

/**
 * A site within the default budget (300 pages) holds at most ~50 whole pages (~36 KB each) and ~250 inert ones
 * (~5 KB each), plus its frontier: measured on the synthetic sites of bench/memory.ts.
 */
export const SITE_RESERVE_BYTES = 4 * 1024 * 1024;

/** Share of V8's heap limit above which no new site is started. */
export const HEAP_SHARE = 0.6;

export function defaultHeapLimit(): number {
  return Math.floor(getHeapStatistics().heap_size_limit * HEAP_SHARE);
}

/** Runs `run` for every item, at most one per host at a time; resolves when all are done (or the signal aborts). */
export async function runByHosts<T>(
  items: readonly T[],
  hostOf: (item: T) => string,
  run: (item: T) => Promise<void>,
  options: HostSchedulerOptions,
): Promise<void> {
  const maxSites = Math.max(1, options.maxSites);
  const heapLimit = options.heapLimitBytes ?? defaultHeapLimit();
  const heapUsed = options.heapUsed ?? (() => process.memoryUsage().heapUsed);
  const reserve = options.siteReserveBytes ?? SITE_RESERVE_BYTES;
  const atStart = heapUsed();
  const waiting: T[] = [...items];
  const busyHosts = new Set<string>();
  const inflight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;

  /** The first waiting item whose host is free, removed from the queue. */
  const nextFree = (): T | undefined => {
    for (let i = 0; i < waiting.length; i++) {
      if (!busyHosts.has(hostOf(waiting[i]!))) return waiting.splice(i, 1)[0];
    }
    return undefined;
  };

  while ((waiting.length > 0 || inflight.size > 0) && failure === null) {
    while (
      waiting.length > 0 &&
      inflight.size < maxSites &&
      !options.signal?.aborted &&
      (inflight.size === 0 ||
        (atStart + (inflight.size + 1) * reserve <= heapLimit && heapUsed() < heapLimit))
    ) {
      const item = nextFree();
      if (item === undefined) break;
      const host = hostOf(item);
      busyHosts.add(host);
      const task: Promise<void> = run(item)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          busyHosts.delete(host);
          inflight.delete(task);
        });
      inflight.add(task);
    }
    if (inflight.size === 0) break;
    if (options.signal?.aborted && waiting.length > 0) waiting.length = 0;
    await Promise.race(inflight);
  }
  await Promise.allSettled([...inflight]);
  if (failure !== null) throw (failure as { error: unknown }).error;
}

/** The host a start URL is crawled on (`www.` aside: the same server, the same politeness). */
export function hostOfUrl(url: string): string {
  try {
    return new URL(url).host.toLowerCase().replace(/^www\./, "");
  } catch {
    return url;
  }
}

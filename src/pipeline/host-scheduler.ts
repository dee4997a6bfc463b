/**
 * Concurrency by hosts, not by a fixed number of sites (issue #13, part 5). Politeness, not CPU, bounds a
 * national run: each host takes a request every so often, so the run is fast only when many hosts are crawled
 * at once. The scheduler starts sites while
 * - fewer than `maxSites` are in flight (hundreds: each waits on its host's interval most of the time),
 * - no other site of the same host is in flight (two sites of one host share its politeness: running them
 *   together only queues them, and holds two sites' pages in memory),
 * - the heap allows it: each site in flight reserves heap on top of the heap in use when the run started,
 *   within `heapLimitBytes`, and the heap left by V8's last full collection is below that limit (liveHeapGauge:
 *   the heap in use at a moment also counts garbage not collected yet). One site always runs. A site's pages
 *   grow after it starts, so a gate on the heap alone would admit hundreds of sites while they are small and
 *   run out of memory when they have grown. The reservation is the worst case of a site within the default
 *   page budget (SITE_RESERVE_BYTES) until some sites finished; then what the largest site seen so far holds
 *   (site-footprint.ts), at least MIN_SITE_RESERVE_BYTES; a site in flight that reports more pages
 *   reserves what they hold.
 * Sites are started in the given order otherwise; a site whose host is busy waits, later ones pass it.
 */
import { PerformanceObserver, constants as perf } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { footprintLearner, footprintOf } from "./site-footprint.ts";

export interface HostSchedulerOptions {
  /** Sites in flight at most. */
  maxSites: number;
  /** No new site while heapUsed is at or above this; default: 60 % of V8's heap limit. */
  heapLimitBytes?: number;
  /** Heap reserved per site in flight, fixed; default: learned (site-footprint.ts) between the two bounds below. */
  siteReserveBytes?: number;
  signal?: AbortSignal;
  /** Heap the sites hold (tests inject it); default: liveHeapGauge(). */
  heapUsed?: () => number;
}

/** Sites at once by default: hundreds of hosts, each polite; memory is bounded by the heap gate. */
export const DEFAULT_HOST_CONCURRENCY = 512;

/**
 * A site within the default budget (300 pages) holds at most ~50 whole pages (~36 KB each) and ~250 inert ones
 * (~5 KB each), plus its frontier: measured on the synthetic sites of bench/memory.ts.
 */
export const SITE_RESERVE_BYTES = 4 * 1024 * 1024;

/**
 * The least a site reserves once the run has shown its sites are small: five-page institution sites hold
 * ~0.7 MB (site-footprint.ts); the margin covers what the estimate misses (sockets, parser buffers).
 */
export const MIN_SITE_RESERVE_BYTES = 1024 * 1024;

/** Sites finished before the reservation is learned (the worst case until then). */
const LEARN_AFTER = 32;

/** Share of V8's heap limit above which no new site is started. */
export const HEAP_SHARE = 0.6;

export function defaultHeapLimit(): number {
  return Math.floor(getHeapStatistics().heap_size_limit * HEAP_SHARE);
}

/** What a running site tells the scheduler: the pages it has read so far (its heap grows with them). */
export interface SiteLoad {
  pages(n: number): void;
}

/** Runs `run` for every item, at most one per host at a time; resolves when all are done (or the signal aborts). */
export async function runByHosts<T>(
  items: readonly T[],
  hostOf: (item: T) => string,
  run: (item: T, load: SiteLoad) => Promise<void>,
  options: HostSchedulerOptions,
): Promise<void> {
  const maxSites = Math.max(1, options.maxSites);
  const heapLimit = options.heapLimitBytes ?? defaultHeapLimit();
  const gauge = options.heapUsed ? null : liveHeapGauge();
  const heapUsed = options.heapUsed ?? gauge!.read;
  const fixed = options.siteReserveBytes;
  const learner = footprintLearner({
    max: SITE_RESERVE_BYTES,
    min: MIN_SITE_RESERVE_BYTES,
    learnAfter: LEARN_AFTER,
  });
  const reserveNew = () => fixed ?? learner.reserve();
  /** Each site's reservation in flight: what it was admitted with, or what its pages hold if more. */
  const reserved = new Map<Promise<void>, number>();
  let reservedSum = 0;
  const atStart = heapUsed();
  const waiting = waitingQueue(items, hostOf);
  const inflight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  // One wake-up per finished site: racing every promise in flight would cost O(sites in flight) per finish and
  // pile a reaction per race onto each long-running site.
  let wake: () => void = () => undefined;
  let woken = new Promise<void>((r) => {
    wake = r;
  });

  while ((waiting.size() > 0 || inflight.size > 0) && failure === null) {
    while (
      waiting.size() > 0 &&
      inflight.size < maxSites &&
      !options.signal?.aborted &&
      (inflight.size === 0 || (atStart + reservedSum + reserveNew() <= heapLimit && heapUsed() < heapLimit))
    ) {
      const next = waiting.nextFree();
      if (next === undefined) break;
      const { item, host } = next;
      // The task is known only once `run` returned its promise: a report before that only teaches the learner.
      let self: Promise<void> | null = null;
      const load: SiteLoad = {
        pages: (n) => {
          learner.observe(n);
          const before = self === null || fixed !== undefined ? undefined : reserved.get(self);
          if (before === undefined) return;
          const now = Math.max(before, footprintOf(n));
          reserved.set(self!, now);
          reservedSum += now - before;
        },
      };
      const task: Promise<void> = run(item, load)
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          waiting.release(host);
          inflight.delete(task);
          reservedSum -= reserved.get(task) ?? 0;
          reserved.delete(task);
          learner.finished();
          wake();
        });
      self = task;
      const r = reserveNew();
      reserved.set(task, r);
      reservedSum += r;
      inflight.add(task);
    }
    if (inflight.size === 0) break;
    if (options.signal?.aborted) waiting.clear();
    await woken;
    woken = new Promise<void>((r) => {
      wake = r;
    });
  }
  await Promise.allSettled([...inflight]);
  gauge?.stop();
  if (failure !== null) throw (failure as { error: unknown }).error;
}

/**
 * The heap the sites in flight hold: V8's used heap as of its last full collection, or now if lower (V8's own
 * figure, without the RSS that process.memoryUsage() reads from /proc). The heap in use at any moment also
 * counts garbage V8 has not collected yet, and collects when it needs room: gating on it held a 10,000-site
 * bench run to ~220 sites at once on average (of ~430 admitted by the reservations) while the heap left after
 * each full collection stayed far below the limit. Until the first full collection: the heap in use now.
 */
export function liveHeapGauge(): { read: () => number; stop: () => void } {
  let afterFullGc: number | null = null;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as { detail?: { kind?: number } }).detail;
      if (detail?.kind === perf.NODE_PERFORMANCE_GC_MAJOR) afterFullGc = getHeapStatistics().used_heap_size;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  return {
    read: () => {
      const now = getHeapStatistics().used_heap_size;
      return afterFullGc === null ? now : Math.min(now, afterFullGc);
    },
    stop: () => observer.disconnect(),
  };
}

interface Waiting<T> {
  item: T;
  host: string;
  index: number;
}

/**
 * The items not started yet, in the given order, with their hosts' busy marks. `nextFree` gives the first
 * item whose host is free and marks the host busy; `release` frees it. An item met while its host is busy is
 * parked under the host and comes back when the host frees; parked items precede every item not yet met, so
 * the first free one is the lowest-placed unparked item. O(1) per start instead of a scan and splice of the
 * whole queue (10,000 sites on a national run).
 */
function waitingQueue<T>(items: readonly T[], hostOf: (item: T) => string) {
  let head = 0;
  let count = items.length;
  const busy = new Set<string>();
  const parked = new Map<string, Waiting<T>[]>();
  /** The first parked item of each freed host: few at a time. */
  const unparked: Waiting<T>[] = [];
  const take = (w: Waiting<T>): Waiting<T> => {
    busy.add(w.host);
    count--;
    return w;
  };
  return {
    size: () => count,
    nextFree(): Waiting<T> | undefined {
      if (unparked.length > 0) {
        let at = 0;
        for (let i = 1; i < unparked.length; i++) if (unparked[i]!.index < unparked[at]!.index) at = i;
        return take(unparked.splice(at, 1)[0]!);
      }
      while (head < items.length) {
        const item = items[head]!;
        const w = { item, host: hostOf(item), index: head++ };
        if (!busy.has(w.host)) return take(w);
        const list = parked.get(w.host);
        if (list) list.push(w);
        else parked.set(w.host, [w]);
      }
      return undefined;
    },
    release(host: string): void {
      busy.delete(host);
      const list = parked.get(host);
      if (!list) return;
      unparked.push(list.shift()!);
      if (list.length === 0) parked.delete(host);
    },
    clear(): void {
      head = items.length;
      parked.clear();
      unparked.length = 0;
      count = 0;
    },
  };
}

/** The host a start URL is crawled on (`www.` aside: the same server, the same politeness). */
export function hostOfUrl(url: string): string {
  try {
    return new URL(url).host.toLowerCase().replace(/^www\./, "");
  } catch {
    return url;
  }
}

import PQueue from "p-queue";
import { StringMemo } from "../util/memo.ts";
import { DEFAULT_POLITENESS } from "./defaults.ts";

export interface PoolOptions {
  perHostConcurrency: number;
  /** Minimum time between the starts of two requests to one host. */
  minIntervalMs: number;
  /** Requests in flight across all hosts. */
  globalConcurrency: number;
  /** robots.txt Crawl-delay raises a host's interval up to this cap. */
  maxCrawlDelayMs: number;
  /** Start times kept per host (for reports and tests). */
  historySize: number;
}

/** For benchmarks and tests: no per-host limits beyond a generous concurrency. */
export const POLITENESS_OFF: Partial<PoolOptions> = {
  perHostConcurrency: 16,
  minIntervalMs: 0,
  globalConcurrency: 64,
  maxCrawlDelayMs: 0,
};

interface HostState {
  /** Created on demand and dropped when idle: a monthly run touches tens of thousands of hosts. */
  queue: PQueue | null;
  intervalMs: number;
  /** Earliest start of the next request. */
  nextStart: number;
  /** Serialises the interval gate so two tasks never pass it together. */
  gate: Promise<void>;
  starts: number[];
}

export interface HostPool {
  /** Run `task` for the URL's host when both its host slot and a global slot are free and the interval passed. */
  run<T>(hostOrUrl: string, task: () => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** Apply a robots.txt Crawl-delay (seconds); returns the host's effective interval in ms. */
  setCrawlDelay(hostOrUrl: string, seconds: number | undefined): number;
  intervalFor(hostOrUrl: string): number;
  concurrencyFor(hostOrUrl: string): number;
  /** Recorded start times (ms epoch) of the host's requests, oldest first. */
  startTimes(hostOrUrl: string): readonly number[];
  /** Requests running now, all hosts. */
  readonly active: number;
  onIdle(): Promise<void>;
  readonly options: Readonly<PoolOptions>;
}

/** `https://Example.ru:8080/x` or `example.ru:8080` → `example.ru:8080`. */
export function hostKey(hostOrUrl: string): string {
  // Asked for every request (pool, circuit breaker): one URL parse per distinct URL.
  return hostKeys.get(hostOrUrl, () => hostKeyOnce(hostOrUrl));
}

const hostKeys = new StringMemo<string>();

function hostKeyOnce(hostOrUrl: string): string {
  if (hostOrUrl.includes("://")) {
    try {
      return new URL(hostOrUrl).host.toLowerCase();
    } catch {
      return hostOrUrl.toLowerCase();
    }
  }
  return hostOrUrl.toLowerCase();
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Per-host politeness pool on p-queue: each host has its own concurrency and minimum
 * interval between request starts; a global queue caps requests across hosts, so many
 * hosts are crawled at once, each slowly.
 */
export function createPool(partial: Partial<PoolOptions> = {}): HostPool {
  const options: PoolOptions = {
    ...DEFAULT_POLITENESS,
    historySize: 50,
    ...partial,
  };
  const global = new PQueue({ concurrency: Math.max(1, options.globalConcurrency) });
  const hosts = new Map<string, HostState>();

  const state = (hostOrUrl: string): HostState => {
    const key = hostKey(hostOrUrl);
    let s = hosts.get(key);
    if (!s) {
      s = {
        queue: null,
        intervalMs: options.minIntervalMs,
        nextStart: 0,
        gate: Promise.resolve(),
        starts: [],
      };
      hosts.set(key, s);
    }
    return s;
  };

  const record = (s: HostState, at: number) => {
    s.starts.push(at);
    if (s.starts.length > options.historySize) s.starts.shift();
  };

  async function throughGate<T>(s: HostState, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    let release!: () => void;
    const previous = s.gate;
    s.gate = new Promise<void>((r) => {
      release = r;
    });
    let started = false;
    try {
      await previous;
      // Date.now() is re-read after each sleep: the recorded gaps are never below the interval.
      for (let wait = s.nextStart - Date.now(); wait > 0; wait = s.nextStart - Date.now()) {
        await sleep(wait, signal);
      }
      return await global.add(
        () => {
          const now = Date.now();
          started = true;
          record(s, now);
          s.nextStart = now + s.intervalMs;
          release();
          return task();
        },
        signal ? { signal } : {},
      );
    } finally {
      if (!started) release();
    }
  }

  return {
    run<T>(hostOrUrl: string, task: () => Promise<T>, runOptions: { signal?: AbortSignal } = {}): Promise<T> {
      const s = state(hostOrUrl);
      const signal = runOptions.signal;
      s.queue ??= new PQueue({ concurrency: Math.max(1, options.perHostConcurrency) });
      const queue = s.queue;
      const dropIfIdle = () =>
        setImmediate(() => {
          if (s.queue === queue && queue.size === 0 && queue.pending === 0) s.queue = null;
        });
      const result = queue.add(
        () => {
          if (s.intervalMs <= 0) {
            return global.add(
              () => {
                record(s, Date.now());
                return task();
              },
              signal ? { signal } : {},
            );
          }
          return throughGate(s, task, signal);
        },
        signal ? { signal } : {},
      ) as Promise<T>;
      result.then(dropIfIdle, dropIfIdle);
      return result;
    },
    setCrawlDelay(hostOrUrl: string, seconds: number | undefined): number {
      const s = state(hostOrUrl);
      if (seconds !== undefined && seconds > 0) {
        const asked = Math.min(seconds * 1000, options.maxCrawlDelayMs);
        s.intervalMs = Math.max(options.minIntervalMs, asked);
      }
      return s.intervalMs;
    },
    intervalFor(hostOrUrl: string): number {
      return hosts.get(hostKey(hostOrUrl))?.intervalMs ?? options.minIntervalMs;
    },
    concurrencyFor(_hostOrUrl: string): number {
      return Math.max(1, options.perHostConcurrency);
    },
    startTimes(hostOrUrl: string): readonly number[] {
      return [...(hosts.get(hostKey(hostOrUrl))?.starts ?? [])];
    },
    get active() {
      return global.pending;
    },
    async onIdle(): Promise<void> {
      await Promise.all([...hosts.values()].map((s) => s.queue?.onIdle()));
      await global.onIdle();
    },
    options,
  };
}

/**
 * Per-host politeness across machines. Each worker keeps its local pool (per-host concurrency, the global cap on
 * requests in flight); before a request starts, the worker reserves the host's next start slot in Redis. The
 * reservation is one Lua script, atomic on the Redis server and timed by the server's clock (workers' clocks may
 * disagree): slot = max(now, host's next free start); the host's next free start becomes slot + interval; the
 * worker waits until its slot. Reservations queue up fairly without polling, however many workers share a host,
 * and the key expires once the host is idle. A Crawl-delay read from robots.txt raises the interval the worker
 * asks with; the stored next start only ever moves forward, so a worker asking with a shorter interval cannot
 * pull another's gap in.
 */
import type { Redis } from "ioredis";
import { type HostPool, hostKey } from "../../crawl/politeness.ts";
import { hostKeyOf } from "./codec.ts";

const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextStart = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextStart)
redis.call('SET', KEYS[1], slot + interval, 'PX', slot - now + interval + 60000)
return slot - now
`;

export interface HostLimiter {
  /** Reserves the host's next start slot; resolves when it comes (rejects when the signal aborts). */
  acquire(host: string, intervalMs: number, signal?: AbortSignal): Promise<void>;
}

export function redisHostLimiter(redis: Redis, queueName: string): HostLimiter {
  return {
    async acquire(host, intervalMs, signal) {
      if (intervalMs <= 0) return;
      signal?.throwIfAborted();
      const wait = Number(await redis.eval(RESERVE, 1, hostKeyOf(queueName, hostKey(host)), intervalMs));
      if (wait > 0) await sleep(wait, signal);
    },
  };
}

/**
 * A pool whose requests also pass the shared limiter. The local pool should have no interval of its own
 * (`minIntervalMs: 0`): the shared one replaces it; a robots.txt Crawl-delay is still recorded locally and raises
 * the interval asked of Redis.
 */
export function sharedPolitenessPool(local: HostPool, limiter: HostLimiter, intervalMs: number): HostPool {
  const interval = (hostOrUrl: string) => Math.max(intervalMs, local.intervalFor(hostOrUrl));
  return {
    run(hostOrUrl, task, options = {}) {
      return local.run(
        hostOrUrl,
        async () => {
          await limiter.acquire(hostOrUrl, interval(hostOrUrl), options.signal);
          return task();
        },
        options,
      );
    },
    setCrawlDelay(hostOrUrl, seconds) {
      local.setCrawlDelay(hostOrUrl, seconds);
      return interval(hostOrUrl);
    },
    intervalFor: interval,
    concurrencyFor: (hostOrUrl) => local.concurrencyFor(hostOrUrl),
    startTimes: (hostOrUrl) => local.startTimes(hostOrUrl),
    get active() {
      return local.active;
    },
    onIdle: () => local.onIdle(),
    get options() {
      return { ...local.options, minIntervalMs: intervalMs };
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

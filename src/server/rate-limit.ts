/** Per-client submission limit: a token bucket per key (client address), refilled continuously. */
import { isIP } from "node:net";

export interface RateLimitOptions {
  /** Submissions allowed in a burst, and per window on average. */
  max: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 5, windowMs: 60_000 };

export interface RateDecision {
  allowed: boolean;
  /** Whole submissions left right now. */
  remaining: number;
  /** When refused: how long until one submission is allowed again. */
  retryAfterMs: number;
}

export interface RateLimiter {
  take(key: string): RateDecision;
  /** Keys tracked (full buckets are forgotten). */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function createRateLimiter(options: RateLimitOptions, now: () => number = Date.now): RateLimiter {
  const max = Math.max(1, Math.floor(options.max));
  const perMs = max / Math.max(1, options.windowMs);
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, t: number) => {
    bucket.tokens = Math.min(max, bucket.tokens + (t - bucket.updatedAt) * perMs);
    bucket.updatedAt = t;
  };

  /** Memory stays bounded by the clients active within one window. */
  const sweep = (t: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= max) buckets.delete(key);
    }
  };

  return {
    take(key) {
      const t = now();
      if (buckets.size > 10_000) sweep(t);
      const bucket = buckets.get(key) ?? { tokens: max, updatedAt: t };
      refill(bucket, t);
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
      }
      return { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - bucket.tokens) / perMs) };
    },
    get size() {
      return buckets.size;
    },
  };
}

/**
 * The rate-limit key of a client address: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64, since one
 * subscriber usually holds a whole /64 and could otherwise rotate addresses to escape the limit.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const canonical = new URL(`http://[${address.replace(/%.*$/, "")}]/`).hostname.slice(1, -1);
  const [head, tail = ""] = canonical.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups.slice(0, 4).join(":")}::/64`;
}

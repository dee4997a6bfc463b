import { describe, expect, it } from "vitest";
import { clientKey, createRateLimiter } from "../../src/server/rate-limit.ts";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("rate limiter", () => {
  it("allows a burst of `max`, then refuses with the time until the next one", () => {
    const c = clock();
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000 }, c.now);
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    const refused = limiter.take("a");
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(20_000);
  });

  it("refills continuously: one submission per window/max", () => {
    const c = clock();
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000 }, c.now);
    for (let i = 0; i < 3; i++) limiter.take("a");
    c.advance(19_999);
    expect(limiter.take("a").allowed).toBe(false);
    c.advance(2);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    c.advance(60_000);
    expect([1, 2, 3, 4].map(() => limiter.take("a").allowed)).toEqual([true, true, true, false]);
  });

  it("counts each client separately", () => {
    const c = clock();
    const limiter = createRateLimiter({ max: 1, windowMs: 60_000 }, c.now);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true);
  });

  it("forgets idle clients once their bucket is full again", () => {
    const c = clock();
    const limiter = createRateLimiter({ max: 1, windowMs: 1_000 }, c.now);
    for (let i = 0; i < 10_001; i++) limiter.take(`client-${i}`);
    c.advance(1_000);
    limiter.take("late");
    expect(limiter.size).toBeLessThan(10);
  });
});

describe("client key", () => {
  it("unwraps IPv4-mapped addresses and groups IPv6 by /64", () => {
    expect(clientKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(clientKey("203.0.113.9")).toBe("203.0.113.9");
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:3::1")).not.toBe(clientKey("2001:db8:1:2::1"));
    expect(clientKey(undefined)).toBe("unknown");
  });
});

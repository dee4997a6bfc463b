/** The per-host limiter in Redis: workers on separate connections share one host's request gaps. */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisServerPath, startRedis, type TestRedis } from "../../bench/redis-server.ts";
import { createPool } from "../../src/crawl/index.ts";
import { redisHostLimiter, sharedPolitenessPool } from "../../src/pipeline/queue/host-limiter.ts";

const REDIS = redisServerPath();
if (!REDIS) console.log("queue tests skipped: redis-server is not installed (apt-get install redis-server)");

let server: TestRedis;
const clients: Redis[] = [];

beforeAll(async () => {
  if (!REDIS) return;
  server = await startRedis(REDIS);
  const port = Number(new URL(server.url).port);
  for (let i = 0; i < 2; i++) clients.push(new Redis({ host: "127.0.0.1", port }));
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await server?.stop();
});

/**
 * The k-th request (in start order) may not start before k intervals after the first could. A timer only ever
 * fires late (a loaded machine), never early, so this holds however busy the machine is, while the gap between
 * two wake-ups can shrink when the first one was late.
 */
function expectSpaced(starts: number[], t0: number, intervalMs: number): void {
  const sorted = [...starts].sort((a, b) => a - b);
  for (const [k, t] of sorted.entries())
    expect(t - t0, `start ${k}`).toBeGreaterThanOrEqual(k * intervalMs - 3);
}

describe.skipIf(!REDIS)("Redis host limiter", () => {
  it("two workers' requests to one host start at least the interval apart", async () => {
    const [a, b] = clients.map((c) => redisHostLimiter(c, "limiter-test"));
    const starts: number[] = [];
    const t0 = Date.now();
    const go = async (limiter: typeof a) => {
      await limiter!.acquire("http://example.ru/page", 100);
      starts.push(Date.now());
    };
    await Promise.all([...Array.from({ length: 4 }, () => go(a)), ...Array.from({ length: 4 }, () => go(b))]);
    expect(starts).toHaveLength(8);
    expectSpaced(starts, t0, 100);
  });

  it("other hosts are not held back, and an interval of 0 skips Redis", async () => {
    const limiter = redisHostLimiter(clients[0]!, "limiter-test-2");
    await limiter.acquire("a.example.ru", 1_000);
    const t = Date.now();
    await limiter.acquire("b.example.ru", 1_000);
    await limiter.acquire("a.example.ru", 0);
    expect(Date.now() - t).toBeLessThan(200);
  });

  it("a pool over the limiter keeps the shared gap and raises it with a Crawl-delay", async () => {
    const limiter = redisHostLimiter(clients[1]!, "limiter-test-3");
    const pools = [0, 1].map(() => sharedPolitenessPool(createPool({ minIntervalMs: 0 }), limiter, 80));
    expect(pools[0]!.setCrawlDelay("http://c.example.ru/", 0.15)).toBe(150);
    expect(pools[1]!.intervalFor("http://c.example.ru/")).toBe(80);
    const starts: number[] = [];
    const t0 = Date.now();
    await Promise.all(
      [0, 1, 0, 1].map((i) => pools[i]!.run("http://c.example.ru/x", async () => starts.push(Date.now()))),
    );
    expectSpaced(starts, t0, 80);
  });
});

import { describe, expect, it } from "vitest";
import { createPool } from "../../src/crawl/politeness.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const gaps = (times: readonly number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("createPool", () => {
  it("spaces request starts to one host by the minimum interval", async () => {
    const pool = createPool({ perHostConcurrency: 2, minIntervalMs: 60, globalConcurrency: 8 });
    await Promise.all(Array.from({ length: 5 }, () => pool.run("http://a.test/x", async () => {})));
    const starts = pool.startTimes("a.test");
    expect(starts).toHaveLength(5);
    for (const gap of gaps(starts)) expect(gap).toBeGreaterThanOrEqual(60);
  });

  it("Crawl-delay raises a host's interval, capped", async () => {
    const pool = createPool({ perHostConcurrency: 2, minIntervalMs: 20, maxCrawlDelayMs: 120 });
    expect(pool.setCrawlDelay("http://slow.test/", 10)).toBe(120);
    expect(pool.intervalFor("slow.test")).toBe(120);
    expect(pool.intervalFor("other.test")).toBe(20);
    expect(pool.setCrawlDelay("http://tiny.test/", 0.005)).toBe(20);
    expect(pool.setCrawlDelay("http://none.test/", undefined)).toBe(20);
    await Promise.all(Array.from({ length: 3 }, () => pool.run("http://slow.test/p", async () => {})));
    for (const gap of gaps(pool.startTimes("slow.test"))) expect(gap).toBeGreaterThanOrEqual(120);
  });

  it("limits concurrency per host", async () => {
    const pool = createPool({ perHostConcurrency: 2, minIntervalMs: 0, globalConcurrency: 10 });
    let running = 0;
    let max = 0;
    const task = async () => {
      running++;
      max = Math.max(max, running);
      await sleep(20);
      running--;
    };
    await Promise.all(Array.from({ length: 6 }, () => pool.run("h.test", task)));
    expect(max).toBe(2);
  });

  it("runs many hosts at once under the global cap", async () => {
    const pool = createPool({ perHostConcurrency: 2, minIntervalMs: 0, globalConcurrency: 3 });
    let running = 0;
    let max = 0;
    const hostsSeen = new Set<string>();
    const live = new Set<string>();
    let maxHosts = 0;
    const task = (host: string) => async () => {
      running++;
      live.add(host);
      hostsSeen.add(host);
      max = Math.max(max, running);
      maxHosts = Math.max(maxHosts, live.size);
      await sleep(20);
      running--;
      live.delete(host);
    };
    const jobs: Promise<void>[] = [];
    for (let h = 0; h < 5; h++) for (let i = 0; i < 3; i++) jobs.push(pool.run(`h${h}.test`, task(`h${h}`)));
    await Promise.all(jobs);
    expect(max).toBe(3);
    expect(maxHosts).toBeGreaterThan(1);
    expect(hostsSeen.size).toBe(5);
  });

  it("an aborted request never starts", async () => {
    const pool = createPool({ perHostConcurrency: 1, minIntervalMs: 0 });
    let ran = 0;
    const first = pool.run("h.test", () => sleep(30));
    const controller = new AbortController();
    const second = pool.run(
      "h.test",
      async () => {
        ran++;
      },
      { signal: controller.signal },
    );
    controller.abort();
    await first;
    await expect(second).rejects.toBeDefined();
    expect(ran).toBe(0);
  });
});

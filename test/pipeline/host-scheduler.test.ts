import { describe, expect, it } from "vitest";
import { hostOfUrl, runByHosts } from "../../src/pipeline/host-scheduler.ts";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("runByHosts", () => {
  it("runs many sites at once, never two of one host together", async () => {
    const urls = [
      "http://a.test/",
      "http://www.a.test/x/",
      "http://b.test/",
      "http://c.test/",
      "http://a.test/y/",
      "http://d.test/",
    ];
    const active = new Map<string, number>();
    let most = 0;
    let inflight = 0;
    const done: string[] = [];
    await runByHosts(
      urls,
      hostOfUrl,
      async (u) => {
        const h = hostOfUrl(u);
        active.set(h, (active.get(h) ?? 0) + 1);
        expect(active.get(h)).toBe(1);
        most = Math.max(most, ++inflight);
        await tick();
        inflight--;
        active.set(h, active.get(h)! - 1);
        done.push(u);
      },
      { maxSites: 10, heapLimitBytes: Number.POSITIVE_INFINITY },
    );
    expect(done).toHaveLength(urls.length);
    expect(most).toBe(4);
  });

  it("holds new sites while the heap is full, but always runs one", async () => {
    let inflight = 0;
    let most = 0;
    await runByHosts(
      ["http://a.test/", "http://b.test/", "http://c.test/"],
      hostOfUrl,
      async () => {
        most = Math.max(most, ++inflight);
        await tick();
        inflight--;
      },
      { maxSites: 10, heapLimitBytes: 1, heapUsed: () => 2 },
    );
    expect(most).toBe(1);
  });

  it("reserves heap per site in flight", async () => {
    let inflight = 0;
    let most = 0;
    await runByHosts(
      ["http://a.test/", "http://b.test/", "http://c.test/", "http://d.test/"],
      hostOfUrl,
      async () => {
        most = Math.max(most, ++inflight);
        await tick();
        inflight--;
      },
      { maxSites: 10, heapLimitBytes: 100, heapUsed: () => 40, siteReserveBytes: 25 },
    );
    expect(most).toBe(2);
  });

  it("caps the sites in flight and passes a failure on after the others finish", async () => {
    let inflight = 0;
    let most = 0;
    const finished: number[] = [];
    const run = runByHosts(
      [1, 2, 3, 4, 5],
      (n) => `h${n}`,
      async (n) => {
        most = Math.max(most, ++inflight);
        await tick();
        inflight--;
        if (n === 1) throw new Error("boom");
        finished.push(n);
      },
      { maxSites: 2, heapLimitBytes: Number.POSITIVE_INFINITY },
    );
    await expect(run).rejects.toThrow("boom");
    expect(most).toBe(2);
    expect(inflight).toBe(0);
  });
});

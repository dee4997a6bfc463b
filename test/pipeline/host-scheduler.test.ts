import { describe, expect, it } from "vitest";
import { hostOfUrl, runByHosts } from "../../src/pipeline/host-scheduler.ts";
import { footprintOf } from "../../src/pipeline/site-footprint.ts";

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

  it("learns a smaller reservation from small sites, and grows a site's reservation with its pages", async () => {
    const MB = 1024 * 1024;
    const hosts = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `http://s${from + i}.test/`);
    // 40 MB of heap: 10 sites at the worst case (4 MB), 40 at the least reservation (1 MB).
    const options = { maxSites: 100, heapLimitBytes: 40 * MB, heapUsed: () => 0 };
    let inflight = 0;
    let most = 0;
    const small = async (_: string, load: { pages(n: number): void }) => {
      most = Math.max(most, ++inflight);
      load.pages(5);
      await tick();
      inflight--;
    };
    await runByHosts(hosts(200), hostOfUrl, small, options);
    // The first sites reserve the worst case; once 32 five-page sites finished, a site reserves 1 MB.
    expect(most).toBeGreaterThan(10);
    expect(most).toBeLessThanOrEqual(40);

    // Sites that grow to the page budget's worst case reserve what they hold: ~3.5 MB each, never 40 at once.
    inflight = 0;
    most = 0;
    const large = async (_: string, load: { pages(n: number): void }) => {
      most = Math.max(most, ++inflight);
      load.pages(300);
      await tick();
      inflight--;
    };
    await runByHosts(hosts(100, 1000), hostOfUrl, large, options);
    expect(most).toBeLessThanOrEqual(Math.floor((40 * MB) / footprintOf(300)));
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

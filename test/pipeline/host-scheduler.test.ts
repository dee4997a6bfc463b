import { describe, expect, it } from "vitest";
import { hostOfUrl, liveHeapGauge, runByHosts } from "../../src/pipeline/host-scheduler.ts";
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

  it("starts a site held back by its busy host before later sites, in the given order", async () => {
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const run = runByHosts(
      ["a1", "a2", "b1", "a3", "c1", "b2"],
      (s) => s[0]!,
      (s) => {
        started.push(s);
        return new Promise<void>((r) => gates.set(s, r));
      },
      { maxSites: 3, heapLimitBytes: Number.POSITIVE_INFINITY },
    );
    await tick();
    expect(started).toEqual(["a1", "b1", "c1"]);
    gates.get("b1")!();
    await tick();
    // b1's slot goes to the first waiting site whose host is free: b2 (a2 and a3 wait for a1).
    expect(started).toEqual(["a1", "b1", "c1", "b2"]);
    gates.get("a1")!();
    await tick();
    expect(started.at(-1)).toBe("a2");
    gates.get("a2")!();
    await tick();
    expect(started.at(-1)).toBe("a3");
    for (const s of ["c1", "b2", "a3"]) gates.get(s)?.();
    await run;
    expect(started).toEqual(["a1", "b1", "c1", "b2", "a2", "a3"]);
  });

  it("starts nothing more once the signal aborts, and waits for the sites in flight", async () => {
    const controller = new AbortController();
    const started: number[] = [];
    let finished = 0;
    await runByHosts(
      [1, 2, 3, 4, 5, 6],
      (n) => `h${n}`,
      async (n) => {
        started.push(n);
        if (n === 2) controller.abort();
        await tick();
        finished++;
      },
      { maxSites: 2, heapLimitBytes: Number.POSITIVE_INFINITY, signal: controller.signal },
    );
    expect(started).toEqual([1, 2]);
    expect(finished).toBe(2);
  });

  it("reads the live heap from V8 without counting on a collection having happened", () => {
    const gauge = liveHeapGauge();
    try {
      expect(gauge.read()).toBeGreaterThan(0);
    } finally {
      gauge.stop();
    }
  });
});

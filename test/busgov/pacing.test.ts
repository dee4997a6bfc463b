import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BusGovMock, demoAgencies, startBusGovMock } from "../../demo/web/busgov-mock/index.ts";
import { createPacer } from "../../src/crawl/busgov/index.ts";
import { createBusGovClient } from "../../src/pipeline/busgov.ts";

describe("pacer (injected clock)", () => {
  it("runs tasks one at a time, each starting minIntervalMs after the previous one ended", async () => {
    let t = 1000;
    let running = 0;
    let maxRunning = 0;
    const pacer = createPacer({
      minIntervalMs: 1500,
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    });
    const task = async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await Promise.resolve();
      t += 200; // the request itself takes virtual time
      running--;
    };
    await Promise.all([1, 2, 3, 4, 5].map(() => pacer.run(task)));
    expect(maxRunning).toBe(1);
    const pauses = pacer.starts.slice(1).map((s, i) => s - pacer.ends[i]!);
    expect(pauses).toEqual([1500, 1500, 1500, 1500]);
  });
});

describe("client pacing against the mock", () => {
  const interval = 120;
  let mock: BusGovMock;

  beforeAll(async () => {
    mock = await startBusGovMock(demoAgencies(2026), { latencyMs: 5 });
  });
  afterAll(async () => {
    await mock.close();
  });

  it("sends concurrent calls one after another, never closer than the interval at the server", async () => {
    const client = createBusGovClient({ baseUrl: mock.url, minIntervalMs: interval, retries: 0 });
    await Promise.all(["100001", "100002", "100003", "100004"].map((id) => client.ratings(id)));
    await client.close();
    const ids = mock.requests.map((r) => new URL(r.path, "http://x").searchParams.get("compareAgencyIds"));
    expect(ids).toEqual(["100001", "100002", "100003", "100004"]);
    const gaps = mock.requests.slice(1).map((r, i) => r.at - mock.requests[i]!.at);
    // Arrival gaps as the server recorded them; the pause runs from the previous answer's end, so the
    // gap holds at the server too. The small tolerance absorbs timer and clock rounding.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(interval - 5);
  });
});

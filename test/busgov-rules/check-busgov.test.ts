import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAgencies, startBusGovMock } from "../../demo/web/busgov-mock/index.ts";
import { busgovQueryFromUrl, busgovTargetUrl, recheckBusgovSite } from "../../src/pipeline/busgov.ts";
import { openRunReader } from "../../src/snapshot/index.ts";
import { AS_OF, closedPort, rules, runBusgov, statuses, target, tempDir, weights } from "./helpers.ts";

let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  dir = await tempDir();
});

afterAll(async () => {
  await dir?.remove();
});

describe("checkBusgov end to end", () => {
  it("stores every raw JSON answer and re-judges it offline, the mock gone", async () => {
    const mock = await startBusGovMock(demoAgencies(2026));
    const t = target(mock.url, { inn: "7107002028" }, "health");
    let live: Awaited<ReturnType<typeof runBusgov>>;
    try {
      live = await runBusgov(mock.url, t, dir.path);
    } finally {
      await mock.close();
    }
    const { site, entries, runId } = live;

    // search + card, ratings, plans: four exchanges, each in the manifest with its body.
    expect(entries.map((e) => new URL(e.url).pathname)).toEqual([
      "/public-rest/api/agency/extendedSearchAgencyNew",
      "/public/agency/agency.json",
      "/public-rating/api/ratingCompare/commonInfo",
      "/public-rating/api/improvementPlan/list",
    ]);
    const reader = openRunReader(dir.path, runId);
    for (const e of entries) {
      expect(e).toMatchObject({ site: t.url, fetcher: "busgov", status: 200, depth: 0 });
      expect(e.hash).toMatch(/^sha256:/);
      JSON.parse(new TextDecoder().decode(await reader.body(e.hash!)));
    }
    expect(site.url).toBe(t.url);
    expect(site.crawl).toMatchObject({ pages: 4, documents: 0, errors: 0 });
    // Evidence points at stored bodies.
    const hashes = new Set(entries.map((e) => e.hash));
    for (const f of site.findings) for (const ev of f.evidence) expect(hashes.has(ev.snapshot)).toBe(true);

    // Offline: the same verdicts from the snapshots alone (the mock is closed).
    const again = await recheckBusgovSite(site, entries, (h) => reader.body(h), {
      rules,
      asOf: AS_OF,
      weights,
    });
    expect(statuses(again)).toEqual(statuses(site));
    expect(again.findings.map((f) => f.evidence)).toEqual(site.findings.map((f) => f.evidence));
    // …and at another reference date: in 2022 the 2021 results were current.
    const earlier = await recheckBusgovSite(site, entries, (h) => reader.body(h), {
      rules,
      asOf: "2022-06-01",
      weights,
    });
    expect(statuses(earlier)["busgov/results"]).toBe("pass");
    expect(statuses(site)["busgov/results"]).toBe("fail");
  });

  it("a failed request is recorded too, and replays as the same failure", async () => {
    const base = `http://127.0.0.1:${await closedPort()}`;
    const { site, entries, runId } = await runBusgov(base, target(base, { busgovId: "100001" }), dir.path);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      status: 0,
      hash: null,
      fetcher: "busgov",
      error: { code: "connect" },
    });
    const reader = openRunReader(dir.path, runId);
    const again = await recheckBusgovSite(site, entries, (h) => reader.body(h), {
      rules,
      asOf: AS_OF,
      weights,
    });
    expect(again.findings.map((f) => f.status)).toEqual(["unknown", "unknown", "unknown", "unknown"]);
    expect(again.status).toBe("unreachable");
    expect(again.error?.code).toBe("connect");
  });

  it("target URLs are stable keys and give their query back", () => {
    const base = "https://bus.gov.ru";
    expect(busgovTargetUrl(base, { busgovId: "42" })).toBe("https://bus.gov.ru/pub/info-card/42");
    expect(busgovQueryFromUrl(busgovTargetUrl(base, { busgovId: "42" }))).toEqual({ id: "42" });
    expect(busgovQueryFromUrl(busgovTargetUrl(base, { inn: "7105001011" }))).toEqual({ inn: "7105001011" });
    expect(busgovQueryFromUrl("https://example.ru/")).toBeNull();
  });
});

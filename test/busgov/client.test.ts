import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BusGovMock, demoAgencies, startBusGovMock } from "../../demo/web/busgov-mock/index.ts";
import { answerPages } from "../../src/crawl/busgov/index.ts";
import { createBusGovClient, type HttpBusGovClient } from "../../src/pipeline/busgov.ts";

const REF_YEAR = 2026;
const agencies = demoAgencies(REF_YEAR);
const noSleep = async () => {};

let mock: BusGovMock;
let client: HttpBusGovClient;

beforeAll(async () => {
  mock = await startBusGovMock(agencies);
  client = createBusGovClient({ baseUrl: mock.url, minIntervalMs: 0, retries: 0 });
});

afterAll(async () => {
  await client.close();
  await mock.close();
});

/** A port nothing listens on: bind an ephemeral port, then release it. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

describe("findAgency", () => {
  it("finds an institution by INN through the search and the card", async () => {
    const answer = await client.findAgency({ inn: "7105001011" });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value).toMatchObject({
      id: "100001",
      inn: "7105001011",
      name: "МБОУ «Средняя общеобразовательная школа № 1»",
      website: "http://school1.test/",
      cardUrl: `${mock.url}/pub/info-card/100001`,
    });
    expect(answer.trail.map((x) => new URL(x.url).pathname)).toEqual([
      "/public-rest/api/agency/extendedSearchAgencyNew",
      "/public/agency/agency.json",
    ]);
    // The raw body is the card JSON, ready for a snapshot.
    expect(JSON.parse(new TextDecoder().decode(answer.raw)).agency.inn).toBe("7105001011");
    expect(answer.url).toBe(answer.trail[1]!.url);
  });

  it("finds an institution by id", async () => {
    const answer = await client.findAgency({ id: "100003" });
    expect(answer.ok && answer.value?.name).toBe("ГБУК МО «Областная научная библиотека»");
  });

  it("answers null (not an error) for an INN or id bus.gov.ru does not know", async () => {
    const byInn = await client.findAgency({ inn: "7101007076" });
    expect(byInn).toMatchObject({ ok: true, value: null });
    const byId = await client.findAgency({ id: "999999" });
    expect(byId).toMatchObject({ ok: true, value: null });
  });

  it("rejects a malformed INN without a request", async () => {
    const before = mock.requests.length;
    const answer = await client.findAgency({ inn: "12345" });
    expect(answer).toMatchObject({ ok: false, error: { code: "invalid-url" } });
    expect(mock.requests.length).toBe(before);
  });
});

describe("ratings", () => {
  it("returns the latest НОК year with criteria and a computed total", async () => {
    const answer = await client.ratings("100001");
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const expected = agencies[0]!.results[0]!;
    expect(answer.value).toEqual([
      {
        year: REF_YEAR - 1,
        totalScore: expected.totalScore,
        totalScoreSource: "computed",
        criteria: expected.criteria,
        group: "Общеобразовательные организации",
        place: 42,
      },
    ]);
  });

  it("reports a stale year as it is", async () => {
    const answer = await client.ratings("100002");
    expect(answer.ok && answer.value.map((r) => r.year)).toEqual([REF_YEAR - 5]);
  });

  it("returns an empty list when the institution has no results", async () => {
    const answer = await client.ratings("100003");
    expect(answer).toMatchObject({ ok: true, value: [] });
  });

  it("turns an unknown JSON shape into ok:false parse", async () => {
    const answer = await client.ratings("100005");
    expect(answer).toMatchObject({ ok: false, error: { code: "parse" } });
    if (!answer.ok) expect(answer.error.message).toMatch(/ratingYear/);
  });

  it("treats a missing entry for the agency as unknown, not as no results", async () => {
    const answer = await client.ratings("999999");
    expect(answer).toMatchObject({ ok: false, error: { code: "parse" } });
  });
});

describe("plans", () => {
  it("reads planShortcomingInfoType: items, dates, FACT_DATE/MEASURES, documents", async () => {
    const answer = await client.plans("100001");
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.map((p) => [p.year, p.approved, p.items.length])).toEqual([
      [REF_YEAR - 1, `${REF_YEAR}-03-01`, 2],
      [REF_YEAR - 4, `${REF_YEAR - 3}-03-01`, 2],
    ]);
    const item = answer.value[0]!.items[0]!;
    expect(item).toMatchObject({
      criterion: "Открытость и доступность информации об организации",
      shortcoming: "На сайте нет раздела «Часто задаваемые вопросы»",
      activity: expect.stringMatching(/Часто задаваемые вопросы/),
      planDate: `${REF_YEAR}-06-01`,
      factDate: `${REF_YEAR}-06-01`,
      measures: expect.stringMatching(/выполнено/),
      responsible: "Петрова Анна Сергеевна, Заместитель директора",
    });
    expect(answer.value[0]!.documents[0]).toMatchObject({
      name: "Приказ об утверждении плана",
      number: "15-о",
    });
  });

  it("tells a plan without a report and a missing plan apart", async () => {
    const noReport = await client.plans("100006");
    expect(noReport.ok && noReport.value[0]!.items.map((i) => i.factDate ?? null)).toEqual([null, null]);
    expect(await client.plans("100004")).toMatchObject({ ok: true, value: [] });
  });

  it("turns an unknown JSON shape into ok:false parse", async () => {
    expect(await client.plans("100005")).toMatchObject({ ok: false, error: { code: "parse" } });
  });

  it("does not ask the real bus.gov.ru for plans and says why", async () => {
    const asked: string[] = [];
    const live = createBusGovClient({
      baseUrl: "https://bus.gov.ru",
      minIntervalMs: 0,
      fetchImpl: async (url) => {
        asked.push(url);
        return { status: 404, headers: {}, body: new Uint8Array() };
      },
    });
    const answer = await live.plans("100001");
    expect(answer).toMatchObject({ ok: false, error: { code: "unknown" } });
    if (!answer.ok) expect(answer.error.message).toMatch(/--busgov-plans/);
    expect(asked).toEqual([]);
  });
});

describe("failures", () => {
  it("maps an unreachable base URL to ok:false connect", async () => {
    const port = await closedPort();
    const offline = createBusGovClient({ baseUrl: `http://127.0.0.1:${port}`, minIntervalMs: 0 });
    const answer = await offline.ratings("100001");
    await offline.close();
    expect(answer).toMatchObject({ ok: false, error: { code: "connect" } });
    if (!answer.ok) expect(answer.url).toContain(`127.0.0.1:${port}/public-rating/`);
  });

  it("retries a 5xx and succeeds", async () => {
    const flaky = await startBusGovMock(agencies, { failFirst: 2 });
    const c = createBusGovClient({ baseUrl: flaky.url, minIntervalMs: 0, retries: 2, sleep: noSleep });
    const answer = await c.ratings("100001");
    await c.close();
    await flaky.close();
    expect(answer.ok).toBe(true);
    expect(flaky.requests.length).toBe(3);
  });

  it("gives up after the retries with ok:false http-5xx", async () => {
    const down = await startBusGovMock(agencies, { failFirst: 10 });
    const c = createBusGovClient({ baseUrl: down.url, minIntervalMs: 0, retries: 1, sleep: noSleep });
    const answer = await c.findAgency({ id: "100001" });
    await c.close();
    await down.close();
    expect(answer).toMatchObject({ ok: false, error: { code: "http-5xx" } });
    expect(down.requests.length).toBe(2);
  });

  it("treats an HTML page on 200 as ok:false parse", async () => {
    const c = createBusGovClient({
      baseUrl: "http://127.0.0.1:9",
      minIntervalMs: 0,
      fetchImpl: async () => ({
        status: 200,
        headers: { "content-type": "text/html" },
        body: new TextEncoder().encode("<html>Технические работы</html>"),
      }),
    });
    const answer = await c.plans("100001");
    expect(answer).toMatchObject({ ok: false, error: { code: "parse" } });
    if (!answer.ok) expect(answer.error.message).toMatch(/не JSON/);
  });
});

describe("answerPages", () => {
  it("turns every exchange into a busgov FetchedPage with the raw body", async () => {
    const answer = await client.findAgency({ inn: "7105001011" });
    const pages = answerPages(answer);
    expect(pages.map((p) => [p.fetcher, p.status, p.error])).toEqual([
      ["busgov", 200, null],
      ["busgov", 200, null],
    ]);
    expect(pages[1]!.body).toBe(answer.ok ? answer.raw : null);
  });

  it("carries the error of a failed answer", async () => {
    const pages = answerPages(await client.ratings("100005"));
    expect(pages.at(-1)?.error?.code).toBe("parse");
    expect(pages.at(-1)?.body).not.toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BusGovMock, demoAgencies, startBusGovMock } from "../../demo/web/busgov-mock/index.ts";
import { withInnChecksum } from "../../src/registry/inn.ts";
import type { Sphere, Status } from "../../src/types/index.ts";
import { closedPort, runBusgov, statuses, target, tempDir } from "./helpers.ts";

const agencies = demoAgencies(2026);
let mock: BusGovMock;
let failing: BusGovMock;
let dir: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  mock = await startBusGovMock(agencies);
  // Answers 503 to everything (the client retries once per request).
  failing = await startBusGovMock(agencies, { failFirst: 1000 });
  dir = await tempDir();
});

afterAll(async () => {
  await mock?.close();
  await failing?.close();
  await dir?.remove();
});

const row = (card: Status, results: Status, plan: Status, report: Status) => ({
  "busgov/card": card,
  "busgov/results": results,
  "busgov/improvement-plan": plan,
  "busgov/plan-report": report,
});

const innOf = (id: string) => agencies.find((a) => a.id === id)!.inn;

describe("busgov rules against the bus.gov.ru mock (as of 2026-11-01)", () => {
  const cases: [string, { inn?: string; busgovId?: string }, Sphere | null, ReturnType<typeof row>][] = [
    [
      "current results, plan and report",
      { inn: innOf("100001") },
      "education",
      row("pass", "pass", "pass", "pass"),
    ],
    [
      "stale results (>3 years), plan without report",
      { inn: innOf("100002") },
      "health",
      row("pass", "fail", "pass", "fail"),
    ],
    ["missing results and plans", { inn: innOf("100003") }, "culture", row("pass", "fail", "n/a", "n/a")],
    ["current results, no plan", { inn: innOf("100004") }, "social", row("pass", "pass", "fail", "fail")],
    [
      "plan placed, report overdue (by agency id)",
      { busgovId: "100006" },
      "social",
      row("pass", "pass", "pass", "fail"),
    ],
    [
      "answers of an unknown shape",
      { inn: innOf("100005") },
      null,
      row("pass", "unknown", "unknown", "unknown"),
    ],
    [
      "an INN bus.gov.ru does not know",
      { inn: withInnChecksum("770708389") },
      "social",
      row("fail", "fail", "fail", "fail"),
    ],
  ];

  it.each(cases)("%s", async (_name, query, sphere, expected) => {
    const { site } = await runBusgov(mock.url, target(mock.url, query, sphere), dir.path);
    expect(statuses(site)).toEqual(expected);
    expect(site.kind).toBe("busgov");
    // Every decided finding rests on an answer of the service: the public card (or the search) and its JSON.
    for (const f of site.findings.filter((x) => x.status === "pass" || x.status === "fail")) {
      expect(f.evidence.length, f.rule).toBeGreaterThan(0);
      expect(f.evidence[0]!.url.startsWith(mock.url)).toBe(true);
      expect(f.evidence[0]!.snapshot).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });

  it("evidence quotes the JSON: name, year, score", async () => {
    const { site } = await runBusgov(mock.url, target(mock.url, { inn: innOf("100001") }), dir.path);
    const by = (rule: string) => site.findings.find((f) => f.rule === rule)!;
    expect(by("busgov/card").evidence[0]).toMatchObject({
      url: `${mock.url}/pub/info-card/100001`,
      excerpt: expect.stringContaining("Средняя общеобразовательная школа № 1"),
    });
    expect(by("busgov/results").evidence[0]!.excerpt).toMatch(/2025 год: 93,82 балла/);
    expect(by("busgov/improvement-plan").evidence[0]).toMatchObject({ date: "2026-03-01" });
    expect(by("busgov/results").details).toMatchObject({ latestYear: 2025, totalScore: 93.82 });
    expect(site.finalUrl).toBe(`${mock.url}/pub/info-card/100001`);
    expect(site.status).toBe("ok");
    expect(site.score).toBe(100);
  });

  it("a sport organization: the НОК rules do not apply after the 2013–2015 pilot", async () => {
    const { site } = await runBusgov(mock.url, target(mock.url, { inn: innOf("100005") }, "sport"), dir.path);
    expect(statuses(site)).toEqual(row("pass", "n/a", "n/a", "n/a"));
  });

  it("unreachable service → unknown everywhere, site unreachable", async () => {
    const base = `http://127.0.0.1:${await closedPort()}`;
    const { site } = await runBusgov(base, target(base, { inn: innOf("100001") }), dir.path);
    expect(statuses(site)).toEqual(row("unknown", "unknown", "unknown", "unknown"));
    expect(site.status).toBe("unreachable");
    expect(site.error?.code).toBe("connect");
    expect(site.score).toBeNull();
    expect(site.findings[0]!.message).toContain("bus.gov.ru не ответил");
  });

  it("service answering 503 → unknown, never fail", async () => {
    const { site } = await runBusgov(failing.url, target(failing.url, { inn: innOf("100001") }), dir.path);
    expect(statuses(site)).toEqual(row("unknown", "unknown", "unknown", "unknown"));
    expect(site.error?.code).toBe("http-5xx");
  });
});

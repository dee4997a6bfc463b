import { describe, expect, it } from "vitest";
import { regionHistory, ruleTrend, runTiles, tileMapSvg, trendSvg } from "../../src/charts/index.ts";
import type { Dispute } from "../../src/disputes/index.ts";
import { renderHtml } from "../../src/report/html.ts";
import { nationalFixture } from "../server/fixtures.ts";

const NOK = "authority/nok-section";
const previous = nationalFixture("2026-10-01T02-00-00Z-run-aaaaaa", "2026-10-01", 1);
const current = nationalFixture("2026-11-01T02-00-00Z-run-bbbbbb", "2026-11-01", 0, previous);

describe("tile map", () => {
  it("draws every subject, grouped by federal district, coloured by compliance, with links", () => {
    const tiles = runTiles(current);
    expect(tiles).toHaveLength(89);
    const svg = tileMapSvg(tiles, { href: (c) => `/region/${c}` });
    expect(svg.match(/<g data-region=/g)).toHaveLength(89);
    expect(svg).toContain('<a href="/region/71">');
    expect(svg.indexOf(">СЗФО<")).toBeLessThan(svg.indexOf(">ДФО<"));
    expect(svg).toMatch(/data-tone="(pass|warn|fail)"/);
    expect(svg).not.toContain("<script");
  });

  it("escapes names and marks a region without sites", () => {
    const svg = tileMapSvg([
      {
        code: "99",
        name: "<b>x</b>",
        short: "<b>",
        district: "ЦФО",
        tone: "none",
        value: "нет сайта",
        title: "t",
      },
    ]);
    expect(svg).toContain("&lt;b&gt;");
    expect(svg).toContain('stroke-dasharray="3 2"');
  });
});

describe("trends", () => {
  it("gives a rule's share of passing regions per sphere and run", () => {
    const t = ruleTrend([previous, current], NOK);
    expect(t.labels).toEqual(["01.10.2026", "01.11.2026"]);
    expect(t.series.map((s) => s.label)).toContain("здравоохранение");
    for (const s of t.series) for (const v of s.values) expect(v === null || (v >= 0 && v <= 1)).toBe(true);
    expect(ruleTrend([previous, current], NOK, "health").series).toHaveLength(1);
  });

  it("breaks the line where nothing was decided instead of drawing a zero", () => {
    const svg = trendSvg([{ label: "s", values: [0.5, null, 0.7, 0.8] }], {
      labels: ["a", "b", "c", "d"],
      title: "T",
    });
    expect(svg.match(/<polyline/g)).toHaveLength(1);
    expect(svg.match(/<circle/g)).toHaveLength(3);
  });

  it("gives a region's history per sphere", () => {
    const h = regionHistory([previous, current], "71");
    expect(h.series).toHaveLength(5);
  });
});

describe("HTML report pictures and disputes", () => {
  it("shows the tile map, and trends when earlier runs are given", () => {
    const alone = renderHtml(current);
    expect(alone).toContain('class="chart tilemap-svg"');
    expect(alone).not.toContain('class="chart trend-svg"');
    const withHistory = renderHtml(current, { history: [previous] });
    expect(withHistory.match(/class="chart trend-svg"/g)?.length).toBeGreaterThanOrEqual(1);
  });

  it("lists disputes beside the verdicts", () => {
    const dispute: Dispute = {
      id: "1",
      runId: current.runId,
      site: current.sites[0]!.url,
      siteName: "Министерство",
      region: "01",
      sphere: "social",
      rule: NOK,
      verdict: "fail",
      evidenceUrl: "https://x.example.ru/nok/",
      comment: "Раздел размещён",
      by: "Иванов И.И.",
      createdAt: "2026-11-05T10:00:00.000Z",
      status: "open",
      reason: "повторная проверка: не найден раздел",
      history: [],
    };
    const html = renderHtml(current, { disputes: [dispute] });
    expect(html).toContain('<h2 id="disputes">Споры</h2>');
    expect(html).toContain("Иванов И.И.");
    expect(html).toContain("открыт");
  });
});

import { describe, expect, it } from "vitest";
import { coverageAudit, nationalCoverageAudit } from "../../src/findings/coverage-audit.ts";
import { renderHtml } from "../../src/report/html.ts";
import { renderMarkdown } from "../../src/report/markdown.ts";
import type { Sphere, Status } from "../../src/types/index.ts";
import { finding, regionSummary, run, site } from "../report/fixtures.ts";

const RULES = ["busgov/card", "busgov/results", "busgov/improvement-plan", "busgov/plan-report"];

function busgov(
  region: string,
  sphere: Sphere,
  name: string,
  results: Status,
  latestYear: number | null = null,
) {
  const s = site({
    kind: "busgov",
    region,
    sphere,
    name,
    rules: RULES,
    url: `https://bus.gov.ru/pub/info-card/${name.length}${region}`,
  });
  s.findings = s.findings.map((f) =>
    f.rule === "busgov/results"
      ? finding(f.rule, results, { details: { latestYear }, message: `результаты: ${results}` })
      : f,
  );
  return s;
}
const institution = (region: string, sphere: Sphere, name: string) =>
  site({
    kind: "institution",
    region,
    sphere,
    name,
    rules: ["institution/nok-page"],
    url: `https://${name.length}.example/`,
  });

const sites = [
  institution("71", "education", "Школа № 1"),
  busgov("71", "education", "Школа № 1", "pass", 2024),
  institution("71", "education", "Школа № 2"),
  busgov("71", "education", "Школа № 2", "fail", 2019),
  institution("71", "health", "Поликлиника"),
  busgov("71", "health", "Поликлиника", "unknown"),
  institution("71", "health", "Больница без ИНН"),
  institution("50", "culture", "Библиотека"),
  busgov("50", "culture", "Библиотека", "fail", null),
  institution("50", "culture", "Музей"),
  busgov("50", "culture", "Музей", "pass", 2025),
  institution("50", "sport", "Спортшкола"),
  busgov("50", "sport", "Спортшкола", "n/a"),
];

describe("coverage audit", () => {
  it("counts covered and not covered, keeps unknown and institutions without ИНН apart", () => {
    const a = coverageAudit(sites, "2026-03-01")!;
    expect(a).toMatchObject({ fromYear: 2023, toYear: 2026 });
    expect(a.total).toEqual({ covered: 2, notCovered: 2, unknown: 1, notChecked: 1, share: 0.5 });
    expect(a.bySphere.health).toMatchObject({
      covered: 0,
      notCovered: 0,
      unknown: 1,
      notChecked: 1,
      share: null,
    });
    expect(a.bySphere.sport).toBeUndefined();
    expect(a.notCovered.map((g) => [g.region, g.name, g.latestYear])).toEqual([
      ["50", "Библиотека", null],
      ["71", "Школа № 2", 2019],
    ]);
  });

  it("national audit has one row per region with institutions", () => {
    const a = nationalCoverageAudit(
      sites,
      [
        { code: "50", name: "Московская область" },
        { code: "71", name: "Тульская область" },
        { code: "77", name: "г. Москва" },
      ],
      "2026-03-01",
    )!;
    expect(a.byRegion.map((r) => [r.code, r.total.covered, r.total.notCovered])).toEqual([
      ["50", 1, 1],
      ["71", 1, 1],
    ]);
  });

  it("is null when the run has no institutions", () => {
    expect(coverageAudit([site({ region: "71", sphere: "health" })], "2026-03-01")).toBeNull();
  });

  it("the national and regional reports carry the section and the list not covered", () => {
    const r = run({
      asOf: "2026-03-01",
      sites,
      regions: [regionSummary("50", "Московская область"), regionSummary("71", "Тульская область")],
    });
    const html = renderHtml(r);
    expect(html).toContain('id="coverage"');
    expect(html).toContain("Охват независимой оценкой за 3 года: 50% (2 из 4)");
    expect(html).toContain("не удалось проверить на bus.gov.ru — 1 (в долю не входят)");
    // Tula's block: its own figure and its school not covered.
    expect(html).toContain("Охват независимой оценкой за 3 года: 50% (1 из 2)");
    expect(html).toMatch(
      /Школа № 2<\/a> <span[^>]*>образование<\/span> — последние результаты — за 2019 год/,
    );
    const md = renderMarkdown(r);
    expect(md).toContain("## Охват организаций независимой оценкой");
    expect(md).toContain("**Охват независимой оценкой за 3 года: 50% (2 из 4)**");
    expect(md).toContain("Библиотека");
  });
});

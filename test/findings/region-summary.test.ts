import { describe, expect, it } from "vitest";
import { summarizeRegions } from "../../src/findings/region-summary.ts";
import { nationalRun, REGIONS, site } from "../report/fixtures.ts";

describe("summarizeRegions", () => {
  const run = nationalRun();
  const summaries = summarizeRegions(run.sites, REGIONS);
  const byCode = new Map(summaries.map((s) => [s.code, s]));

  it("keeps every region of the registry, in order, with sites 0 when it has none", () => {
    expect(summaries.map((s) => s.code)).toEqual(["08", "13", "38", "71", "99"]);
    expect(byCode.get("99")?.sites).toBe(0);
    expect(byCode.get("99")?.byRule).toEqual({});
    expect(byCode.get("99")?.gaps).toEqual([]);
  });

  it("counts sites by rule for all five statuses", () => {
    const k = byCode.get("08")!;
    expect(k.sites).toBe(4);
    expect(k.byRule["authority/council-nok-powers"]).toEqual({
      pass: 1,
      warn: 0,
      fail: 3,
      unknown: 0,
      "n/a": 0,
    });
    expect(k.byRule["authority/nok-section"]).toEqual({ pass: 3, warn: 0, fail: 1, unknown: 0, "n/a": 0 });
  });

  it("lists gaps with the spheres in which they fail (ministry order)", () => {
    const k = byCode.get("08")!;
    expect(k.gaps).toEqual([
      { rule: "authority/nok-section", spheres: ["social"] },
      { rule: "authority/council-nok-powers", spheres: ["health", "social", "sport"] },
    ]);
  });

  it("keeps unknown apart from fail", () => {
    const t = byCode.get("71")!;
    expect(t.gaps.map((g) => g.rule)).toEqual(["institution/improvement-plan", "busgov/results"]);
    expect(t.unknownRules.find((u) => u.rule === "authority/nok-section")).toEqual({
      rule: "authority/nok-section",
      spheres: ["health"],
    });
    expect(t.byRule["authority/nok-section"]).toEqual({ pass: 1, warn: 0, fail: 0, unknown: 1, "n/a": 0 });
    expect(t.unreachable).toBe(1);
    expect(t.sitesByKind).toEqual({ authority: 2, institution: 1, busgov: 2 });
  });

  it("adds regions that only the sites name and averages scores", () => {
    const extra = summarizeRegions(
      [
        site({ region: "77", sphere: "health", score: 80 }),
        site({ region: "77", sphere: "sport", score: 40 }),
      ],
      REGIONS.slice(0, 1),
    );
    expect(extra.map((s) => [s.code, s.name, s.sites, s.score])).toEqual([
      ["08", "Республика Калмыкия", 0, null],
      ["77", "77", 2, 60],
    ]);
  });
});

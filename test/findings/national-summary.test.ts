import { describe, expect, it } from "vitest";
import { summarizeNation } from "../../src/findings/national-summary.ts";
import { formatMinistryList, formatRegionWithSpheres } from "../../src/findings/sphere-names.ts";
import { nationalRun, REGIONS, site } from "../report/fixtures.ts";

const POWERS = "authority/council-nok-powers";
const NOK = "authority/nok-section";

describe("summarizeNation", () => {
  const nation = summarizeNation(nationalRun().sites, REGIONS);

  it("counts regions, not sites, per sphere and rule", () => {
    expect(nation.regions).toBe(5);
    expect(nation.regionsWithSites).toBe(4);
    expect(nation.bySphere.health?.[POWERS]).toEqual({ pass: 1, warn: 0, fail: 2, unknown: 1, "n/a": 0 });
    expect(nation.bySphere.social?.[NOK]).toEqual({ pass: 1, warn: 1, fail: 1, unknown: 0, "n/a": 0 });
    expect(Object.keys(nation.bySphere)).toEqual(["health", "social", "culture", "sport"]);
  });

  it("counts a region once even with two authority sites of one sphere (the best status)", () => {
    const n = summarizeNation(
      [
        site({ url: "https://a.example.ru/", region: "08", sphere: "health", statuses: { [NOK]: "fail" } }),
        site({ url: "https://b.example.ru/", region: "08", sphere: "health", statuses: { [NOK]: "pass" } }),
      ],
      REGIONS,
    );
    expect(n.bySphere.health?.[NOK]).toEqual({ pass: 1, warn: 0, fail: 0, unknown: 0, "n/a": 0 });
  });

  it("keeps unknown separate from fail and regions without a site out of the counts", () => {
    expect(nation.unknown[NOK]).toEqual([{ code: "71", name: "Тульская область", spheres: ["health"] }]);
    expect(nation.failing[NOK]).toEqual([{ code: "08", name: "Республика Калмыкия", spheres: ["social"] }]);
    // Health: 08, 13, 38, 71 have a site; 99 has none.
    expect(nation.noSite.health).toBe(1);
    expect(nation.noSite.sport).toBe(4);
  });

  it("lists failing regions with their spheres in the ministry style", () => {
    const list = nation.failing[POWERS]!;
    expect(list.map((e) => e.code)).toEqual(["08", "13", "38"]);
    expect(formatMinistryList(list)).toBe(
      "Республика Калмыкия (здравоохранение, социальное обслуживание, спорт), Республика Мордовия (здравоохранение), Иркутская область (культура)",
    );
    expect(formatRegionWithSpheres("Республика Мордовия", [])).toBe("Республика Мордовия");
  });

  it("reports institution coverage when institution or bus.gov.ru sites exist", () => {
    const cov = nation.institutions!;
    expect(cov.institutions).toBe(1);
    expect(cov.busgov).toBe(2);
    expect(cov.results).toMatchObject({ pass: 1, fail: 1, decided: 2, share: 0.5 });
    // The unknown plan is not counted against the region.
    expect(cov.plans).toMatchObject({ pass: 1, unknown: 1, decided: 1, share: 1 });
    expect(cov.bySphere.education?.["busgov/results"]?.share).toBe(1);
  });

  it("has no institution coverage without institutions", () => {
    expect(summarizeNation([site({ region: "08", sphere: "health" })], REGIONS).institutions).toBeNull();
  });
});

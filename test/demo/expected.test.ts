import { describe, expect, it } from "vitest";
import { expectedFor, monthsBefore } from "../../demo/harness/expected.ts";
import { DEMO_AS_OF, DEMO_SPECS } from "../../demo/web/catalogue.ts";
import { AUTHORITY_RULE_IDS } from "../../demo/web/rule-ids.ts";

/**
 * The hand-made matrix, pinned: one row per site, columns in AUTHORITY_RULE_IDS order
 * (section, legal, regulation, powers, composition, minutes, list, operator, results, proposals, plans, rating, accessible).
 */
const MATRIX: Record<string, string> = {
  "tula-social": "pass pass pass pass pass pass pass pass pass pass pass pass pass",
  "kaliningrad-health": "pass pass pass pass pass warn pass fail pass pass fail pass pass",
  "kalmykia-health": "pass pass pass fail pass warn warn fail warn fail fail pass fail",
  "smolensk-culture": "warn pass pass pass unknown pass pass pass pass pass pass pass pass",
  "khmao-education": "pass pass pass pass pass pass warn pass warn pass pass pass pass",
  "mordovia-education": "fail fail pass fail pass fail fail fail fail fail fail pass pass",
  "irkutsk-culture": "pass pass fail fail fail fail pass pass pass fail pass fail fail",
  "kaliningrad-social": "pass pass pass pass pass pass pass pass pass pass unknown pass pass",
  "mordovia-health":
    "unknown unknown unknown unknown unknown unknown unknown unknown unknown unknown unknown unknown unknown",
};

describe("demo expectations", () => {
  it("the as-of date is fixed", () => {
    expect(DEMO_AS_OF).toBe("2026-11-01");
  });

  it("derives the pinned matrix for every hand-made site", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(DEMO_SPECS.map((s) => s.id).sort());
    for (const spec of DEMO_SPECS) {
      const got = expectedFor(spec, DEMO_AS_OF);
      const row = AUTHORITY_RULE_IDS.map((id) => got[id].status).join(" ");
      expect(`${spec.id}: ${row}`).toBe(`${spec.id}: ${MATRIX[spec.id]}`);
    }
  });

  it("every rule is pass somewhere and not pass somewhere", () => {
    for (const id of AUTHORITY_RULE_IDS) {
      const statuses = DEMO_SPECS.map((s) => expectedFor(s, DEMO_AS_OF)[id].status);
      expect(statuses, id).toContain("pass");
      expect(
        statuses.some((x) => x !== "pass"),
        id,
      ).toBe(true);
    }
  });

  it("each site has a different mix of gaps", () => {
    const rows = DEMO_SPECS.map((s) =>
      AUTHORITY_RULE_IDS.map((id) => expectedFor(s, DEMO_AS_OF)[id].status).join(),
    );
    expect(new Set(rows).size).toBe(rows.length);
  });

  it("minutes freshness: twelve months back from the as-of date", () => {
    expect(monthsBefore("2026-11-01", 12)).toBe("2025-11-01");
    expect(monthsBefore("2026-01-15", 1)).toBe("2025-12-15");
    const base = DEMO_SPECS.find((s) => s.id === "tula-social")!;
    const withMinutes = (minutes: string[]) => ({
      ...base,
      items: { ...base.items, council: { ...base.items.council, minutes } },
    });
    expect(expectedFor(withMinutes(["2025-11-01"]), DEMO_AS_OF)["authority/council-minutes"].status).toBe(
      "pass",
    );
    expect(expectedFor(withMinutes(["2025-10-31"]), DEMO_AS_OF)["authority/council-minutes"].status).toBe(
      "warn",
    );
  });

  it("results older than the previous year and lists only for past years warn", () => {
    const base = DEMO_SPECS.find((s) => s.id === "tula-social")!;
    const spec = {
      ...base,
      items: { ...base.items, orgLists: [2025], results: { years: [2024], format: "xlsx" as const } },
    };
    const got = expectedFor(spec, DEMO_AS_OF);
    expect(got["authority/org-list"].status).toBe("warn");
    expect(got["authority/results"].status).toBe("warn");
  });
});

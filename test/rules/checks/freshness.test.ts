import { describe, expect, it } from "vitest";
import { judgeFreshness } from "../../../src/rules/checks/freshness.ts";
import type { FoundDate } from "../../../src/types/index.ts";

const day = (date: string): FoundDate => ({ date, precision: "day", raw: date });
const year = (y: number): FoundDate => ({ date: `${y}-01-01`, precision: "year", raw: String(y) });

describe("freshness", () => {
  it.each([
    ["minutes 5 months old", [day("2025-09-15")], { maxAgeMonths: 12 }, "pass"],
    ["minutes 15 months old", [day("2024-11-20")], { maxAgeMonths: 12 }, "warn"],
    ["a bare year counts as its 31 December", [year(2025)], { maxAgeMonths: 12 }, "pass"],
    ["the newest of several", [day("2023-01-10"), day("2025-12-01")], { maxAgeMonths: 12 }, "pass"],
    ["a future date is ignored", [day("2027-01-01"), day("2023-01-10")], { maxAgeMonths: 12 }, "warn"],
    ["results of the previous year", [year(2025)], { minYearOffset: -1 }, "pass"],
    ["results two years old", [year(2024)], { minYearOffset: -1 }, "warn"],
    ["list for the current year", [year(2026)], { minYearOffset: 0 }, "pass"],
    ["list for next year", [year(2027)], { minYearOffset: 0 }, "pass"],
    ["list for last year", [year(2025)], { minYearOffset: 0 }, "warn"],
    ["regulation after 392-ФЗ", [day("2019-05-14")], { notBefore: "2018-03-06" }, "pass"],
    ["regulation before 392-ФЗ", [day("2014-05-20")], { notBefore: "2018-03-06" }, "warn"],
    ["undated, policy pass", [], { maxAgeMonths: 12, undated: "pass" }, "pass"],
    ["undated, policy warn", [], { minYearOffset: 0, undated: "warn" }, "warn"],
  ] as const)("%s → %s", (_n, dates, f, status) => {
    const v = judgeFreshness([...dates], { undated: "pass", ...f }, "2026-03-01");
    expect(v.status).toBe(status);
  });

  it("says the date it found", () => {
    expect(
      judgeFreshness([day("2024-11-20")], { maxAgeMonths: 12, undated: "pass" }, "2026-03-01").message,
    ).toContain("20.11.2024");
  });
});

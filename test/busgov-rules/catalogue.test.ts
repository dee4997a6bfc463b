import { describe, expect, it } from "vitest";
import { explainRule, loadRules, runExamples } from "../../src/rules/index.ts";

const BUSGOV_IDS = ["card", "results", "improvement-plan", "plan-report"].map((n) => `busgov/${n}`);
const { rules, errors } = loadRules();
const busgov = rules.filter((r) => r.appliesTo.kind === "busgov");

describe("busgov rule catalogue", () => {
  it("has every contract id (contract.md §3), and only busgov-data checks", () => {
    expect(errors).toEqual([]);
    expect(busgov.map((r) => r.id).sort()).toEqual([...BUSGOV_IDS].sort());
    for (const r of busgov) expect(r.check.type, r.id).toBe("busgov-data");
  });

  it("names 86н/116н and says the successor order is unconfirmed", () => {
    const legal = busgov.flatMap((r) => r.legal).join("\n");
    expect(legal).toContain("86н");
    expect(legal).toContain("116н");
    expect(legal).toMatch(/не подтверждены/);
  });

  it.each(BUSGOV_IDS)("%s has examples of an unreachable or unknown answer giving unknown", async (id) => {
    const rule = busgov.find((r) => r.id === id)!;
    const runs = await runExamples(rule);
    expect(runs.filter((r) => r.expected === "unknown").length).toBeGreaterThan(0);
    expect(runs.filter((r) => !r.ok)).toEqual([]);
  });

  it("explains itself in Russian", () => {
    expect(explainRule("busgov/results")).toMatch(/Применяется: bus\.gov\.ru/);
  });
});

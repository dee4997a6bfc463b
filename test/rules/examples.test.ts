import { describe, expect, it } from "vitest";
import { loadRules, runExamples } from "../../src/rules/index.ts";

const { rules, errors } = loadRules();

describe("rule files load", () => {
  it("without errors", () => {
    expect(errors).toEqual([]);
  });
});

describe.each(rules.map((r) => [r.id, r] as const))("examples of %s", (_id, rule) => {
  it("give their expected statuses", async () => {
    const runs = await runExamples(rule);
    const wrong = runs
      .filter((r) => !r.ok)
      .map(
        (r) =>
          `${r.list}[${r.index}]${r.note ? ` «${r.note}»` : ""}: expected ${r.expected}, got ${r.finding.status} — ${r.finding.message}`,
      );
    expect(wrong).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { meanScore, siteScore, weightsFromRules } from "../../src/findings/score.ts";
import { AUTHORITY_RULES, finding } from "../report/fixtures.ts";

describe("siteScore", () => {
  const w = { a: 3, b: 2, c: 1 };

  it("weights pass 1, warn 0.5, fail 0", () => {
    const findings = [finding("a", "pass"), finding("b", "warn"), finding("c", "fail")];
    // (3 + 1) / 6
    expect(siteScore(findings, w)).toBe(67);
  });

  it("excludes unknown and n/a from the denominator: they never lower the score", () => {
    const decided = [finding("a", "pass"), finding("c", "fail")];
    const withUnknown = [...decided, finding("b", "unknown")];
    const withNa = [...decided, finding("b", "n/a")];
    expect(siteScore(decided, w)).toBe(75);
    expect(siteScore(withUnknown, w)).toBe(75);
    expect(siteScore(withNa, w)).toBe(75);
    expect(siteScore([finding("a", "pass"), finding("b", "unknown")], w)).toBe(100);
  });

  it("is null when nothing was decided", () => {
    expect(siteScore([finding("a", "unknown"), finding("b", "n/a")], w)).toBeNull();
    expect(siteScore([], w)).toBeNull();
  });

  it("gives rules without a weight the default weight 1 and skips zero weights", () => {
    expect(siteScore([finding("x", "pass"), finding("c", "fail")], w)).toBe(50);
    expect(siteScore([finding("a", "pass"), finding("z", "fail")], { a: 1, z: 0 })).toBe(100);
  });
});

describe("weightsFromRules", () => {
  it("derives weights from severity (critical 3, major 2, minor 1)", () => {
    const weights = weightsFromRules(AUTHORITY_RULES);
    expect(weights["authority/nok-section"]).toBe(3);
    expect(weights["authority/legal-acts"]).toBe(2);
    expect(weights["authority/operator"]).toBe(1);
    expect(Object.keys(weights)).toHaveLength(13);
  });
});

describe("meanScore", () => {
  it("averages non-null scores", () => {
    expect(meanScore([50, null, 100])).toBe(75);
    expect(meanScore([null])).toBeNull();
  });
});

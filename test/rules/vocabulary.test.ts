import { describe, expect, it } from "vitest";
import { parseRuleText } from "../../src/rules/load.ts";
import { expandVocabulary, vocabulary } from "../../src/rules/vocabulary.ts";

describe("shared vocabularies (rules/vocabulary/)", () => {
  it("a rule's «vocabulary:file/list» stands for the list, alone or inside a list", () => {
    const councils = vocabulary("other-bodies", "councils");
    expect(councils).toContain("транспорт*");
    const out = expandVocabulary({
      a: "vocabulary:other-bodies/councils",
      b: ["свой", "vocabulary:other-bodies/councils"],
      c: "обычная строка",
    }) as Record<string, unknown>;
    expect(out.a).toEqual(councils);
    expect(out.b).toEqual(["свой", ...councils]);
    expect(out.c).toBe("обычная строка");
  });

  it("an unknown list or file is an error naming the vocabulary file", () => {
    expect(() => vocabulary("nok", "нет-такого")).toThrow(/rules\/vocabulary\/nok\.yaml: нет списка/);
    expect(() => vocabulary("no-such-file", "x")).toThrow(/rules\/vocabulary\/no-such-file\.yaml/);
  });

  it("a rule file referring to a missing vocabulary gets an error, not a crash", () => {
    const r = parseRuleText(
      "rules/authority/x.yaml",
      "id: authority/x\ncheck:\n  type: document\n  phrases: vocabulary:no-such-file/list\n",
    );
    expect(r.rule).toBeNull();
    expect(r.errors[0]!.message).toMatch(/rules\/vocabulary\/no-such-file\.yaml/);
  });
});

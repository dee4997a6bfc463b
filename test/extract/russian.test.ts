import { describe, expect, it } from "vitest";
import {
  compilePhrase,
  excerptAround,
  findAllPhrase,
  findPhrase,
  indexText,
  normalizeText,
} from "../../src/extract/russian/index.ts";

describe("russian normalisation", () => {
  it("unifies case, ё, quotes, dashes and spaces", () => {
    expect(normalizeText("  «Ёлка»\u00a0— Организация‑оператор ")).toBe('"елка" - организация-оператор');
  });
});

describe("phrase matching", () => {
  const find = (text: string, phrase: string, gap?: number) =>
    findPhrase(indexText(text), compilePhrase(phrase), gap);

  it("matches across declensions", () => {
    expect(
      find("Результаты независимой оценки качества условий", "независимая оценка качества"),
    ).not.toBeNull();
    expect(
      find("Положение об Общественном совете при министерстве", "положение об общественном совете"),
    ).not.toBeNull();
  });

  it("tolerates a few words in between, not many", () => {
    const text = "Протокол № 3 заседания общественного совета";
    expect(find(text, "протокол заседания", 2)).not.toBeNull();
    expect(find(text, "протокол заседания", 0)).toBeNull();
  });

  it("keeps order", () => {
    expect(find("совет общественный", "общественный совет")).toBeNull();
  });

  it("returns offsets into the original text for excerpts", () => {
    const text = "Новости. Независимой ОЦЕНКИ качества условий оказания услуг посвящено заседание.";
    const m = find(text, "независимая оценка качества");
    expect(m).not.toBeNull();
    expect(text.slice(m!.start, m!.end)).toBe("Независимой ОЦЕНКИ качества");
    expect(excerptAround(text, m!.start, m!.end, 10)).toContain("Независимой ОЦЕНКИ качества");
  });

  it("supports prefix stems and finds all matches", () => {
    const idx = indexText("НОК 2024. НОК 2025. нокаут");
    expect(findAllPhrase(idx, compilePhrase("нок")).length).toBe(2);
    expect(findAllPhrase(idx, { phrase: "нок*", stems: ["нок*"] }).length).toBe(3);
  });
});

import { describe, expect, it } from "vitest";
import { untypedHeadEnd } from "../../src/extract/untyped-head.ts";
import { affirmed, wordsPattern } from "../../src/rules/checks/document-hits.ts";

describe("untypedHeadEnd", () => {
  it("ends a letter's head after its «О …» title, before the body's requests", () => {
    const text = [
      "КОМИТЕТ ПО КУЛЬТУРЕ АДМИНИСТРАЦИИ ГОРОДА",
      "от 16.12.2024 № 02-11/884",
      "Директору МАУ «Центр»",
      "О результатах независимой оценки",
      "качества условий оказания услуг",
      "Направляем результаты. Просим разработать план по устранению недостатков.",
    ].join("\n");
    const end = untypedHeadEnd(text);
    expect(end).not.toBeNull();
    const head = text.slice(0, end!);
    expect(head).toContain("качества условий оказания услуг");
    expect(head).not.toContain("Просим");
  });

  it("says nothing of a text that does not open with requisites and a title", () => {
    expect(untypedHeadEnd("План по устранению недостатков на 2025 год\nНедостатки | Мероприятия")).toBeNull();
  });
});

describe("affirmed", () => {
  const done = wordsPattern(["размещены", "выполнено"]);
  it("ignores a negated word («не размещены»)", () => {
    expect(affirmed("На сайте не размещены сведения о платных услугах", done)).toBe(false);
  });
  it("accepts the word standing on its own", () => {
    expect(affirmed("На сайте не размещены сведения | Сведения размещены 10.02.2025", done)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { documentName, officialDocuments } from "../../src/extract/official-documents.ts";

const ORDER = `Министерство труда и социального развития Энской области
ПРИКАЗ
от 14 февраля 2019 года № 211
Об утверждении Положения об Общественном совете по проведению независимой оценки качества
условий оказания услуг организациями социального обслуживания
В соответствии со статьёй 23.1 Федерального закона от 28 декабря 2013 года № 442-ФЗ приказываю:
1. Утвердить Положение об Общественном совете согласно приложению.
Приложение к приказу от 14.02.2019 № 211
ПОЛОЖЕНИЕ
об Общественном совете по проведению независимой оценки качества условий оказания услуг
1. Общественный совет является постоянно действующим органом.`;

describe("official documents in a text", () => {
  it("reads an order published as its text: type, date, number, title, what it approves", () => {
    const [order, appendix] = officialDocuments(ORDER);
    expect(order).toMatchObject({ type: "приказ", date: "2019-02-14", number: "211", appendix: false });
    expect(order!.title).toBe(
      "Об утверждении Положения об Общественном совете по проведению независимой оценки качества условий оказания услуг организациями социального обслуживания",
    );
    expect(order!.approves[0]).toMatchObject({ type: "положение" });
    expect(appendix).toMatchObject({ type: "положение", appendix: true });
    expect(appendix!.title).toMatch(/^об Общественном совете по проведению/);
  });

  it("reads minutes with their own date, not a cited act's", () => {
    const [m] = officialDocuments(
      "Протокол № 2 заседания Общественного совета по независимой оценке качества от 14.03.2025",
    );
    expect(m).toMatchObject({ type: "протокол", number: "2", date: "2025-03-14" });
    expect(documentName(m!)).toBe(
      "Протокол от 14.03.2025 № 2 заседания Общественного совета по независимой оценке качества",
    );
  });

  it("reads an inline row and an amending act", () => {
    const docs = officialDocuments(
      "Приказ от 12.03.2024 № 145 Об утверждении перечня организаций, в отношении которых проводится независимая оценка качества в 2024 году\nПОСТАНОВЛЕНИЕ\nПРАВИТЕЛЬСТВА ЭНСКОЙ ОБЛАСТИ\nот «5» июня 2020 г. № 301-п\nО внесении изменений в Положение об общественном совете",
    );
    expect(docs[0]).toMatchObject({ type: "приказ", date: "2024-03-12", number: "145" });
    expect(docs[0]!.approves[0]!.type).toBe("перечень");
    expect(docs[1]).toMatchObject({
      type: "постановление",
      date: "2020-06-05",
      number: "301-п",
      amends: true,
    });
    expect(docs[1]!.approves[0]!.type).toBe("положение");
  });

  it("takes no prose paragraph for a document head", () => {
    const prose = `Результаты независимой оценки качества размещены на официальном сайте ${"и описаны подробно ".repeat(20)}`;
    expect(officialDocuments(prose)).toEqual([]);
  });

  it("skips lines the caller says are link rows", () => {
    const text = "Приказ от 12.03.2024 № 145 Об утверждении перечня организаций Скачать (PDF, 245 Кб)";
    expect(officialDocuments(text, (line) => line.includes("Скачать"))).toEqual([]);
  });

  it("stays linear on long hostile lines", () => {
    const hostile = `ПРИКАЗ\n${"от 1".repeat(50_000)}\n${"№ ".repeat(100_000)}\n${"О ".repeat(100_000)}`;
    const docs = officialDocuments(hostile);
    expect(docs.length).toBeLessThanOrEqual(60);
  });
});

describe("appendix heads on the appendix's own line", () => {
  it("reads «Приложение. Перечень организаций …» as a list appended to the order", () => {
    const docs = officialDocuments(
      "Приказ от 03.02.2026 № 58\nО проведении независимой оценки качества в 2026 году\nПриложение. Перечень организаций, в отношении которых проводится независимая оценка",
    );
    expect(docs.map((d) => [d.type, d.appendix])).toEqual([
      ["приказ", false],
      ["перечень", true],
    ]);
  });
});

describe("the issuer above a document's type", () => {
  it("joins a body's name wrapped over several lines (as a PDF wraps it) into the document's name", () => {
    const [d] = officialDocuments(
      "ОБЩЕСТВЕННЫЙ СОВЕТ\nпо независимой оценке качества условий оказания услуг\nорганизациями социального обслуживания при\nМинистерстве социальной политики\nРЕШЕНИЕ\nот 15 сентября 2025 г. № 3\nОб утверждении результатов независимой оценки качества",
    );
    expect(d).toMatchObject({ type: "решение", date: "2025-09-15", number: "3" });
    expect(d!.issuer).toMatch(
      /^ОБЩЕСТВЕННЫЙ СОВЕТ по независимой оценке .* Министерстве социальной политики$/,
    );
    expect(documentName(d!)).toMatch(/^Решение ОБЩЕСТВЕННЫЙ СОВЕТ/);
  });
});

describe("heads inside lines a PDF wrapped by width", () => {
  it("finds «ПРИКАЗ» mid-line, with a date written without «от»", () => {
    const [d] = officialDocuments(
      "УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ОЛЬХОВСКОГО ОКРУГА ПРИКАЗ\n12.02.2026 № 41-од\nОб утверждении перечня организаций",
    );
    expect(d).toMatchObject({ type: "приказ", date: "2026-02-12", number: "41-од" });
    expect(d!.issuer).toBe("УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ОЛЬХОВСКОГО ОКРУГА");
    expect(d!.approves[0]!.type).toBe("перечень");
  });
});

describe("what a head is not", () => {
  it("ends the title where a joined line runs into the preamble", () => {
    const [d] = officialDocuments(
      "ПРИКАЗ 12.02.2026 № 41-од Об утверждении перечня организаций В соответствии со статьей 95.2 Федерального закона приказываю: 1. Утвердить перечень.",
    );
    expect(d!.title).toBe("Об утверждении перечня организаций");
  });

  it("marks a draft by its blank requisites or «ПРОЕКТ» above the head", () => {
    const [blank] = officialDocuments("ПРИКАЗ от «__» ________ 2025 г. № ___\nОб утверждении Положения");
    expect(blank!.draft).toBe(true);
    const [marked] = officialDocuments(
      "ПРОЕКТ\nМинистерство здравоохранения\nПРИКАЗ\nот 01.02.2025 № 5\nОб утверждении Положения",
    );
    expect(marked!.draft).toBe(true);
    const [real] = officialDocuments("ПРИКАЗ\nот 01.02.2025 № 5\nОб утверждении Положения");
    expect(real!.draft).toBeUndefined();
  });

  it("reads a law's head that opens with its level", () => {
    const [d] = officialDocuments("Федеральный закон от 05.12.2017 № 392-ФЗ\n«О внесении изменений …»");
    expect(d).toMatchObject({ type: "закон", date: "2017-12-05", number: "392-ФЗ" });
  });
});

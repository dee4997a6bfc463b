import { describe, expect, it } from "vitest";
import { formatShare, safeHref, truncate } from "../../src/report/format.ts";
import { findingTitle, ruleTitle, STATUS_STYLES } from "../../src/report/labels.ts";
import { formatDuration, plural } from "../../src/util/ru.ts";
import { checkRun, finding } from "./fixtures.ts";

describe("labels", () => {
  it("looks rule titles up in run.rules and falls back to the id", () => {
    const run = checkRun();
    expect(ruleTitle(run, "authority/nok-section")).toBe("Раздел о независимой оценке качества размещён");
    expect(ruleTitle(run, "authority/unknown-rule")).toBe("authority/unknown-rule");
    expect(ruleTitle({ ...run, rules: undefined }, "authority/nok-section")).toBe("authority/nok-section");
    expect(findingTitle(run, finding("authority/nok-section", "fail"))).toBe(
      "Нет раздела о независимой оценке качества",
    );
    expect(findingTitle(run, finding("authority/nok-section", "fail", { title: "Свой заголовок" }))).toBe(
      "Свой заголовок",
    );
  });

  it("has a Russian label, a symbol and colours for every status", () => {
    for (const style of Object.values(STATUS_STYLES)) {
      expect(style.label).toMatch(/[а-я]/);
      expect(style.argb).toMatch(/^FF[0-9A-F]{6}$/);
    }
  });
});

describe("format", () => {
  it("formats Russian plurals, durations, shares", () => {
    expect([1, 2, 5, 11, 21, 22, 112].map((n) => plural(n, ["субъект", "субъекта", "субъектов"]))).toEqual([
      "субъект",
      "субъекта",
      "субъектов",
      "субъектов",
      "субъект",
      "субъекта",
      "субъектов",
    ]);
    expect(formatDuration(850)).toBe("850 мс");
    expect(formatDuration(3_725_000)).toBe("1 ч 2 мин");
    expect(formatShare(0.5)).toBe("50 %");
    expect(formatShare(null)).toBe("—");
  });

  it("accepts only http(s) hrefs and truncates at word boundaries", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,x")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
    expect(safeHref(" https://e.ru/a b ")).toBe("https://e.ru/a%20b");
    expect(truncate("один два три четыре", 12)).toBe("один два…");
  });
});

import { describe, expect, it } from "vitest";
import { nokContext, nokMentions } from "../../src/rules/nok.ts";
import { indexOf } from "../../src/rules/text.ts";

const mentions = (t: string) => nokMentions(indexOf(t)).length;

describe("what counts as NOK", () => {
  it.each([
    ["независимая оценка качества условий оказания услуг", 1],
    ["Независимой оценки качества оказания услуг организациями культуры", 1],
    ["независимая система оценки качества работы организаций", 1],
    ["НОК 2025", 1],
    ["Результаты НОКУ", 1],
    ["НОК УООД", 1],
    ["независимая оценка качества образования", 0],
    ["независимой оценки качества подготовки обучающихся", 0],
    ["Независимая оценка квалификации. НОК проводится центрами оценки квалификаций", 0],
    ["НОКО 2025", 0],
    ["нокаут", 0],
    ["Национальный олимпийский комитет (НОК)", 0],
  ])("%s → %i", (text, n) => {
    expect(mentions(text)).toBe(n);
  });

  it("in education a plain wording needs the conditions qualifier somewhere in the set", () => {
    expect(nokContext([indexOf("Независимая оценка качества")], "education")).toBeNull();
    expect(
      nokContext(
        [
          indexOf("Независимая оценка качества"),
          indexOf("условий осуществления образовательной деятельности"),
        ],
        "education",
      ),
    ).not.toBeNull();
    expect(nokContext([indexOf("НОК УООД 2025")], "education")).not.toBeNull();
    expect(nokContext([indexOf("Независимая оценка качества")], "social")).not.toBeNull();
  });
});

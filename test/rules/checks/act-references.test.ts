import { describe, expect, it } from "vitest";
import { loadRules } from "../../../src/rules/index.ts";
import { html, runCheck } from "../helpers.ts";

const check = loadRules().rules.find((r) => r.id === "authority/legal-acts")!.check;
const nok = (body: string) =>
  html("Независимая оценка качества", `<h1>Независимая оценка качества</h1>${body}`);

describe("act-references check", () => {
  it.each([
    ["392-ФЗ with its date", nok("<p>Федеральный закон от 05.12.2017 № 392-ФЗ</p>"), "pass"],
    ["344н written with a dash", nok("<p>Приказ Минтруда России от 31.05.2018 № 344-н</p>"), "pass"],
    [
      "the article of the sector law",
      nok("<p>в соответствии со статьей 95.2 Федерального закона № 273-ФЗ</p>"),
      "pass",
    ],
    [
      "only 2013–2014 acts",
      nok(
        "<p>Постановление Правительства РФ от 30.03.2013 № 286</p><p>Федеральный закон от 21.07.2014 № 256-ФЗ</p>",
      ),
      "warn",
    ],
    [
      "current and old together",
      nok("<p>Федеральный закон от 21.07.2014 № 256-ФЗ; Федеральный закон от 05.12.2017 № 392-ФЗ</p>"),
      "pass",
    ],
    ["a legal-acts block without references", nok('<a href="/npa/">Нормативно-правовая база</a>'), "pass"],
    [
      "acts outside NOK context",
      html("Документы", "<h1>Документы</h1><p>Федеральный закон от 29.12.2006 № 256-ФЗ</p>"),
      "fail",
    ],
    ["no acts", nok("<p>Раздел о независимой оценке.</p>"), "fail"],
    [
      "a block of drafts is not the published basis",
      html(
        "Проекты нормативных правовых актов",
        "<h1>Проекты нормативных правовых актов</h1><p>Проект приказа «Об утверждении Положения об общественном совете по проведению независимой оценки качества условий оказания услуг»</p>",
      ),
      "fail",
    ],
    [
      "a regional order organising NOK is itself the basis",
      html(
        "Министерство здравоохранения",
        "<h1>Министерство здравоохранения</h1><p>ПРИКАЗ</p><p>от 22.03.2019 № 301</p><p>Об организации проведения независимой оценки качества условий оказания услуг медицинскими организациями</p><p>1. Утвердить порядок.</p>",
      ),
      "pass",
    ],
    [
      "a year's order on the round of the assessment is its work, not its basis",
      html(
        "Министерство здравоохранения",
        "<h1>Министерство здравоохранения</h1><p>ПРИКАЗ</p><p>от 27.02.2026 № 254</p><p>О проведении независимой оценки качества условий оказания услуг медицинскими организациями в 2026 году</p><p>В соответствии со статьей 79.1 Федерального закона приказываю: 1. Утвердить перечень.</p>",
      ),
      "fail",
    ],
  ])("%s → %s", async (_n, page, status) => {
    expect((await runCheck(check, page)).status).toBe(status);
  });
});

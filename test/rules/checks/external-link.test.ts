import { describe, expect, it } from "vitest";
import { loadRules } from "../../../src/rules/index.ts";
import { html, runCheck } from "../helpers.ts";

const rating = loadRules().rules.find((r) => r.id === "authority/rating-link")!.check;
const operator = {
  type: "external-link",
  what: "закупка",
  targets: [{ name: "zakupki.gov.ru", hosts: ["zakupki.gov.ru"], requireContext: "nok" }],
};

describe("external-link check", () => {
  it.each([
    ["bus.gov.ru rating page", '<a href="https://bus.gov.ru/qrcode/rate/262082">Оценить</a>', "pass"],
    [
      "bus.gov.ru independentRating",
      '<a href="https://bus.gov.ru/pub/independentRating/list">bus.gov.ru</a>',
      "pass",
    ],
    [
      "bus.gov.ru with words about rating",
      '<a href="https://bus.gov.ru/">Оставить отзыв о качестве услуг на bus.gov.ru</a>',
      "pass",
    ],
    [
      "a bare bus.gov.ru banner",
      '<a href="https://bus.gov.ru/"><img alt="bus.gov.ru" src="b.png"></a>',
      "warn",
    ],
    [
      "anketa.rosminzdrav.ru",
      '<a href="https://anketa.rosminzdrav.ru/staticmojustank/123">Анкета</a>',
      "pass",
    ],
    [
      "a Госуслуги questionnaire about NOK",
      '<p>Независимая оценка качества условий оказания услуг.</p><a href="https://www.gosuslugi.ru/survey/123">Оцените качество услуг</a>',
      "pass",
    ],
    [
      // Госуслуги polls are about anything: one on the roads is no way to rate institutions.
      "a Госуслуги poll on something else",
      '<p>Опрос о ремонте дорог.</p><a href="https://pos.gosuslugi.ru/lkp/polls/1/">Пройти опрос</a>',
      "fail",
    ],
    ["a Госуслуги banner", '<a href="https://www.gosuslugi.ru/">Госуслуги</a>', "fail"],
    [
      "a regional survey portal",
      '<a href="https://opros.region.ru/">Пройти опрос получателей услуг</a>',
      "pass",
    ],
    ["«оцените работу сайта»", '<a href="/poll/">Оцените качество работы сайта</a>', "fail"],
  ])("%s → %s", async (_n, link, status) => {
    expect((await runCheck(rating, html("Министерство", link))).status).toBe(status);
  });

  it("a Госвеб site's own links under gosuslugi.ru are not a survey", async () => {
    const pages = [
      {
        url: "https://minzdrav.gosweb.gosuslugi.ru/",
        html: html("Министерство", '<a href="/nok/">Независимая оценка качества: анкета</a>'),
      },
    ];
    expect((await runCheck(rating, pages)).status).toBe("fail");
  });

  it("a link that must be about NOK: on a NOK page, yes; in a footer, no", async () => {
    const onPage = html(
      "НОК",
      '<h1>Независимая оценка качества</h1><a href="https://zakupki.gov.ru/epz/order/1">Закупка</a>',
    );
    expect((await runCheck(operator, onPage)).status).toBe("pass");
    const inFooter = html(
      "НОК",
      "<h1>Независимая оценка качества</h1>",
      '<footer><a href="https://zakupki.gov.ru/">ЕИС</a></footer>',
    );
    expect((await runCheck(operator, inFooter)).status).toBe("fail");
  });
});

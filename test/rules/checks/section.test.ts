import { describe, expect, it } from "vitest";
import { loadRules } from "../../../src/rules/index.ts";
import { html, runCheck } from "../helpers.ts";

const rule = loadRules().rules.find((r) => r.id === "authority/nok-section")!;
const check = rule.check;
const H = "https://min.example.ru";

function site(menuText: string, href: string, title: string, main: string) {
  return [
    {
      url: `${H}/`,
      html: html("Министерство", "<h1>Главная</h1>", `<nav><a href="${href}">${menuText}</a></nav>`),
    },
    { url: `${H}${href}`, html: html(title, main) },
  ];
}

describe("section check", () => {
  it.each([
    [
      "named in the menu, content confirms (Bitrix)",
      site(
        "Независимая оценка качества",
        "/activity/nok/",
        "НОК",
        '<h1>Независимая оценка качества условий оказания услуг</h1><a href="p.pdf">Положение об общественном совете</a>',
      ),
      "social",
      "pass",
    ],
    [
      "abbreviation НОКУ in the menu",
      site(
        "НОКУ",
        "/nocu/",
        "НОКУ",
        '<h1>НОКУ</h1><p>Независимая оценка качества условий оказания услуг.</p><a href="r.xlsx">Результаты 2025</a>',
      ),
      "culture",
      "pass",
    ],
    [
      "education: НОК УООД under a НОКО parent URL (Госвеб school template)",
      site(
        "Независимая оценка качества условий осуществления образовательной деятельности",
        "/nezavisimaya-otsenka-kachestva-obrazovaniya/nezavisimaya-otsenka-kachestva-usloviy-obrazovatelnoy/",
        "НОК УООД",
        '<h1>Независимая оценка качества условий осуществления образовательной деятельности</h1><a href="r.pdf">Результаты НОК УООД 2025</a>',
      ),
      "education",
      "pass",
    ],
    [
      "education: a page on НОКО is not NOK",
      site(
        "Независимая оценка качества образования",
        "/noko/",
        "НОКО",
        "<h1>Независимая оценка качества образования</h1><p>Результаты ВПР и мониторинги.</p>",
      ),
      "education",
      "fail",
    ],
    [
      "education: plain «независимая оценка качества» about exams is not NOK of conditions",
      site(
        "Независимая оценка качества",
        "/nok/",
        "НОК",
        "<h1>Независимая оценка качества</h1><p>Результаты ЕГЭ, рейтинг школ, мониторинг качества подготовки.</p>",
      ),
      "education",
      "fail",
    ],
    [
      "«независимая оценка квалификации» abbreviated НОК",
      site(
        "НОК",
        "/nok/",
        "НОК",
        "<h1>Независимая оценка квалификации</h1><p>НОК проводят центры оценки квалификаций. Перечень ЦОК, протоколы экзаменов.</p>",
      ),
      "social",
      "fail",
    ],
    [
      "a URL fragment alone with unrelated content",
      site("Нокаут-турнир", "/nok/", "Турнир", "<h1>Турнир</h1><p>Соревнования по боксу.</p>"),
      "social",
      "fail",
    ],
    [
      "a news item mentioning NOK",
      site(
        "Подведены итоги НОК",
        "/news/2025/nok/",
        "Подведены итоги НОК",
        "<h1>Подведены итоги НОК</h1><p>12.11.2025. Результаты независимой оценки качества утверждены.</p>",
      ),
      "social",
      "fail",
    ],
    [
      "an empty section is a warn",
      site(
        "Независимая оценка качества",
        "/nok/",
        "НОК",
        "<h1>Независимая оценка качества</h1><p>Раздел в стадии наполнения.</p>",
      ),
      "social",
      "warn",
    ],
    [
      "NOK material only under the council page is a warn (no dedicated section)",
      site(
        "Общественный совет",
        "/sovet/",
        "Общественный совет",
        '<h1>Общественный совет</h1><p>Совет проводит независимую оценку качества условий оказания услуг.</p><a href="p.pdf">Протокол заседания</a><a href="r.pdf">Результаты независимой оценки за 2025 год</a>',
      ),
      "social",
      "warn",
    ],
    [
      "the council page with only its own papers (minutes, composition) is not a NOK section",
      site(
        "Общественный совет",
        "/sovet/",
        "Общественный совет",
        '<h1>Общественный совет</h1><p>Совет проводит независимую оценку качества условий оказания услуг.</p><a href="p.pdf">Протокол заседания</a><a href="s.pdf">Состав совета</a>',
      ),
      "social",
      "fail",
    ],
  ] as const)("%s → %s", async (_n, pages, sphere, status) => {
    expect((await runCheck(check, [...pages], { sphere })).status).toBe(status);
  });

  it("the council's section with the NOK material one level down is a warn (no dedicated section)", async () => {
    const pages = [
      ...site(
        "Общественный совет",
        "/sovet/",
        "Общественный совет",
        '<h1>Общественный совет</h1><p>Совет проводит независимую оценку качества условий оказания услуг.</p><a href="/sovet/sostav/">Состав совета</a> <a href="/sovet/dokumenty/">Документы</a>',
      ),
      {
        url: `${H}/sovet/dokumenty/`,
        html: html(
          "Документы",
          '<h1>Документы</h1><a href="r.pdf">Результаты независимой оценки качества за 2025 год</a>',
        ),
      },
    ];
    expect((await runCheck(check, pages, { sphere: "social" })).status).toBe("warn");
  });

  it("a linked but unread section page is unknown", async () => {
    const pages = [
      { url: `${H}/`, html: html("Министерство", '<a href="/nok/">Независимая оценка качества</a>') },
    ];
    expect((await runCheck(check, pages)).status).toBe("unknown");
  });

  it("a left menu in a plain div does not make every page a NOK page", async () => {
    const menu =
      '<div class="left-menu"><a href="/nok/">Независимая оценка качества</a><a href="/news/">Новости</a></div>';
    const pages = [
      { url: `${H}/`, html: html("Главная", `${menu}<h1>Главная</h1><a href="/a/">Документы</a>`) },
      {
        url: `${H}/a/`,
        html: html("Документы", `${menu}<h1>Документы</h1><a href="p.pdf">Положение о порядке</a>`),
      },
      { url: `${H}/b/`, html: html("Контакты", `${menu}<h1>Контакты</h1><p>Отчет о работе</p>`) },
    ];
    expect((await runCheck(check, pages)).status).toBe("unknown"); // only the unread /nok/ link names a section
  });
});

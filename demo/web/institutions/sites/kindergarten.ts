/**
 * A kindergarten on the Госвеб school template (*.gosweb.gosuslugi.ru paths): the NOK УООД subpage
 * holds results (PDF), the plan (DOCX) and the report; «Версия для слабовидящих» is a link to «#» with
 * no script behind it (it goes nowhere); the only number is a fax; the Госуслуги widget and a FAQ page
 * are there, no survey and no rating link. bus.gov.ru answers in a shape the client does not know.
 */
import { withInnChecksum } from "../../../../src/registry/inn.ts";
import { nokResult } from "../agency-facts.ts";
import { type Measure, planBody, reportBody, resultsBody } from "../documents.ts";
import { a, docxFile, esc, Files, htmlFile, pdfFile } from "../files.ts";
import type { InstitutionSpec } from "../types.ts";

const NAME = 'МБДОУ "Детский сад № 45"';
const BUSGOV_ID = "512306";
const DIRECTOR = "И.С. Павлова";
const NOK = "/nezavisimaya-otsenka-kachestva/";
const NOK_UOOD = `${NOK}nezavisimaya-otsenka-kachestva-usloviy-obrazovatelnoy-deyatelnosti/`;
const NOKO = `${NOK}nezavisimaya-otsenka-kachestva-obrazovaniya/`;

const MEASURES: Measure[] = [
  {
    shortcoming: "На сайте нет раздела «Часто задаваемые вопросы»",
    measure: "Создать раздел «Часто задаваемые вопросы»",
    deadline: "01.04.2024",
    responsible: "Павлова И.С., заведующий",
    done: { what: "Раздел создан", date: "12.03.2024" },
  },
];

const POS_WIDGET = `<div class="gw-pos-widget"><script src="https://pos.gosuslugi.ru/bin/script.min.js"></script>
<div id="js-show-iframe-wrapper"><div class="bf-1__text">Решаем вместе</div>
<div class="bf-1__text_small">Есть предложения по организации работы детского сада или знаете, как его улучшить?</div>
<button class="pos-banner-btn_2" type="button">Написать о проблеме</button></div></div>`;

function page(title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>${esc(title)} — ${esc(NAME)}</title></head>
<body class="gw-body">
<header class="gw-header"><div class="gw-header__title">${esc(NAME)}</div>
<a href="#" class="gw-header__vision">Версия для слабовидящих</a></header>
<nav class="gw-menu"><ul>
<li>${a("/", "Главная")}</li><li>${a("/sveden/", "Сведения об образовательной организации")}</li>
<li>${a(NOK, "Независимая оценка качества")}</li>
<li>${a("/chasto-zadavaemye-voprosy/", "Часто задаваемые вопросы")}</li>
<li>${a("/kontakty/", "Контакты")}</li></ul></nav>
<main class="gw-content">${main}</main>
<footer class="gw-footer">${POS_WIDGET}
<p>${esc(NAME)}, 300045, г. Тула, ул. Кирова, д. 17. Факс: 8 (4872) 31-15-09. Электронная почта: <a href="mailto:ds45@tularegion.org">ds45@tularegion.org</a></p></footer>
</body></html>`;
}

async function build(): Promise<Files["map"]> {
  const f = new Files();
  f.add(
    "/",
    htmlFile(
      page(
        "Главная",
        `<h1>${esc(NAME)}</h1><p>Детский сад посещают 186 воспитанников в 9 группах, в том числе группа компенсирующей направленности для детей с нарушениями речи.</p>`,
      ),
    ),
  );
  f.add(
    "/sveden/",
    htmlFile(
      page(
        "Сведения об образовательной организации",
        `<h1>Сведения об образовательной организации</h1><p>Полное наименование: <span itemprop="fullName">Муниципальное бюджетное дошкольное образовательное учреждение "Детский сад № 45"</span></p>
<p>Адрес электронной почты: <span itemprop="email">ds45@tularegion.org</span></p>`,
      ),
    ),
  );
  f.add(
    NOK,
    htmlFile(
      page(
        "Независимая оценка качества",
        `<h1>Независимая оценка качества</h1><div class="gw-tabs">
${a(NOK_UOOD, "Независимая оценка качества условий осуществления образовательной деятельности")}
${a(NOKO, "Независимая оценка качества образования")}</div>`,
      ),
    ),
  );
  f.add(
    NOK_UOOD,
    htmlFile(
      page(
        "Независимая оценка качества условий осуществления образовательной деятельности",
        `<h1>Независимая оценка качества условий осуществления образовательной деятельности</h1>
<p>Независимая оценка качества условий осуществления образовательной деятельности проводится в соответствии со статьёй 95.2 Федерального закона от 29.12.2012 № 273-ФЗ.</p>
<div class="gw-documents">
<div class="gw-document">${a("/upload/nok/rezultaty-nok-2023.pdf", "Результаты независимой оценки качества условий осуществления образовательной деятельности в 2023 году")}</div>
<div class="gw-document">${a("/upload/nok/plan-2024.docx", "План по устранению недостатков, выявленных в ходе независимой оценки качества условий осуществления образовательной деятельности в 2023 году, на 2024 год")}</div>
<div class="gw-document">${a("/upload/nok/informaciya-2024.pdf", "Информация о выполнении плана по устранению недостатков за 2024 год")}</div></div>`,
      ),
    ),
  );
  f.add(
    NOKO,
    htmlFile(
      page(
        "Независимая оценка качества образования",
        "<h1>Независимая оценка качества образования</h1><p>Мониторинг качества дошкольного образования: результаты размещаются по мере проведения.</p>",
      ),
    ),
  );
  f.add(
    "/chasto-zadavaemye-voprosy/",
    htmlFile(
      page(
        "Часто задаваемые вопросы",
        "<h1>Часто задаваемые вопросы</h1><p><b>Как встать в очередь в детский сад?</b> Заявление подаётся через Госуслуги.</p>",
      ),
    ),
  );
  f.add(
    "/kontakty/",
    htmlFile(
      page(
        "Контакты",
        "<h1>Контакты</h1><p>Адрес: 300045, г. Тула, ул. Кирова, д. 17.</p><p>Факс: 8 (4872) 31-15-09</p>",
      ),
    ),
  );
  f.add(
    "/upload/nok/rezultaty-nok-2023.pdf",
    await pdfFile(resultsBody(NAME, 2023, [91.3, 100, 64, 98.8, 97.5]), "2023-12-12"),
  );
  f.add(
    "/upload/nok/plan-2024.docx",
    await docxFile(
      planBody({
        org: NAME,
        director: DIRECTOR,
        nokYear: 2023,
        period: "на 2024 год",
        approved: "22 января 2024 г.",
        measures: MEASURES,
      }),
    ),
  );
  f.add(
    "/upload/nok/informaciya-2024.pdf",
    await pdfFile(
      reportBody({ org: NAME, director: DIRECTOR, nokYear: 2023, period: "за 2024 год", measures: MEASURES }),
      "2025-01-20",
    ),
  );
  return f.map;
}

export const kindergarten: InstitutionSpec = {
  id: "detsad-45",
  name: NAME,
  region: "71",
  sphere: "education",
  inn: withInnChecksum("710506789"),
  busgovId: BUSGOV_ID,
  needsBrowser: false,
  story:
    "Госвеб kindergarten: NOK УООД subpage with results, plan (DOCX) and report; a fake «Версия для слабовидящих» link to «#»; fax only, e-mail, ПОС widget, FAQ; bus.gov.ru answers an unknown shape.",
  expected: {
    "institution/nok-page": "pass",
    "institution/results": "pass",
    "institution/improvement-plan": "pass",
    "institution/plan-report": "pass",
    "institution/feedback-channels": "warn",
    "institution/rating-link": "fail",
    "institution/accessible-version": "warn",
  },
  expectedChannels: ["email", "form", "faq"],
  expectedBusgov: {
    "busgov/card": "pass",
    "busgov/results": "unknown",
    "busgov/improvement-plan": "unknown",
    "busgov/plan-report": "unknown",
  },
  notes: {
    "institution/nok-page": "the Госвеб NOK УООД subpage; the НОКО tab beside it does not count",
    "institution/results": "results PDF for 2023 (= 2026 − 3, still within three years)",
    "institution/improvement-plan": "DOCX plan «… в 2023 году, на 2024 год»",
    "institution/plan-report": "«Информация о выполнении плана … за 2024 год»",
    "institution/feedback-channels":
      "e-mail, the ПОС widget «Решаем вместе» and the FAQ page: 90 points; the fax number is not a telephone; no survey",
    "institution/rating-link": "no bus.gov.ru or survey link at all",
    "institution/accessible-version":
      "«Версия для слабовидящих» links to «#» and no special-version script exists: not confirmed",
    "busgov/card": "the card answers normally",
    "busgov/results": "ratings answer a JSON shape the client does not know",
    "busgov/improvement-plan": "plans answer a JSON shape the client does not know",
    "busgov/plan-report": "plans answer a JSON shape the client does not know",
  },
  agency: {
    results: [nokResult(2023, [91.3, 100, 64, 98.8, 97.5])],
    plans: [{ year: 2023, reportPlaced: true }],
    quirk: "unexpected-shape",
  },
  build,
};

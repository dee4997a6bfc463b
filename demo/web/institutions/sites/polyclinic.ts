/**
 * A city polyclinic: the bvi widget for the visually impaired, the Госуслуги feedback widget («Решаем
 * вместе», script-only, no link), the Минздрав survey portal (anketa.rosminzdrav.ru), contacts as plain
 * text with a fax number, NOK results and the plan as HTML pages — and no report on the plan.
 */
import { withInnChecksum } from "../../../../src/registry/inn.ts";
import { nokResult } from "../agency-facts.ts";
import { a, cssFile, docxFile, esc, Files, htmlFile, plainPdf, scriptFile } from "../files.ts";
import type { InstitutionSpec } from "../types.ts";
import { BVI_CSS, BVI_JS } from "./bvi-script.ts";

const NAME = 'ГУЗ "Городская поликлиника № 3 г. Тулы"';
const BUSGOV_ID = "512302";
const SCORES: [number, number, number, number, number] = [94.1, 86.5, 68, 97.3, 91.2];

/** The Госуслуги «Платформа обратной связи» banner as sites paste it: a script, a button, no link. */
const POS_WIDGET = `<script src="https://pos.gosuslugi.ru/bin/script.min.js"></script>
<div id="js-show-iframe-wrapper"><div class="pos-banner-fluid bf-2"><div class="bf-2__decor"></div>
<div class="bf-2__content"><div class="bf-2__description"><span class="bf-2__text">Решаем вместе</span>
<span class="bf-2__text bf-2__text_small">Не убран снег, яма на дороге, не горит фонарь? Столкнулись с проблемой — сообщите о ней!</span></div>
<div class="bf-2__btn-wrap"><button class="pos-banner-btn_2" type="button">Сообщить о проблеме</button></div></div></div></div>
<script>(function () { "use strict"; if (window.Widget) new window.Widget("https://pos.gosuslugi.ru/form", 286614); })();</script>`;

function page(title: string, main: string, extra = ""): string {
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>${esc(title)} | ${esc(NAME)}</title>
<link rel="stylesheet" href="/bvi/css/bvi.min.css"><script src="/bvi/js/bvi.min.js"></script></head>
<body>
<div class="top-bar"><a href="#" class="bvi-open" title="Версия сайта для слабовидящих"><i class="bvi-eye"></i> Версия для слабовидящих</a>
<span class="callcenter">Единый номер записи: 122</span></div>
<header><a href="/" class="logo">${esc(NAME)}</a></header>
<nav class="menu"><ul>
<li>${a("/o-poliklinike/", "О поликлинике")}</li>
<li>${a("/pacientam/", "Пациентам")}</li>
<li>${a("/pacientam/nok/", "Независимая оценка качества")}</li>
<li>${a("/dokumenty/", "Документы")}</li>
<li>${a("/vakansii/", "Вакансии")}</li>
<li>${a("/kontakty/", "Контакты")}</li></ul></nav>
<main>${main}</main>
${extra}
<footer><p>${esc(NAME)}. 300012, г. Тула, ул. Михеева, д. 9.</p>
<p>Регистратура: 8 (4872) 33-12-10. Факс: 8 (4872) 33-12-19. Электронная почта: gp3@tularegion.ru</p></footer>
<script>new isvek.Bvi({ fontSize: 150 });</script>
</body></html>`;
}

const criteriaRows = [
  "Открытость и доступность информации об организации",
  "Комфортность условий предоставления услуг",
  "Доступность услуг для инвалидов",
  "Доброжелательность, вежливость работников организации",
  "Удовлетворённость условиями оказания услуг",
]
  .map((n, i) => `<tr><td>${esc(n)}</td><td>${SCORES[i]!.toFixed(1).replace(".", ",")}</td></tr>`)
  .join("\n");

async function build(): Promise<Files["map"]> {
  const f = new Files();
  f.add("/bvi/js/bvi.min.js", scriptFile(BVI_JS));
  f.add("/bvi/css/bvi.min.css", cssFile(BVI_CSS));
  f.add(
    "/",
    htmlFile(
      page(
        "Главная",
        `<h1>${esc(NAME)}</h1>
<p>Поликлиника оказывает первичную медико-санитарную помощь взрослому населению Пролетарского района г. Тулы: приём терапевтов и узких специалистов, диспансеризация, вакцинация, дневной стационар.</p>
<p>Запись на приём — через Госуслуги, инфомат в холле или по телефону регистратуры.</p>`,
        POS_WIDGET,
      ),
    ),
  );
  f.add(
    "/o-poliklinike/",
    htmlFile(
      page(
        "О поликлинике",
        "<h1>О поликлинике</h1><p>Поликлиника основана в 1958 году. Прикреплено 48 тысяч жителей.</p>",
      ),
    ),
  );
  f.add(
    "/pacientam/",
    htmlFile(
      page(
        "Пациентам",
        `<h1>Пациентам</h1><ul><li>${a("/pacientam/zapis/", "Правила записи на приём")}</li>
<li>${a("/pacientam/nok/", "Независимая оценка качества условий оказания услуг")}</li></ul>`,
      ),
    ),
  );
  f.add(
    "/pacientam/zapis/",
    htmlFile(
      page(
        "Правила записи на приём",
        "<h1>Правила записи на приём</h1><p>Запись ведётся через Единый портал государственных услуг и по номеру 122.</p>",
      ),
    ),
  );
  f.add(
    "/pacientam/nok/",
    htmlFile(
      page(
        "Независимая оценка качества",
        `<h1>Независимая оценка качества условий оказания услуг медицинскими организациями</h1>
<p>Независимая оценка качества проводится в соответствии со статьёй 79.1 Федерального закона от 21.11.2011 № 323-ФЗ «Об основах охраны здоровья граждан в Российской Федерации».</p>
<h2>Результаты независимой оценки качества условий оказания услуг в 2024 году</h2>
<table class="results"><tr><th>Критерий</th><th>Баллы</th></tr>
${criteriaRows}
<tr><td><b>Итоговый балл</b></td><td><b>87,4</b></td></tr></table>
<h2>Устранение недостатков</h2>
<p>${a("/pacientam/nok/plan-2024/", "План по устранению недостатков, выявленных в ходе независимой оценки качества в 2024 году")}</p>
<h2>Ваше мнение</h2>
<p>${a("https://anketa.rosminzdrav.ru/staticogvjustank/71/1", "Анкета для оценки качества условий оказания услуг в амбулаторных условиях")}</p>`,
      ),
    ),
  );
  f.add(
    "/pacientam/nok/plan-2024/",
    htmlFile(
      page(
        "План по устранению недостатков",
        `<h1>План по устранению недостатков, выявленных в ходе независимой оценки качества условий оказания услуг в 2024 году</h1>
<p>УТВЕРЖДАЮ: главный врач А.В. Лебедев, 14.02.2025</p>
<table class="plan"><tr><th>№</th><th>Недостаток</th><th>Мероприятие</th><th>Срок</th><th>Ответственный</th><th>Сведения о ходе реализации мероприятия</th></tr>
<tr><td>1</td><td>Нет раздела «Часто задаваемые вопросы»</td><td>Создать раздел на официальном сайте</td><td>30.06.2025</td><td>Захарова Е.Н., заместитель главного врача</td><td></td></tr>
<tr><td>2</td><td>Нет выделенной стоянки для автотранспорта инвалидов</td><td>Оборудовать стоянку</td><td>31.12.2025</td><td>Лебедев А.В., главный врач</td><td></td></tr></table>`,
      ),
    ),
  );
  f.add(
    "/dokumenty/",
    htmlFile(
      page(
        "Документы",
        `<h1>Документы</h1><ul>
<li>${a("/upload/docs/licenziya.pdf", "Лицензия на осуществление медицинской деятельности")}</li>
<li>${a("/upload/docs/otchet-pfhd-2025.pdf", "Отчёт о выполнении плана финансово-хозяйственной деятельности за 2025 год")}</li></ul>`,
      ),
    ),
  );
  f.add(
    "/vakansii/",
    htmlFile(
      page(
        "Вакансии",
        `<h1>Вакансии</h1><p>Врач-терапевт участковый, медицинская сестра.</p><p>${a("/upload/docs/anketa-soiskatelya.docx", "Анкета соискателя")}</p>`,
      ),
    ),
  );
  f.add(
    "/kontakty/",
    htmlFile(
      page(
        "Контакты",
        `<h1>Контакты</h1><p>Адрес: 300012, г. Тула, ул. Михеева, д. 9.</p>
<p>Регистратура: 8 (4872) 33-12-10. Приёмная главного врача: 8 (4872) 33-12-11. Факс: 8 (4872) 33-12-19.</p>
<p>Электронная почта: gp3@tularegion.ru</p>`,
      ),
    ),
  );
  f.add(
    "/upload/docs/licenziya.pdf",
    await plainPdf(
      "Выписка из реестра лицензий",
      ["Медицинская деятельность: терапия, неврология, офтальмология."],
      "2019-05-14",
    ),
  );
  f.add(
    "/upload/docs/otchet-pfhd-2025.pdf",
    await plainPdf(
      "Отчёт о выполнении плана финансово-хозяйственной деятельности за 2025 год",
      ["Поступления от оказания услуг ОМС: 212,4 млн руб."],
      "2026-02-02",
    ),
  );
  f.add(
    "/upload/docs/anketa-soiskatelya.docx",
    await docxFile({
      title: "Анкета соискателя",
      blocks: [{ t: "p", text: "Фамилия, имя, отчество. Образование. Опыт работы." }],
    }),
  );
  return f.map;
}

export const polyclinic: InstitutionSpec = {
  id: "polyclinic-3",
  name: NAME,
  region: "71",
  sphere: "health",
  inn: withInnChecksum("710702345"),
  busgovId: BUSGOV_ID,
  needsBrowser: false,
  story:
    "Polyclinic with the bvi widget, the Госуслуги ПОС widget, anketa.rosminzdrav.ru, a fax number, results and plan as HTML and no plan report.",
  expected: {
    "institution/nok-page": "pass",
    "institution/results": "pass",
    "institution/improvement-plan": "pass",
    "institution/plan-report": "fail",
    "institution/feedback-channels": "pass",
    "institution/rating-link": "pass",
    "institution/accessible-version": "pass",
  },
  expectedChannels: ["phone", "email", "form", "survey"],
  expectedBusgov: {
    "busgov/card": "pass",
    "busgov/results": "pass",
    "busgov/improvement-plan": "pass",
    "busgov/plan-report": "fail",
  },
  notes: {
    "institution/nok-page": "/pacientam/nok/ with results, the plan and the survey link",
    "institution/results": "the 2024 results table under its heading on /pacientam/nok/",
    "institution/improvement-plan": "HTML plan page for the 2024 NOK",
    "institution/plan-report":
      "no report; the plan's empty «Сведения о ходе реализации» column and the ПФХД report in /dokumenty/ must not count",
    "institution/feedback-channels":
      "phone and e-mail as text (the fax is not counted), the ПОС widget «Решаем вместе», anketa.rosminzdrav.ru: 4 × 30 → 100; no FAQ; «Анкета соискателя» is no survey",
    "institution/rating-link": "anketa.rosminzdrav.ru/staticogvjustank/71/1",
    "institution/accessible-version": "bvi.min.js with the .bvi-open switch",
    "busgov/card": "the mock knows agency 512302",
    "busgov/results": "results for 2024",
    "busgov/improvement-plan": "plan for the 2024 results",
    "busgov/plan-report": "deadlines passed on 31.12.2025, no execution report",
  },
  agency: { results: [nokResult(2024, SCORES)], plans: [{ year: 2024, reportPlaced: false }] },
  build,
};

/**
 * A social-service centre on a Bitrix-style template: the plan exists only as a PDF named in its link
 * («… (PDF, 310 Кб)»), the report too, results only as a link to the bus.gov.ru card, a QR-code block
 * for rating, a separate accessible version at /special/, and every feedback channel (tel./fax counts
 * as a phone).
 */
import { withInnChecksum } from "../../../../src/registry/inn.ts";
import { nokResult } from "../agency-facts.ts";
import { type Measure, planBody, reportBody } from "../documents.ts";
import { a, esc, Files, htmlFile, pdfFile, plainPdf } from "../files.ts";
import type { InstitutionSpec } from "../types.ts";

const NAME = 'ГБУ СО ТО "Комплексный центр социального обслуживания населения № 1"';
const SHORT = "ГБУ СО ТО «КЦСОН № 1»";
const BUSGOV_ID = "512303";
const DIRECTOR = "Н.И. Горбунова";
const PLAN = "/upload/iblock/3f2/plan-nok-2025.pdf";
const REPORT = "/upload/iblock/8a1/otchet-plan-nok-2026-1.pdf";

const MEASURES: Measure[] = [
  {
    shortcoming: "Нет дублирования для инвалидов по слуху и зрению звуковой и зрительной информации",
    measure: "Установить информационный терминал с дублированием информации",
    deadline: "01.06.2026",
    responsible: "Белова Т.С., заместитель директора",
    done: { what: "Терминал установлен в холле отделения", date: "20.05.2026" },
  },
  {
    shortcoming: "Не все получатели услуг удовлетворены навигацией внутри здания",
    measure: "Обновить схемы и таблички навигации",
    deadline: "31.12.2026",
    responsible: "Горбунова Н.И., директор",
  },
];

function page(title: string, main: string, opts: { special?: boolean } = {}): string {
  const menu = [
    ["/o-tsentre/", "О центре"],
    ["/o-tsentre/nezavisimaya-otsenka-kachestva/", "Независимая оценка качества"],
    ["/uslugi/", "Социальные услуги"],
    ["/dokumenty/", "Документы"],
    ["/obratnaya-svyaz/", "Обратная связь"],
    ["/vopros-otvet/", "Вопрос-ответ"],
  ];
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="UTF-8"><title>${esc(title)}</title>
<link href="/bitrix/templates/kcson/template_styles.css" rel="stylesheet"></head>
<body${opts.special ? ' class="special"' : ""}>
<div class="header"><div class="header__name">${esc(NAME)}</div>
<div class="header__special">${opts.special ? a("/", "Обычная версия сайта") : a("/special/", "Версия для слабовидящих", 'title="Версия для слабовидящих"')}</div></div>
<div class="layout"><div class="left-menu"><ul>
${menu.map(([href, text]) => `<li>${a(href!, text!)}</li>`).join("\n")}
</ul></div>
<div class="workarea">${main}</div></div>
<div class="footer"><p>${esc(NAME)}</p><p>300002, г. Тула, ул. Октябрьская, д. 31</p>
<p>Тел./факс: 8 (4872) 45-20-01, e-mail: <a href="mailto:kcson1@tularegion.ru">kcson1@tularegion.ru</a></p></div>
</body></html>`;
}

const HOME = `<h1>${esc(NAME)}</h1>
<p>Центр предоставляет социальные услуги в форме социального обслуживания на дому, в полустационарной форме и срочные социальные услуги гражданам пожилого возраста, инвалидам, семьям с детьми.</p>`;

async function build(): Promise<Files["map"]> {
  const f = new Files();
  f.add("/", htmlFile(page(SHORT, HOME)));
  f.add(
    "/special/",
    htmlFile(
      page(
        `${SHORT} — версия для слабовидящих`,
        `${HOME}<p>Версия для слабовидящих: размер шрифта 150%, чёрный текст на белом фоне, изображения отключены.</p>`,
        { special: true },
      ),
    ),
  );
  f.add(
    "/o-tsentre/",
    htmlFile(
      page(
        `О центре | ${SHORT}`,
        `<h1>О центре</h1><p>Учредитель — министерство труда и социальной защиты Тульской области.</p>
<ul><li>${a("/o-tsentre/nezavisimaya-otsenka-kachestva/", "Независимая оценка качества условий оказания услуг")}</li></ul>`,
      ),
    ),
  );
  f.add(
    "/o-tsentre/nezavisimaya-otsenka-kachestva/",
    htmlFile(
      page(
        `Независимая оценка качества | ${SHORT}`,
        `<h1>Независимая оценка качества условий оказания услуг</h1>
<p>Независимая оценка качества условий оказания услуг организациями социального обслуживания проводится в соответствии со статьёй 23.1 Федерального закона от 28.12.2013 № 442-ФЗ.</p>
<div class="news-list">
<div class="news-item">${a(`https://bus.gov.ru/pub/info-card/${BUSGOV_ID}?activeTab=3`, "Результаты независимой оценки качества центра на сайте bus.gov.ru")}</div>
<div class="news-item">${a(PLAN, "План по устранению недостатков, выявленных в ходе НОК в 2025 году (PDF, 310 Кб)")}</div>
<div class="news-item">${a(REPORT, "Отчёт о выполнении плана по устранению недостатков за I полугодие 2026 года (PDF, 95 Кб)")}</div>
</div>
<p>Чтобы оценить условия предоставления услуг, используйте QR-код или перейдите по ссылке:</p>
<p><a href="https://bus.gov.ru/qrcode/rate/${BUSGOV_ID}"><img src="/upload/qr-bus.png" alt="QR-код для оценки качества условий оказания услуг"></a></p>`,
      ),
    ),
  );
  f.add(
    "/uslugi/",
    htmlFile(
      page(
        `Социальные услуги | ${SHORT}`,
        "<h1>Социальные услуги</h1><p>Социально-бытовые, социально-медицинские, социально-психологические и социально-правовые услуги.</p>",
      ),
    ),
  );
  f.add(
    "/dokumenty/",
    htmlFile(
      page(
        `Документы | ${SHORT}`,
        `<h1>Документы</h1><ul>
<li>${a("/upload/iblock/11c/poryadok-obrashcheniy.pdf", "Порядок рассмотрения обращений граждан")}</li>
<li>${a("/upload/iblock/2d7/ustav.pdf", "Устав учреждения")}</li></ul>`,
      ),
    ),
  );
  f.add(
    "/obratnaya-svyaz/",
    htmlFile(
      page(
        `Обратная связь | ${SHORT}`,
        `<h1>Обратная связь</h1>
<form name="SIMPLE_FORM_1" action="/obratnaya-svyaz/" method="POST" enctype="multipart/form-data">
<table class="form-table"><tr><td>Ваше имя</td><td><input type="text" name="form_text_1"></td></tr>
<tr><td>E-mail</td><td><input type="text" name="form_email_2"></td></tr>
<tr><td>Сообщение</td><td><textarea name="form_textarea_3" cols="40" rows="5"></textarea></td></tr></table>
<input type="submit" name="web_form_submit" value="Отправить"></form>`,
      ),
    ),
  );
  f.add(
    "/vopros-otvet/",
    htmlFile(
      page(
        `Вопрос-ответ | ${SHORT}`,
        `<h1>Вопрос-ответ</h1><p><b>Как получить социальные услуги на дому?</b> Подайте заявление в центр или через Госуслуги.</p>`,
      ),
    ),
  );
  f.add(
    PLAN,
    await pdfFile(
      planBody({
        org: NAME,
        director: DIRECTOR,
        nokYear: 2025,
        period: "на 2026 год",
        approved: "26 января 2026 г.",
        measures: MEASURES,
      }),
      "2026-01-26",
    ),
  );
  f.add(
    REPORT,
    await pdfFile(
      reportBody({
        org: NAME,
        director: DIRECTOR,
        nokYear: 2025,
        period: "за I полугодие 2026 года",
        measures: MEASURES,
      }),
      "2026-07-10",
    ),
  );
  f.add(
    "/upload/iblock/11c/poryadok-obrashcheniy.pdf",
    await plainPdf(
      "Порядок рассмотрения обращений граждан",
      ["Обращения рассматриваются в соответствии с Федеральным законом от 02.05.2006 № 59-ФЗ."],
      "2021-03-01",
    ),
  );
  f.add(
    "/upload/iblock/2d7/ustav.pdf",
    await plainPdf(`Устав ${NAME}`, ["Учреждение является некоммерческой организацией."], "2016-11-01"),
  );
  return f.map;
}

export const socialCentre: InstitutionSpec = {
  id: "kcson-1",
  name: NAME,
  region: "71",
  sphere: "social",
  inn: withInnChecksum("710603456"),
  busgovId: BUSGOV_ID,
  needsBrowser: false,
  story:
    "Bitrix-style social-service centre: plan and report only as PDFs named in their links, results via the bus.gov.ru card, QR block, /special/ version, all five channels.",
  expected: {
    "institution/nok-page": "pass",
    "institution/results": "pass",
    "institution/improvement-plan": "pass",
    "institution/plan-report": "pass",
    "institution/feedback-channels": "pass",
    "institution/rating-link": "pass",
    "institution/accessible-version": "pass",
  },
  expectedChannels: ["phone", "email", "form", "faq", "survey"],
  expectedBusgov: {
    "busgov/card": "pass",
    "busgov/results": "pass",
    "busgov/improvement-plan": "pass",
    "busgov/plan-report": "pass",
  },
  notes: {
    "institution/nok-page":
      "/o-tsentre/nezavisimaya-otsenka-kachestva/ with the bus.gov.ru results link, plan, report and QR block",
    "institution/results":
      "only a link «Результаты независимой оценки качества центра на сайте bus.gov.ru» to info-card/512303",
    "institution/improvement-plan":
      "the PDF «План по устранению недостатков, выявленных в ходе НОК в 2025 году (PDF, 310 Кб)»",
    "institution/plan-report": "the PDF report for the first half of 2026",
    "institution/feedback-channels":
      "«Тел./факс» is a phone, mailto:, the web form with a textarea, «Вопрос-ответ», the bus.gov.ru QR link: 150 → 100",
    "institution/rating-link": "QR code linking to bus.gov.ru/qrcode/rate/512303",
    "institution/accessible-version": "/special/ is a separate, different page",
    "busgov/card": "the mock knows agency 512303",
    "busgov/results": "results for 2025",
    "busgov/improvement-plan": "plan for the 2025 results",
    "busgov/plan-report": "execution report placed",
  },
  agency: {
    results: [nokResult(2025, [97.5, 95, 84, 99.1, 96.8])],
    plans: [{ year: 2025, reportPlaced: true }],
  },
  build,
};

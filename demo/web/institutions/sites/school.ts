/**
 * A school on a typical school-site template: «Сведения об образовательной организации» (/sveden/)
 * with Rosobrnadzor itemprop microdata, a NOK УООД section with results, plan and report as PDFs, and
 * a НОКО page (ВПР results) that is not NOK. Every channel of 344н 1.2 is there.
 */
import { withInnChecksum } from "../../../../src/registry/inn.ts";
import { nokResult } from "../agency-facts.ts";
import { type Measure, planBody, reportBody, resultsBody } from "../documents.ts";
import { a, esc, Files, htmlFile, pdfFile, plainPdf } from "../files.ts";
import type { InstitutionSpec } from "../types.ts";

const NAME = 'МБОУ "Средняя общеобразовательная школа № 12"';
const FULL =
  'Муниципальное бюджетное общеобразовательное учреждение "Средняя общеобразовательная школа № 12"';
const BUSGOV_ID = "512301";
const DIRECTOR = "О.В. Смирнова";
const PHONE = "8 (4872) 31-55-12";
const EMAIL = "school12@tularegion.org";

const MEASURES: Measure[] = [
  {
    shortcoming: "На сайте нет раздела «Часто задаваемые вопросы»",
    measure: "Создать на официальном сайте раздел «Вопрос-ответ»",
    deadline: "01.03.2025",
    responsible: "Кузнецов А.П., заместитель директора",
    done: { what: "Раздел «Вопрос-ответ» создан", date: "14.02.2025" },
  },
  {
    shortcoming: "Нет сменного кресла-коляски",
    measure: "Приобрести сменное кресло-коляску",
    deadline: "31.12.2025",
    responsible: "Смирнова О.В., директор",
    done: { what: "Кресло-коляска приобретено (договор от 10.09.2025 № 41)", date: "10.09.2025" },
  },
];

function page(title: string, main: string, opts: { special?: boolean } = {}): string {
  const special = opts.special
    ? a("/", "Обычная версия сайта", 'class="special-off"')
    : a("/?special=1", "Версия для слабовидящих", 'class="special-on" title="Версия сайта для слабовидящих"');
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>${esc(title)} — ${esc(NAME)}</title>
<link rel="stylesheet" href="/css/template.css">${opts.special ? '<link rel="stylesheet" href="/css/special.css">' : ""}</head>
<body class="${opts.special ? "special-version font-large" : "school"}">
<header class="site-header"><div class="logo">${esc(NAME)}</div>
<div class="tools">${special}
<form action="/search/" method="get" role="search" class="search"><input type="text" name="q" placeholder="Поиск по сайту"><button>Найти</button></form></div></header>
<nav class="main-menu"><ul>
<li>${a("/", "Главная")}</li>
<li>${a("/sveden/", "Сведения об образовательной организации")}</li>
<li>${a("/nok/", "Независимая оценка качества условий осуществления образовательной деятельности")}</li>
<li>${a("/noko/", "Независимая оценка качества образования")}</li>
<li>${a("/obrashcheniya/", "Обращения граждан")}</li>
<li>${a("/faq/", "Вопрос-ответ")}</li>
<li>${a("/news/", "Новости")}</li>
</ul></nav>
<main class="content">${main}</main>
<footer class="site-footer"><p>${esc(FULL)}</p>
<p>300041, г. Тула, ул. Советская, д. 12. Телефон: <a href="tel:+74872315512">${PHONE}</a>. E-mail: <a href="mailto:${EMAIL}">${EMAIL}</a></p>
<p>${a("https://bus.gov.ru/", "bus.gov.ru — официальный сайт для размещения информации о государственных (муниципальных) учреждениях")}</p></footer>
</body></html>`;
}

const HOME = `<h1>${esc(NAME)}</h1>
<p>Добро пожаловать на официальный сайт школы. Школа реализует программы начального, основного и среднего общего образования; в 2026/2027 учебном году в школе 812 обучающихся и 54 педагога.</p>
<h2>Новости</h2><ul class="news">
<li>${a("/news/2025-11-20-nok/", "Подведены итоги независимой оценки качества условий осуществления образовательной деятельности")} <span class="date">20.11.2025</span></li>
<li>${a("/news/2026-09-01/", "Торжественная линейка, посвящённая Дню знаний")} <span class="date">01.09.2026</span></li></ul>`;

async function build(): Promise<Files["map"]> {
  const f = new Files();
  f.add("/", htmlFile(page("Главная", HOME)));
  f.add(
    "/?special=1",
    htmlFile(
      page(
        "Главная",
        `${HOME}<p>Вы просматриваете версию сайта для слабовидящих: крупный шрифт, высокая контрастность, без изображений.</p>`,
        { special: true },
      ),
    ),
  );
  f.add(
    "/sveden/",
    htmlFile(
      page(
        "Сведения об образовательной организации",
        `<h1>Сведения об образовательной организации</h1><ul class="sveden">
<li>${a("/sveden/common/", "Основные сведения")}</li><li>${a("/sveden/struct/", "Структура и органы управления образовательной организацией")}</li>
<li>${a("/sveden/document/", "Документы")}</li><li>${a("/sveden/education/", "Образование")}</li>
<li>${a("/sveden/ovz/", "Доступная среда")}</li></ul>`,
      ),
    ),
  );
  f.add(
    "/sveden/common/",
    htmlFile(
      page(
        "Основные сведения",
        `<h1>Основные сведения</h1><table class="sveden-table">
<tr><td>Полное наименование</td><td itemprop="fullName">${esc(FULL)}</td></tr>
<tr><td>Дата создания</td><td itemprop="regDate">01.09.1962</td></tr>
<tr><td>Адрес</td><td itemprop="addressPlace">300041, г. Тула, ул. Советская, д. 12</td></tr>
<tr><td>Режим работы</td><td itemprop="workTime">пн–пт 8:00–18:00, сб 8:00–14:00</td></tr>
<tr><td>Контактные телефоны</td><td itemprop="telephone">${PHONE}</td></tr>
<tr><td>Адрес электронной почты</td><td itemprop="email">${EMAIL}</td></tr></table>`,
      ),
    ),
  );
  f.add(
    "/sveden/document/",
    htmlFile(
      page(
        "Документы",
        `<h1>Документы</h1><ul class="docs">
<li itemprop="ustavDocLink">${a("/files/ustav.pdf", "Устав")}</li>
<li itemprop="reportEduDocLink">${a("/files/samoobsledovanie-2025.pdf", "Отчёт о результатах самообследования за 2025 год")}</li>
<li>${a("/files/pfhd-2026.pdf", "План финансово-хозяйственной деятельности на 2026 год")}</li></ul>`,
      ),
    ),
  );
  f.add(
    "/nok/",
    htmlFile(
      page(
        "Независимая оценка качества",
        `<h1>Независимая оценка качества условий осуществления образовательной деятельности</h1>
<p>Раздел создан в соответствии с Федеральным законом от 05.12.2017 № 392-ФЗ и статьёй 95.2 Федерального закона «Об образовании в Российской Федерации» для размещения информации о независимой оценке качества условий осуществления образовательной деятельности и обеспечения технической возможности выражения мнений получателями образовательных услуг.</p>
<ul class="docs">
<li>${a("/files/nok/rezultaty-2024.pdf", "Результаты независимой оценки качества условий осуществления образовательной деятельности в 2024 году")} (PDF)</li>
<li>${a(`https://bus.gov.ru/pub/info-card/${BUSGOV_ID}?activeTab=3`, "Результаты независимой оценки качества школы на сайте bus.gov.ru")}</li>
<li>${a("/files/nok/plan-2025.pdf", "План по устранению недостатков, выявленных в ходе независимой оценки качества условий осуществления образовательной деятельности, на 2025 год")} (PDF)</li>
<li>${a("/files/nok/otchet-2025.pdf", "Отчёт о выполнении плана по устранению недостатков за 2025 год")} (PDF)</li></ul>
<p>Оценить качество условий осуществления образовательной деятельности можно на сайте bus.gov.ru: ${a(`https://bus.gov.ru/qrcode/rate/${BUSGOV_ID}`, "Оценить качество условий на bus.gov.ru")}</p>`,
      ),
    ),
  );
  f.add(
    "/noko/",
    htmlFile(
      page(
        "Независимая оценка качества образования",
        `<h1>Независимая оценка качества образования</h1>
<p>Результаты всероссийских проверочных работ и региональных мониторингов качества подготовки обучающихся.</p>
<ul><li>${a("/files/vpr-2026.pdf", "Результаты ВПР 2026 года")}</li></ul>`,
      ),
    ),
  );
  f.add(
    "/obrashcheniya/",
    htmlFile(
      page(
        "Обращения граждан",
        `<h1>Обращения граждан</h1><p>Обращение рассматривается в течение 30 дней со дня регистрации (Федеральный закон от 02.05.2006 № 59-ФЗ).</p>
<form action="/obrashcheniya/send/" method="post" class="appeal">
<label for="fio">Фамилия, имя, отчество</label><input id="fio" name="fio" required>
<label for="mail">Адрес электронной почты</label><input id="mail" type="email" name="email" required>
<label for="text">Текст обращения</label><textarea id="text" name="text" rows="8"></textarea>
<button type="submit">Отправить обращение</button></form>`,
      ),
    ),
  );
  f.add(
    "/faq/",
    htmlFile(
      page(
        "Вопрос-ответ",
        `<h1>Вопрос-ответ</h1><dl><dt>Как записать ребёнка в первый класс?</dt><dd>Заявление подаётся через Госуслуги с 1 апреля.</dd>
<dt>Когда работает столовая?</dt><dd>С 8:00 до 15:00.</dd></dl>`,
      ),
    ),
  );
  f.add(
    "/news/",
    htmlFile(
      page(
        "Новости",
        `<h1>Новости</h1><ul class="news"><li>${a("/news/2025-11-20-nok/", "Подведены итоги независимой оценки качества условий осуществления образовательной деятельности")}</li></ul>`,
      ),
    ),
  );
  f.add(
    "/news/2025-11-20-nok/",
    htmlFile(
      page(
        "Подведены итоги независимой оценки качества",
        `<h1>Подведены итоги независимой оценки качества условий осуществления образовательной деятельности</h1>
<p>20.11.2025. По итогам независимой оценки качества условий осуществления образовательной деятельности школа набрала 93,4 балла. Подробнее — в разделе о независимой оценке качества.</p>`,
      ),
    ),
  );
  for (const [path, title] of [
    ["/sveden/struct/", "Структура и органы управления образовательной организацией"],
    ["/sveden/education/", "Образование"],
    ["/sveden/ovz/", "Доступная среда"],
  ] as const)
    f.add(
      path,
      htmlFile(
        page(
          title,
          `<h1>${esc(title)}</h1><p>Сведения размещены в соответствии с приказом Рособрнадзора от 04.08.2023 № 1493.</p>`,
        ),
      ),
    );
  f.add(
    "/news/2026-09-01/",
    htmlFile(
      page(
        "День знаний",
        "<h1>Торжественная линейка, посвящённая Дню знаний</h1><p>01.09.2026. В школе прошла торжественная линейка.</p>",
      ),
    ),
  );
  f.add(
    "/files/ustav.pdf",
    await plainPdf(
      `Устав ${FULL}`,
      ["1. Общие положения. 1.1. Школа является некоммерческой организацией."],
      "2015-08-20",
    ),
  );
  f.add(
    "/files/samoobsledovanie-2025.pdf",
    await plainPdf(
      "Отчёт о результатах самообследования за 2025 год",
      [
        `${FULL}. Аналитическая часть: оценка образовательной деятельности, системы управления, качества подготовки обучающихся.`,
      ],
      "2026-04-15",
    ),
  );
  f.add(
    "/files/pfhd-2026.pdf",
    await plainPdf(
      "План финансово-хозяйственной деятельности на 2026 год",
      ["Показатели финансового состояния учреждения."],
      "2026-01-12",
    ),
  );
  f.add(
    "/files/vpr-2026.pdf",
    await plainPdf(
      "Результаты ВПР 2026 года",
      ["Всероссийские проверочные работы: средний балл по математике 4,1."],
      "2026-06-10",
    ),
  );
  f.add(
    "/files/nok/rezultaty-2024.pdf",
    await pdfFile(resultsBody(NAME, 2024, [96.2, 100, 72, 98.5, 97.1]), "2024-12-10"),
  );
  f.add(
    "/files/nok/plan-2025.pdf",
    await pdfFile(
      planBody({
        org: NAME,
        director: DIRECTOR,
        nokYear: 2024,
        period: "на 2025 год",
        approved: "20 января 2025 г.",
        measures: MEASURES,
      }),
      "2025-01-20",
    ),
  );
  f.add(
    "/files/nok/otchet-2025.pdf",
    await pdfFile(
      reportBody({ org: NAME, director: DIRECTOR, nokYear: 2024, period: "за 2025 год", measures: MEASURES }),
      "2026-01-15",
    ),
  );
  return f.map;
}

export const school: InstitutionSpec = {
  id: "school-12",
  name: NAME,
  region: "71",
  sphere: "education",
  inn: withInnChecksum("710501234"),
  busgovId: BUSGOV_ID,
  needsBrowser: false,
  story:
    "School template with /sveden/ microdata, a NOK УООД section (results 2024, plan 2025, report), a НОКО decoy and all five channels.",
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
      "/nok/ names NOK of the conditions of educational activity (95.2) and lists results, plan and report; /noko/ (ВПР) must not count",
    "institution/results":
      "results PDF for 2024 (≥ 2023, within three years) and a link to the bus.gov.ru card",
    "institution/improvement-plan": "plan PDF «… на 2025 год» after the 2024 NOK",
    "institution/plan-report":
      "«Отчёт о выполнении плана … за 2025 год»; the self-examination report in /sveden/document/ must not count",
    "institution/feedback-channels":
      "tel: and mailto: in the footer, an appeal form with a textarea, «Вопрос-ответ», the bus.gov.ru rating link: 150 → 100 points; the search form does not count",
    "institution/rating-link": "https://bus.gov.ru/qrcode/rate/512301 on /nok/",
    "institution/accessible-version":
      "«Версия для слабовидящих» → /?special=1, a different page (large font, no images)",
    "busgov/card": "the mock knows agency 512301",
    "busgov/results": "results for 2024 (≥ 2023)",
    "busgov/improvement-plan": "plan for the 2024 results",
    "busgov/plan-report": "execution report placed",
  },
  agency: {
    results: [nokResult(2024, [96.2, 100, 72, 98.5, 97.1])],
    plans: [{ year: 2024, reportPlaced: true }],
  },
  build,
};

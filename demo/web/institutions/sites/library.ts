/**
 * A city library on an old table layout in windows-1251 (charset only in <meta>): telephone and e-mail
 * are its only feedback channels (60 points), the NOK page is an empty placeholder, only a bare
 * bus.gov.ru banner, no results, plan or report; a real special version behind «?version=special».
 */
import { withInnChecksum } from "../../../../src/registry/inn.ts";
import { a, esc, Files, htmlFile } from "../files.ts";
import type { InstitutionSpec } from "../types.ts";

const NAME = 'МБУК "Центральная городская библиотека"';
const BUSGOV_ID = "512305";

function page(title: string, main: string, opts: { special?: boolean } = {}): string {
  const menu = [
    ["/", "Главная"],
    ["/about.php", "О библиотеке"],
    ["/news.php", "Новости"],
    ["/uslugi.php", "Услуги"],
    ["/nok.php", "Независимая оценка качества"],
    ["/contacts.php", "Контакты"],
  ];
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>${esc(title)}</title></head>
<body${opts.special ? ' class="special" style="font-size:150%"' : ""}>
<table width="100%" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2" class="header"><h2>${esc(NAME)}</h2>
<p align="right">${opts.special ? a("/", "Обычная версия") : a("/?version=special", "Версия для слабовидящих")}</p></td></tr>
<tr><td class="leftmenu" width="200" valign="top">
${menu.map(([href, text]) => `${a(href!, text!)}<br>`).join("\n")}
</td>
<td class="content" valign="top">${main}</td></tr></table>
<div class="footer"><p>${esc(NAME)}. 300041, г. Тула, ул. Ленина, д. 40.</p>
<p>Тел.: (4872) 55-20-14, e-mail: library@tula-cbs.ru</p>
<p><a href="https://bus.gov.ru/"><img src="/img/bus.gif" alt="bus.gov.ru" width="88" height="31" border="0"></a></p></div>
</body></html>`;
}

const HOME = `<h1>Добро пожаловать!</h1>
<p>Центральная городская библиотека — это 120 тысяч книг, читальный зал, детский абонемент и бесплатный доступ в интернет.</p>
<p>Режим работы: вторник–суббота с 10:00 до 19:00, воскресенье с 10:00 до 17:00. Выходной — понедельник.</p>`;

async function build(): Promise<Files["map"]> {
  const f = new Files();
  const add = (path: string, html: string) => f.add(path, htmlFile(html, "windows-1251"));
  add("/", page(NAME, HOME));
  add(
    "/?version=special",
    page(`${NAME} — версия для слабовидящих`, `${HOME}<p>Включена версия для слабовидящих.</p>`, {
      special: true,
    }),
  );
  add("/about.php", page("О библиотеке", "<h1>О библиотеке</h1><p>Библиотека основана в 1922 году.</p>"));
  add(
    "/news.php",
    page(
      "Новости",
      `<h1>Новости</h1><p><b>12.10.2026</b> ${a("/news.php?id=112", "Встреча с писателем")}</p>`,
    ),
  );
  add(
    "/news.php?id=112",
    page(
      "Встреча с писателем",
      "<h1>Встреча с писателем</h1><p>12.10.2026 в читальном зале прошла встреча с тульским писателем.</p>",
    ),
  );
  add(
    "/uslugi.php",
    page(
      "Услуги",
      "<h1>Услуги</h1><p>Выдача книг, ксерокопирование, справочно-библиографическое обслуживание.</p>",
    ),
  );
  add(
    "/nok.php",
    page(
      "Независимая оценка качества",
      "<h1>Независимая оценка качества</h1><p>Раздел находится в стадии наполнения.</p>",
    ),
  );
  add(
    "/contacts.php",
    page(
      "Контакты",
      "<h1>Контакты</h1><p>Адрес: 300041, г. Тула, ул. Ленина, д. 40.</p><p>Тел.: (4872) 55-20-14</p><p>E-mail: library@tula-cbs.ru</p>",
    ),
  );
  return f.map;
}

export const library: InstitutionSpec = {
  id: "library-central",
  name: NAME,
  region: "71",
  sphere: "culture",
  inn: withInnChecksum("710405678"),
  busgovId: BUSGOV_ID,
  needsBrowser: false,
  story:
    "Old windows-1251 table-layout library: only phone and e-mail (60 points), an empty NOK placeholder, a bare bus.gov.ru banner, nothing else of NOK.",
  expected: {
    "institution/nok-page": "warn",
    "institution/results": "fail",
    "institution/improvement-plan": "fail",
    "institution/plan-report": "fail",
    "institution/feedback-channels": "warn",
    "institution/rating-link": "warn",
    "institution/accessible-version": "pass",
  },
  expectedChannels: ["phone", "email"],
  expectedBusgov: {
    "busgov/card": "pass",
    "busgov/results": "fail",
    "busgov/improvement-plan": "n/a",
    "busgov/plan-report": "n/a",
  },
  notes: {
    "institution/nok-page": "/nok.php says only «Раздел находится в стадии наполнения»",
    "institution/results": "no results anywhere",
    "institution/improvement-plan": "no plan",
    "institution/plan-report": "no report",
    "institution/feedback-channels": "«Тел.: (4872) 55-20-14» and the e-mail address only: 60 points",
    "institution/rating-link": "a bare bus.gov.ru banner without a word about rating",
    "institution/accessible-version": "«?version=special» serves a different page",
    "busgov/card": "the mock knows agency 512305",
    "busgov/results": "bus.gov.ru has no results for it",
    "busgov/improvement-plan": "no results, so no plan is due",
    "busgov/plan-report": "no results, so no report is due",
  },
  agency: { results: [], plans: [] },
  build,
};

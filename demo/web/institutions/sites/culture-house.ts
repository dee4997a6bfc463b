/**
 * A house of culture on a site builder whose menu exists only in JavaScript: the static HTML of every
 * page has no menu links (the home page has no links at all), so a static crawl sees the home page
 * and nothing else. Rendered, it shows a NOK page with stale material (results and plan of the 2021
 * assessment, no report), a regional survey portal, phone and e-mail — and no accessible version.
 * Its `expected` assumes rendering.
 */
import { withInnChecksum } from "../../../../src/registry/inn.ts";
import { nokResult } from "../agency-facts.ts";
import { planBody, resultsBody } from "../documents.ts";
import { a, esc, Files, htmlFile, pdfFile, scriptFile } from "../files.ts";
import type { InstitutionSpec } from "../types.ts";

const NAME = 'МБУК "Дом культуры "Октябрь""';
const BUSGOV_ID = "512304";
const MENU: [string, string][] = [
  ["/", "Главная"],
  ["/afisha/", "Афиша"],
  ["/kluby/", "Клубные формирования"],
  ["/nok/", "Независимая оценка качества"],
  ["/dokumenty/", "Документы"],
  ["/kontakty/", "Контакты"],
];

/** The site builder's runtime: the menu is data in the script and becomes links only in the browser. */
const SITE_JS = `(function () {
  "use strict";
  var MENU = ${JSON.stringify(MENU.map(([href, text]) => ({ href, text })))};
  function build() {
    var nav = document.getElementById("main-menu");
    if (!nav) return;
    var ul = document.createElement("ul");
    MENU.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.href;
      link.textContent = item.text;
      if (location.pathname === item.href) link.className = "active";
      li.appendChild(link);
      ul.appendChild(li);
    });
    nav.appendChild(ul);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
})();
`;

function page(title: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><script src="/static/js/site.js" defer></script></head>
<body><div class="t-header"><div class="t-logo">${esc(NAME)}</div><nav id="main-menu" class="t-menu"></nav></div>
<main class="t-content">${main}</main>
<footer class="t-footer"><p>${esc(NAME)}, 300026, г. Тула, пр. Ленина, д. 81</p>
<p>Телефон: 8 (4872) 40-11-20. E-mail: dk-oktyabr@tula-kultura.ru</p></footer>
</body></html>`;
}

async function build(): Promise<Files["map"]> {
  const f = new Files();
  f.add("/static/js/site.js", scriptFile(SITE_JS));
  f.add(
    "/",
    htmlFile(
      page(
        `${NAME} — официальный сайт`,
        `<h1>Дом культуры «Октябрь»</h1>
<p>Дом культуры приглашает жителей и гостей города на концерты, спектакли народного театра и занятия в клубных формированиях. В доме культуры работают 24 коллектива: хоровые, хореографические, театральные и декоративно-прикладного творчества.</p>
<p>Ближайшие события: 7 ноября — концерт народного хора «Тульские узоры»; 15 ноября — премьера спектакля народного театра.</p>`,
      ),
    ),
  );
  f.add(
    "/afisha/",
    htmlFile(
      page(
        "Афиша",
        "<h1>Афиша</h1><p>7 ноября, 18:00 — концерт народного хора «Тульские узоры». Вход свободный.</p>",
      ),
    ),
  );
  f.add(
    "/kluby/",
    htmlFile(
      page(
        "Клубные формирования",
        "<h1>Клубные формирования</h1><p>Народный хор, студия эстрадного танца, театральная студия, кружок резьбы по дереву.</p>",
      ),
    ),
  );
  f.add(
    "/nok/",
    htmlFile(
      page(
        "Независимая оценка качества",
        `<h1>Независимая оценка качества условий оказания услуг организациями культуры</h1>
<p>Информация размещена в соответствии со статьёй 36.2 Основ законодательства Российской Федерации о культуре.</p>
<ul><li>${a("/files/nok/rezultaty-nok-2021.pdf", "Результаты независимой оценки качества условий оказания услуг в 2021 году")}</li>
<li>${a("/files/nok/plan-nok-2021.pdf", "План по устранению недостатков, выявленных в ходе независимой оценки качества в 2021 году, на 2022 год")}</li></ul>
<p>${a("https://opros.kultura71.ru/anketa/", "Оцените качество условий оказания услуг учреждениями культуры Тульской области")}</p>`,
      ),
    ),
  );
  f.add(
    "/dokumenty/",
    htmlFile(
      page(
        "Документы",
        `<h1>Документы</h1><ul><li>${a("/files/plan-raboty-2026.pdf", "План работы на 2026 год")}</li></ul>`,
      ),
    ),
  );
  f.add(
    "/kontakty/",
    htmlFile(
      page(
        "Контакты",
        "<h1>Контакты</h1><p>Администрация: 8 (4872) 40-11-20. Касса: 8 (4872) 40-11-21.</p><p>E-mail: dk-oktyabr@tula-kultura.ru</p>",
      ),
    ),
  );
  f.add(
    "/files/nok/rezultaty-nok-2021.pdf",
    await pdfFile(resultsBody(NAME, 2021, [88.4, 92, 61.5, 95.2, 93]), "2021-12-15"),
  );
  f.add(
    "/files/nok/plan-nok-2021.pdf",
    await pdfFile(
      planBody({
        org: NAME,
        director: "Е.А. Фролова",
        nokYear: 2021,
        period: "на 2022 год",
        approved: "31 января 2022 г.",
        measures: [
          {
            shortcoming: "Нет версии сайта для слабовидящих",
            measure: "Разработать версию сайта для слабовидящих",
            deadline: "30.06.2022",
            responsible: "Фролова Е.А., директор",
          },
        ],
      }),
      "2022-01-31",
    ),
  );
  f.add(
    "/files/plan-raboty-2026.pdf",
    await pdfFile(
      {
        title: "План работы на 2026 год",
        subtitle: NAME,
        blocks: [{ t: "p", text: "Концертная и клубная деятельность." }],
      },
      "2025-12-20",
    ),
  );
  return f.map;
}

export const cultureHouse: InstitutionSpec = {
  id: "dk-oktyabr",
  name: NAME,
  region: "71",
  sphere: "culture",
  inn: withInnChecksum("710404567"),
  busgovId: BUSGOV_ID,
  needsBrowser: true,
  story:
    "House of culture whose menu is built by JavaScript only; stale 2021 results and plan, no report, regional survey portal, phone and e-mail, no accessible version.",
  expected: {
    "institution/nok-page": "pass",
    "institution/results": "warn",
    "institution/improvement-plan": "warn",
    "institution/plan-report": "fail",
    "institution/feedback-channels": "warn",
    "institution/rating-link": "pass",
    "institution/accessible-version": "fail",
  },
  expectedChannels: ["phone", "email", "survey"],
  expectedBusgov: {
    "busgov/card": "pass",
    "busgov/results": "fail",
    "busgov/improvement-plan": "fail",
    "busgov/plan-report": "fail",
  },
  notes: {
    "institution/nok-page": "/nok/ is reachable only from the script-built menu (rendering needed)",
    "institution/results": "only the 2021 results: older than three years as of 2026-11-01",
    "institution/improvement-plan": "only the plan after the 2021 NOK («на 2022 год»)",
    "institution/plan-report": "no report; «План работы на 2026 год» is no improvement plan either",
    "institution/feedback-channels": "phone and e-mail in the footer, the regional survey link: 90 points",
    "institution/rating-link": "regional survey portal named «Оцените качество условий оказания услуг…»",
    "institution/accessible-version": "nothing for the visually impaired",
    "busgov/card": "the mock knows agency 512304",
    "busgov/results": "newest results are for 2021, older than three years",
    "busgov/improvement-plan": "no plan placed for the 2021 results",
    "busgov/plan-report": "no plan, hence no report",
  },
  agency: { results: [nokResult(2021, [88.4, 92, 61.5, 95.2, 93])], plans: [] },
  build,
};

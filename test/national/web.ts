/** A tiny national web for the run tests: authority sites on 127.0.0.1 with more or less of a NOK section. */
import { writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Sphere } from "../../src/types/index.ts";

export interface SiteSpec {
  id: string;
  region: string;
  sphere: Sphere;
  name: string;
  /** Which parts the site publishes. */
  nokSection: boolean;
  council: boolean;
  /** Date of the newest council minutes (DD.MM.YYYY), or null for none. */
  minutesDate: string | null;
}

export interface LocalSite {
  spec: SiteSpec;
  url: string;
  /** Paths requested, in order. */
  requests: string[];
  /** While set, every response waits for this promise (to freeze a crawl mid-site). */
  hold: Promise<void> | null;
}

export interface LocalWeb {
  sites: LocalSite[];
  /** A start URL where nothing listens. */
  downUrl: string;
  requestCount(): number;
  close(): Promise<void>;
}

// Each site's pages differ in bytes (the footer names the site): identical bodies on two sites would share one
// cached extraction in checkSite, whose links point at the first site (see the report's known issues).
const basePage = (title: string, body: string, site = "") =>
  `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${title}</title></head><body>
<nav><ul><li><a href="/">Главная</a></li><li><a href="/activity/">Деятельность</a></li><li><a href="/contacts/">Контакты</a></li></ul></nav>
<main><h1>${title}</h1>${body}</main><footer>© ${site || "Правительство субъекта"}</footer></body></html>`;

function pages(spec: SiteSpec): Record<string, string> {
  const out: Record<string, string> = {};
  const page = (title: string, body: string) => basePage(title, body, spec.name);
  const menu = [
    spec.nokSection ? `<li><a href="/nok/">Независимая оценка качества условий оказания услуг</a></li>` : "",
    spec.council ? `<li><a href="/council/">Общественный совет</a></li>` : "",
    `<li><a href="/news/">Новости</a></li>`,
  ].join("");
  out["/"] = page(spec.name, `<p>Официальный сайт. ${spec.name}.</p><ul>${menu}</ul>`);
  out["/activity/"] = page(
    "Деятельность",
    `<ul>${menu}<li><a href="/activity/programs/">Государственные программы</a></li></ul>`,
  );
  out["/activity/programs/"] = page(
    "Государственные программы",
    "<p>Государственная программа развития отрасли на 2024–2030 годы.</p>",
  );
  out["/contacts/"] = page(
    "Контакты",
    "<p>Телефон приёмной: +7 (4872) 00-00-00. Электронная почта: info@example.ru</p>",
  );
  out["/news/"] = page("Новости", "<p>Состоялось совещание руководителей подведомственных учреждений.</p>");
  if (spec.nokSection) {
    out["/nok/"] = page(
      "Независимая оценка качества условий оказания услуг",
      `<p>В разделе размещена информация о проведении независимой оценки качества условий оказания услуг организациями в сфере ведомства.</p>
<ul>
<li><a href="/nok/acts/">Нормативные правовые акты о независимой оценке качества</a></li>
${spec.council ? `<li><a href="/council/">Общественный совет по проведению независимой оценки качества</a></li>` : ""}
<li><a href="/nok/results/">Результаты независимой оценки качества условий оказания услуг за 2025 год</a></li>
</ul>`,
    );
    out["/nok/acts/"] = page(
      "Нормативные правовые акты о независимой оценке качества",
      `<p>Федеральный закон от 05.12.2017 № 392-ФЗ «О внесении изменений в отдельные законодательные акты Российской Федерации по вопросам совершенствования проведения независимой оценки качества условий оказания услуг организациями в сфере культуры, охраны здоровья, образования, социального обслуживания и федеральными учреждениями медико-социальной экспертизы».</p>`,
    );
    out["/nok/results/"] = page(
      "Результаты независимой оценки качества условий оказания услуг за 2025 год",
      `<p>Рейтинг организаций по итогам независимой оценки качества условий оказания услуг в 2025 году. Итоговые баллы организаций: ГУЗ «Областная больница» — 91,2 балла; ГУЗ «Городская поликлиника № 1» — 87,5 балла.</p>`,
    );
  }
  if (spec.council) {
    out["/council/"] = page(
      "Общественный совет по проведению независимой оценки качества условий оказания услуг",
      `<ul>
<li><a href="/council/regulation/">Положение об общественном совете</a></li>
<li><a href="/council/members/">Состав общественного совета</a></li>
${spec.minutesDate ? `<li><a href="/council/minutes/">Протоколы заседаний общественного совета</a></li>` : ""}
</ul>`,
    );
    out["/council/regulation/"] = page(
      "Положение об общественном совете по проведению независимой оценки качества",
      `<p>1. Общественный совет по проведению независимой оценки качества условий оказания услуг организациями (далее — Общественный совет) образован при министерстве.</p>
<p>2. Общественный совет осуществляет независимую оценку качества условий оказания услуг организациями, определяет перечни организаций, в отношении которых проводится независимая оценка, рассматривает проект документации о закупке работ, услуг по сбору и обобщению информации о качестве условий оказания услуг, а также проекты государственных контрактов, заключаемых с организацией-оператором.</p>
<p>3. Общественный совет представляет в министерство результаты независимой оценки качества условий оказания услуг организациями, а также предложения об улучшении их деятельности.</p>`,
    );
    out["/council/members/"] = page(
      "Состав общественного совета",
      "<p>Председатель общественного совета — Иванова Мария Петровна, председатель региональной общественной организации. Члены общественного совета: Петров Иван Сергеевич; Сидорова Анна Викторовна.</p>",
    );
    if (spec.minutesDate)
      out["/council/minutes/"] = page(
        "Протоколы заседаний общественного совета",
        `<p>Протокол заседания общественного совета по проведению независимой оценки качества № 2 от ${spec.minutesDate}.</p><p>Решение общественного совета: утвердить итоги независимой оценки качества.</p>`,
      );
  }
  return out;
}

export async function startLocalWeb(specs: SiteSpec[]): Promise<LocalWeb> {
  const servers: Server[] = [];
  const sites: LocalSite[] = [];
  for (const spec of specs) {
    const content = pages(spec);
    const site: LocalSite = { spec, url: "", requests: [], hold: null };
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      site.requests.push(path);
      void (async () => {
        if (site.hold) await site.hold;
        const html = content[path];
        if (path === "/robots.txt") {
          res.writeHead(200, { "content-type": "text/plain" });
          res.end("User-agent: *\nAllow: /\n");
        } else if (html) {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(html);
        } else {
          res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
          res.end(basePage("Страница не найдена", "<p>404</p>"));
        }
      })();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    servers.push(server);
    sites.push(site);
  }
  // A port that was just free: nothing listens there, so the site is unreachable (connection refused).
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const downUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
  await new Promise<void>((r) => probe.close(() => r()));
  return {
    sites,
    downUrl,
    requestCount: () => sites.reduce((n, s) => n + s.requests.length, 0),
    close: async () => {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}

/** The sites used by most tests: regions 71 and 08, gaps and a stale minutes list among them. */
export const NATIONAL_SPECS: SiteSpec[] = [
  {
    id: "tula-health",
    region: "71",
    sphere: "health",
    name: "Министерство здравоохранения Тульской области",
    nokSection: true,
    council: true,
    minutesDate: "15.03.2026",
  },
  {
    id: "tula-social",
    region: "71",
    sphere: "social",
    name: "Министерство труда и социальной защиты Тульской области",
    nokSection: true,
    council: true,
    minutesDate: "20.02.2024",
  },
  {
    id: "kalmykia-health",
    region: "08",
    sphere: "health",
    name: "Министерство здравоохранения Республики Калмыкия",
    nokSection: false,
    council: false,
    minutesDate: null,
  },
];

/** Writes a YAML registry of the local sites (plus the unreachable one, if given) and returns its path. */
export async function writeRegistry(
  dir: string,
  sites: readonly LocalSite[],
  down?: { url: string; region: string; sphere: Sphere; name: string },
): Promise<string> {
  const rows = sites.map((s) => ({
    region: s.spec.region,
    sphere: s.spec.sphere,
    name: s.spec.name,
    url: s.url,
  }));
  if (down) rows.push(down);
  const yaml = [
    "sites:",
    ...rows.flatMap((r) => [
      "  - kind: authority",
      `    region: "${r.region}"`,
      `    sphere: ${r.sphere}`,
      `    name: "${r.name}"`,
      `    url: "${r.url}"`,
    ]),
  ].join("\n");
  const path = join(dir, "registry.yaml");
  await writeFile(path, `${yaml}\n`);
  return path;
}

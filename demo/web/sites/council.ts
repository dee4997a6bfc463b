/**
 * A custom-CMS ministry site built around «Общественный совет при министерстве»: the council has its own
 * sub-pages (состав, положение, протоколы, план работы, документы) and NOK material is mixed into them;
 * a dedicated NOK page under «Деятельность» exists only when the spec says so.
 */
import { DEMO_CONTENT_UNTIL } from "../clock.ts";
import { extOf } from "../docs/render.ts";
import type { DocItem, SiteModel } from "../model.ts";
import { ruCardDate, ruDate } from "../texts/dates.ts";
import { type DocFiles, type RenderCtx, type SiteBuild, SiteBuilder } from "./builder.ts";
import { aboutLabel, newestDate, newsPages, nokSlug } from "./common.ts";
import { a, actsList, esc, membersTable, paras } from "./html.ts";

type Item = [title: string, href: string];

export function councilSite(m: SiteModel, files: DocFiles): SiteBuild {
  const b = new SiteBuilder(files);
  const s = m.spec;
  const it = s.items;
  const hasSection = it.section === "branch";
  const nokPath = `/activities/${nokSlug(m)}/`;
  const c = m.council;
  const own = c && c.kind !== "foreign" ? c : null;
  const councilTitle = own ? `Общественный совет при ${m.names.shortPrep}` : "Общественный совет";

  const filePath = (doc: DocItem): string =>
    `/upload/docs/${doc.date.slice(0, 4)}/${doc.fileName}.${extOf(doc.format)}`;
  const docRow = (doc: DocItem): string => {
    const path = filePath(doc);
    const f = b.file(path, doc);
    return `<tr><td class="doc-icon doc-icon--${f.ext}"></td><td>${a(path, doc.linkText)}<br><small>${ruDate(doc.date)} · [${f.ext.toUpperCase()}, ${f.label.split(", ")[1]?.toUpperCase()}]</small></td></tr>`;
  };
  const docTable = (docs: DocItem[]): string =>
    `<table class="docs">\n${docs.map(docRow).join("\n")}\n</table>`;

  const councilSub: Item[] = [];
  if (own?.composition && !own.composition.doc) councilSub.push(["Состав", "/obshchestvennyy-sovet/sostav/"]);
  if (own?.regulation) councilSub.push(["Положение", "/obshchestvennyy-sovet/polozhenie/"]);
  if (own?.minutes.length) councilSub.push(["Протоколы заседаний", "/obshchestvennyy-sovet/protokoly/"]);
  if (own?.workPlan) councilSub.push(["План работы", "/obshchestvennyy-sovet/plan-raboty/"]);
  // Without a NOK section, the cycle documents and legal acts live in the council's «Документы».
  const councilDocs: DocItem[] = [
    ...(own?.composition?.doc ? [own.composition.doc] : []),
    ...(hasSection ? [] : m.years.flatMap((y) => y.docs)),
  ];
  const councilActs = hasSection ? [] : m.legalActs;
  if (own && (councilDocs.length || councilActs.length))
    councilSub.push(["Документы", "/obshchestvennyy-sovet/dokumenty/"]);

  const menu: Item[] = [
    [aboutLabel(m), "/ministry/"],
    ["Деятельность", "/activities/"],
    [own ? `Общественный совет при ${m.names.shortPrep}` : "Общественный совет", "/obshchestvennyy-sovet/"],
    ["Документы", "/docs/"],
    ["Новости", "/news/"],
    ["Контакты", "/contacts/"],
  ];

  const sidebar = (ctx: RenderCtx): string => {
    if (ctx.special) return "";
    const banners = [a("https://www.gosuslugi.ru/", "Госуслуги", 'class="banner"')];
    if (!hasSection)
      for (const l of m.ratingLinks)
        banners.push(a(l.href, l.text, 'class="banner banner--bus" target="_blank"'));
    return `<aside class="sidebar">${councilSub.length ? `<div class="sidebar__menu"><div class="sidebar__title">${esc(councilTitle)}</div><ul>${councilSub.map(([t, h]) => `<li>${a(h, t)}</li>`).join("")}</ul></div>` : ""}<div class="sidebar__banners">${banners.join("\n")}</div></aside>`;
  };

  const layout = (ctx: RenderCtx, title: string, body: string): string => `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>${esc(title)} - ${esc(m.names.nom)}</title>
<link rel="stylesheet" href="${ctx.special ? "/assets/css/special.css" : "/assets/css/site.css"}">
</head>
<body${ctx.special ? ' class="special"' : ""}>
<div class="head">
<div class="head__name"><a href="/">${esc(m.names.nom)}</a></div>
<div class="head__tools">${it.accessible === "none" ? "" : ctx.special ? a("?version=normal", "Обычная версия") : a("?version=special", "Версия для слабовидящих", 'class="eye"')} · <a href="tel:${m.contacts.phone.replace(/[^+\d]/g, "")}">${esc(m.contacts.phone)}</a></div>
</div>
<ul class="menu">${menu.map(([t, h]) => `<li>${a(h, t)}</li>`).join("")}</ul>
<div class="page">
<div class="main">
<h1>${esc(title)}</h1>
${body}
</div>
${sidebar(ctx)}
</div>
<div class="foot">
<p>${esc(m.names.nom)} · ${esc(m.contacts.address)}</p>
<p>Тел.: ${esc(m.contacts.phone)} · E-mail: <a href="mailto:${m.contacts.email}">${m.contacts.email}</a> · ${esc(m.contacts.hours)}</p>
<p>© ${DEMO_CONTENT_UNTIL.slice(0, 4)}</p>
</div>
</body>
</html>`;

  const page = (
    path: string,
    title: string,
    body: (ctx: RenderCtx) => string,
    opts: Parameters<SiteBuilder["page"]>[2] = {},
  ): string => b.page(path, (ctx) => layout(ctx, title, body(ctx)), opts);

  // ---- Council ----
  if (own) {
    page(
      "/obshchestvennyy-sovet/",
      own.name,
      () =>
        `${paras(own.intro)}\n<ul class="links">${councilSub.map(([t, h]) => `<li>${a(h, t)}</li>`).join("\n")}</ul>`,
    );
    if (own.composition && !own.composition.doc) {
      const comp = own.composition;
      page(
        "/obshchestvennyy-sovet/sostav/",
        "Состав общественного совета",
        () => `<p>${esc(comp.approval)}</p>\n${membersTable(comp.members)}`,
        {
          rules: ["authority/council-composition"],
        },
      );
    }
    if (own.regulation) {
      const reg = own.regulation;
      page("/obshchestvennyy-sovet/polozhenie/", "Положение об общественном совете", () => docTable([reg]));
    }
    if (own.minutes.length)
      page("/obshchestvennyy-sovet/protokoly/", "Протоколы заседаний", () => docTable(own.minutes), {
        lastModified: own.minutes[0]?.date,
      });
    if (own.workPlan) {
      const wp = own.workPlan;
      page("/obshchestvennyy-sovet/plan-raboty/", "План работы общественного совета", () => docTable([wp]));
    }
    if (councilDocs.length || councilActs.length)
      page(
        "/obshchestvennyy-sovet/dokumenty/",
        "Документы общественного совета",
        () =>
          `${councilActs.length ? `<h2>Нормативные правовые акты</h2>\n${actsList(councilActs)}` : ""}\n${docTable(councilDocs)}`,
        {
          rules: councilActs.length ? ["authority/legal-acts"] : [],
          lastModified: newestDate(councilDocs, DEMO_CONTENT_UNTIL),
        },
      );
  } else if (c?.kind === "foreign") {
    page(
      "/obshchestvennyy-sovet/",
      c.name,
      () =>
        `${paras(c.intro)}\n${c.composition ? membersTable(c.composition.members) : ""}\n${docTable([...(c.regulation ? [c.regulation] : []), ...c.minutes])}`,
      {
        decoys: [
          "authority/council-composition",
          "authority/council-minutes",
          "authority/council-regulation",
        ],
      },
    );
  } else {
    page(
      "/obshchestvennyy-sovet/",
      "Общественный совет",
      () => "<p>Информация будет размещена после формирования общественного совета.</p>",
    );
  }

  // ---- Activities ----
  const acts: Item[] = [["Подведомственные учреждения", "/activities/uchrezhdeniya/"]];
  if (hasSection) acts.unshift([m.vocab.title, nokPath]);
  page(
    "/activities/",
    "Деятельность",
    () => `<ul class="links">${acts.map(([t, h]) => `<li>${a(h, t)}</li>`).join("\n")}</ul>`,
  );
  page(
    "/activities/uchrezhdeniya/",
    "Подведомственные учреждения",
    () => `<ul>${m.institutions.map((o) => `<li>${esc(o.name)}</li>`).join("\n")}</ul>`,
  );
  if (hasSection) {
    page(
      nokPath,
      m.vocab.title,
      () => `${paras(m.nokIntro)}
${m.legalActs.length ? `<h2>Нормативно-правовая база</h2>\n${actsList(m.legalActs)}` : ""}
${own ? `<p>Общественный совет: ${a("/obshchestvennyy-sovet/", own.name)}</p>` : ""}
${m.years.map((y) => `<h2>${m.vocab.yearTitle(y.year)}</h2>\n${docTable(y.docs)}`).join("\n")}
${m.zakupkiLink ? `<p>${a(m.zakupkiLink.href, m.zakupkiLink.text, 'target="_blank"')}</p>` : ""}
${m.ratingLinks.length ? `<h2>Оценить качество</h2>\n${m.ratingLinks.map((l) => `<p>${a(l.href, l.text, 'target="_blank"')}</p>`).join("\n")}` : ""}`,
      {
        rules: [
          "authority/nok-section",
          ...(m.legalActs.length ? (["authority/legal-acts"] as const) : []),
          ...(m.ratingLinks.length ? (["authority/rating-link"] as const) : []),
        ],
        lastModified: newestDate(
          m.years.flatMap((y) => y.docs),
          DEMO_CONTENT_UNTIL,
        ),
      },
    );
  }

  // ---- News, docs, ministry, contacts, home ----
  const pages = newsPages(m.news);
  pages.forEach((items, i) => {
    page(
      i === 0 ? "/news/" : `/news/?page=${i + 1}`,
      "Новости",
      () => `${items.map((n) => `<div class="news"><span>${ruCardDate(n.date)}</span> ${a(`/news/${n.id}.html`, n.title)}</div>`).join("\n")}
<div class="pages">${pages.map((_, j) => (j === i ? `<b>${j + 1}</b>` : a(j === 0 ? "/news/" : `/news/?page=${j + 1}`, String(j + 1)))).join(" ")}</div>`,
      { lastModified: items[0]?.date },
    );
  });
  for (const n of m.news)
    page(
      `/news/${n.id}.html`,
      n.title,
      () => `<p class="date">${ruCardDate(n.date)}</p>\n${paras(n.paragraphs)}`,
      {
        lastModified: n.date,
        decoys: n.mentionsNok ? ["authority/nok-section"] : [],
      },
    );
  // With neither a NOK section nor an own council, cycle documents end up among the ministry's documents.
  const looseDocs = !hasSection && !own ? m.years.flatMap((y) => y.docs) : [];
  const looseActs = !hasSection && !own ? m.legalActs : [];
  page(
    "/docs/",
    "Документы",
    () =>
      `<ul class="links">${m.generalDocs.map((d) => `<li>${a(`/docs/${d.id}.html`, d.title)} (${ruDate(d.date)})</li>`).join("\n")}</ul>${looseDocs.length ? `\n${docTable(looseDocs)}` : ""}${looseActs.length ? `\n<h2>Нормативные правовые акты</h2>\n${actsList(looseActs)}` : ""}`,
    { rules: looseActs.length ? ["authority/legal-acts"] : [] },
  );
  for (const d of m.generalDocs)
    page(`/docs/${d.id}.html`, d.title, () => paras(d.paragraphs), { lastModified: d.date });
  page(
    "/ministry/",
    aboutLabel(m),
    () => `${paras(m.about)}\n<p>${a("/ministry/rukovodstvo/", "Руководство")}</p>`,
  );
  page(
    "/ministry/rukovodstvo/",
    "Руководство",
    () => `<p><b>${esc(m.head.full)}</b> — ${esc(m.names.headTitle)}</p>`,
  );
  page(
    "/contacts/",
    "Контакты",
    () =>
      `<p>${esc(m.contacts.address)}</p><p>Телефон: <a href="tel:${m.contacts.phone.replace(/[^+\d]/g, "")}">${esc(m.contacts.phone)}</a></p><p>E-mail: <a href="mailto:${m.contacts.email}">${m.contacts.email}</a></p>`,
  );
  page(
    "/",
    m.names.nom,
    () => `<div class="home-news">${m.news
      .slice(0, 5)
      .map(
        (n) =>
          `<div class="news"><span>${ruCardDate(n.date)}</span> ${a(`/news/${n.id}.html`, n.title)}</div>`,
      )
      .join("\n")}</div>
<p>${a("/news/", "Все новости")}</p>`,
    { lastModified: m.news[0]?.date },
  );
  if (it.accessible === "real") b.evidenceAt(["authority/accessible-version"], "/?version=special");
  if (!hasSection && m.ratingLinks.length) b.evidenceAt(["authority/rating-link"], "/");
  // Without a section, pages holding scattered NOK material look like a section but are not one.
  if (!hasSection && own && (councilDocs.length > (own.composition?.doc ? 1 : 0) || councilActs.length))
    b.decoyAt(["authority/nok-section"], "/obshchestvennyy-sovet/dokumenty/");
  // NOK material in the NOK council's pages is the (incomplete, warn) evidence of a section.
  if (!hasSection && own?.kind === "nok") b.evidenceAt(["authority/nok-section"], "/obshchestvennyy-sovet/");
  if (looseDocs.length || looseActs.length) b.decoyAt(["authority/nok-section"], "/docs/");

  b.text("/robots.txt", "text/plain", () => "User-agent: *\nDisallow: /admin/\nDisallow: /search/\n");

  return b.build(
    {
      charset: "utf-8",
      charsetInHeader: true,
      server: "nginx/1.18.0",
      accessibleParam: it.accessible === "real" ? ["version", "special"] : null,
      slashRedirects: true,
      pageEtags: true,
    },
    (ctx) => layout(ctx, "Страница не найдена", `<p>Ошибка 404. ${a("/", "На главную")}</p>`),
  );
}

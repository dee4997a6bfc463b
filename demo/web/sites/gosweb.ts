/**
 * A Госвеб (gosweb.gosuslugi.ru) ministry site: long transliterated paths
 * (/deyatelnost/napravleniya-deyatelnosti/nezavisimaya-otsenka-kachestva-…/), cards instead of lists,
 * documents as cards whose only link is «Скачать (PDF, 245 Кб)», the «Решаем вместе» widget.
 */
import { DEMO_CONTENT_UNTIL } from "../clock.ts";
import { extOf } from "../docs/render.ts";
import type { DocItem, SiteModel } from "../model.ts";
import { ruCardDate } from "../texts/dates.ts";
import { type DocFiles, type RenderCtx, type SiteBuild, SiteBuilder, sitemapXml } from "./builder.ts";
import { aboutLabel, newestDate, newsPages, nokSlug } from "./common.ts";
import { a, actsList, esc, paras } from "./html.ts";

type Card = [title: string, href: string, text?: string];

export function goswebSite(m: SiteModel, files: DocFiles): SiteBuild {
  const b = new SiteBuilder(files);
  const s = m.spec;
  const it = s.items;
  const aboutPath = m.names.short === "департамент" ? "/o-departamente/" : "/o-ministerstve/";
  const dirPath = "/deyatelnost/napravleniya-deyatelnosti/";
  const nokPath = `${dirPath}${nokSlug(m)}/`;
  const nokoPath = `${dirPath}nezavisimaya-otsenka-kachestva-obrazovaniya/`;
  const hasSection = it.section === "branch";
  const ownCouncil = m.council && m.council.kind !== "foreign" ? m.council : null;
  const councilPath =
    ownCouncil && hasSection ? `${nokPath}obshchestvennyy-sovet/` : `${aboutPath}obshchestvennyy-sovet/`;

  const filePath = (doc: DocItem): string =>
    `/netcat_files/userfiles/${doc.date.slice(0, 4)}/${doc.fileName}_${doc.key.length}${doc.date.slice(5, 7)}.${extOf(doc.format)}`;

  const docCard = (doc: DocItem): string => {
    const path = filePath(doc);
    const f = b.file(path, doc, "attachment");
    return `<div class="gw-document-card">
  <div class="gw-document-card__type">${f.ext.toUpperCase()}</div>
  <div class="gw-document-card__title">${esc(doc.linkText)}</div>
  <div class="gw-document-card__date">Дата публикации: ${ruCardDate(doc.date)}</div>
  <a class="gw-document-card__download" href="${path}" download>Скачать (${f.label})</a>
</div>`;
  };
  const docCards = (docs: DocItem[]): string =>
    `<div class="gw-documents">\n${docs.map(docCard).join("\n")}\n</div>`;
  const cards = (list: Card[]): string =>
    `<div class="gw-cards">\n${list.map(([t, h, x]) => `<a class="gw-card" href="${h}"><span class="gw-card__title">${esc(t)}</span>${x ? `<span class="gw-card__text">${esc(x)}</span>` : ""}</a>`).join("\n")}\n</div>`;

  const menu: Card[] = [
    [aboutLabel(m), aboutPath],
    ["Деятельность", "/deyatelnost/"],
    ["Документы", "/dokumenty/"],
    ["Пресс-центр", "/press-tsentr/novosti/"],
    ["Обращения граждан", "/obrashcheniya-grazhdan/"],
    ["Контакты", "/kontakty/"],
  ];

  const layout = (ctx: RenderCtx, title: string, crumbs: Card[], body: string): string => `<!DOCTYPE html>
<html lang="ru" class="${ctx.special ? "gw-accessible" : ""}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — ${esc(m.names.nom)}</title>
<link rel="stylesheet" href="${ctx.special ? "/static/css/accessible.min.css?v=3.12.1" : "/static/css/main.min.css?v=3.12.1"}">
</head>
<body class="gw-body${ctx.special ? " gw-body--accessible gw-font-large" : ""}">
<header class="gw-header">
  <div class="gw-header__top">
    <a class="gw-header__gosuslugi" href="https://www.gosuslugi.ru/">Госуслуги</a>
    ${it.accessible === "none" ? "" : ctx.special ? `<a class="gw-header__vision" href="?vision=0">Обычная версия</a>` : `<a class="gw-header__vision" href="?vision=1">Версия для слабовидящих</a>`}
    <form class="gw-search" action="/poisk/"><input name="query" placeholder="Поиск"></form>
  </div>
  <a class="gw-header__logo" href="/">${ctx.special ? "" : '<img src="/static/img/emblem.svg" alt="">'}<span>${esc(m.names.nom)}</span></a>
  <nav class="gw-menu">${menu.map(([t, h]) => a(h, t, 'class="gw-menu__item"')).join("\n")}</nav>
</header>
<main class="gw-main">
${crumbs.length ? `<nav class="gw-breadcrumbs">${[["Главная", "/"] as Card, ...crumbs].map(([t, h]) => a(h, t)).join(" → ")}</nav>` : ""}
<h1 class="gw-title">${esc(title)}</h1>
${body}
</main>
<footer class="gw-footer">
  ${ctx.special ? "" : '<div class="gw-pos"><a href="https://pos.gosuslugi.ru/form/?opaId=000000">Решаем вместе</a> — не убран мусор, яма на дороге, не горит фонарь? Сообщите о проблеме.</div>'}
  <div class="gw-footer__contacts">
    <div>${esc(m.names.nom)}</div>
    <div>${esc(m.contacts.address)}</div>
    <div><a href="tel:${m.contacts.phone.replace(/[^+\d]/g, "")}">${esc(m.contacts.phone)}</a></div>
    <div><a href="mailto:${m.contacts.email}">${m.contacts.email}</a></div>
  </div>
  <div class="gw-footer__social"><a href="https://vk.com/">ВКонтакте</a> <a href="https://ok.ru/">Одноклассники</a> <a href="https://t.me/">Telegram</a></div>
  <div class="gw-footer__copy">© ${DEMO_CONTENT_UNTIL.slice(0, 4)}. Сайт создан на платформе «Госвеб».</div>
</footer>
</body>
</html>`;

  const page = (
    path: string,
    title: string,
    crumbs: Card[],
    body: (ctx: RenderCtx) => string,
    opts: Parameters<SiteBuilder["page"]>[2] = {},
  ): string => b.page(path, (ctx) => layout(ctx, title, crumbs, body(ctx)), opts);

  // ---- Деятельность ----
  const dirs: Card[] = [];
  if (hasSection) dirs.push([m.vocab.title, nokPath]);
  if (m.noko) dirs.push([m.noko.title, nokoPath]);
  dirs.push(
    ["Кадровое обеспечение", `${dirPath}kadrovoe-obespechenie/`],
    ["Контрольно-надзорная деятельность", `${dirPath}kontrolno-nadzornaya-deyatelnost/`],
  );
  page("/deyatelnost/", "Деятельность", [["Деятельность", "/deyatelnost/"]], () =>
    cards([
      ["Направления деятельности", dirPath],
      ["Государственные программы", "/deyatelnost/gosudarstvennye-programmy/"],
      ["Подведомственные организации", "/deyatelnost/podvedomstvennye-organizatsii/"],
    ]),
  );
  page(
    dirPath,
    "Направления деятельности",
    [
      ["Деятельность", "/deyatelnost/"],
      ["Направления деятельности", dirPath],
    ],
    () => cards(dirs),
  );
  page(`${dirPath}kadrovoe-obespechenie/`, "Кадровое обеспечение", [["Деятельность", "/deyatelnost/"]], () =>
    paras(["Информация о кадровом резерве, конкурсах и целевом обучении."]),
  );
  page(
    `${dirPath}kontrolno-nadzornaya-deyatelnost/`,
    "Контрольно-надзорная деятельность",
    [["Деятельность", "/deyatelnost/"]],
    () => paras(["Ведомственный контроль в подведомственных учреждениях: планы и результаты проверок."]),
  );
  page(
    "/deyatelnost/gosudarstvennye-programmy/",
    "Государственные программы",
    [["Деятельность", "/deyatelnost/"]],
    () => paras([m.generalDocs[1]?.title ?? ""]),
  );
  page(
    "/deyatelnost/podvedomstvennye-organizatsii/",
    "Подведомственные организации",
    [["Деятельность", "/deyatelnost/"]],
    () =>
      `<div class="gw-org-list">${m.institutions.map((o) => `<div class="gw-org"><div class="gw-org__name">${esc(o.name)}</div><div>ИНН ${o.inn}</div></div>`).join("\n")}</div>`,
  );

  const nokCrumbs: Card[] = [
    ["Деятельность", "/deyatelnost/"],
    ["Направления деятельности", dirPath],
    [m.vocab.title, nokPath],
  ];
  const councilDocs = ownCouncil
    ? [
        ...(ownCouncil.regulation ? [ownCouncil.regulation] : []),
        ...(ownCouncil.composition?.doc ? [ownCouncil.composition.doc] : []),
        ...(ownCouncil.workPlan ? [ownCouncil.workPlan] : []),
        ...ownCouncil.minutes,
      ]
    : [];
  if (hasSection) {
    const sub: Card[] = [];
    if (m.legalActs.length) sub.push(["Нормативные правовые акты", `${nokPath}normativnye-pravovye-akty/`]);
    if (ownCouncil) sub.push(["Общественный совет", councilPath, ownCouncil.name]);
    for (const y of m.years) sub.push([m.vocab.yearTitle(y.year), `${nokPath}nok-${y.year}/`]);
    page(
      nokPath,
      m.vocab.title,
      nokCrumbs,
      () => `${paras(m.nokIntro)}\n${cards(sub)}
${m.ratingLinks.length ? `<div class="gw-block gw-block--accent"><h2>Оцените качество условий оказания услуг</h2>${m.ratingLinks.map((l) => `<p>${a(l.href, l.text, 'target="_blank" class="gw-button"')}</p>`).join("\n")}</div>` : ""}`,
      {
        rules: [
          "authority/nok-section",
          ...(m.ratingLinks.length ? (["authority/rating-link"] as const) : []),
        ],
      },
    );
    if (m.legalActs.length)
      page(
        `${nokPath}normativnye-pravovye-akty/`,
        "Нормативные правовые акты",
        [...nokCrumbs, ["Нормативные правовые акты", ""]],
        () => actsList(m.legalActs, "gw-acts"),
        {
          rules: ["authority/legal-acts"],
        },
      );
    for (const y of m.years) {
      const contract = y.docs.some(
        (d) => d.key === `operator-${y.year}` && d.title.startsWith("Государственный контракт"),
      );
      page(
        `${nokPath}nok-${y.year}/`,
        m.vocab.yearTitle(y.year),
        [...nokCrumbs, [m.vocab.yearTitle(y.year), ""]],
        () =>
          `${docCards(y.docs)}${contract && m.zakupkiLink ? `\n<p>${a(m.zakupkiLink.href, m.zakupkiLink.text, 'target="_blank"')}</p>` : ""}`,
        {
          lastModified: newestDate(y.docs, DEMO_CONTENT_UNTIL),
          rules: contract ? ["authority/operator"] : [],
        },
      );
    }
  }
  if (ownCouncil) {
    const comp = ownCouncil.composition;
    page(
      councilPath,
      "Общественный совет",
      hasSection
        ? [...nokCrumbs, ["Общественный совет", ""]]
        : [
            [aboutLabel(m), aboutPath],
            ["Общественный совет", ""],
          ],
      () => `${paras(ownCouncil.intro)}
${comp && !comp.doc ? `<h2>Состав общественного совета</h2>\n<p>${esc(comp.approval)}</p>\n<div class="gw-persons">${comp.members.map((x) => `<div class="gw-person-card"><div class="gw-person-card__name">${esc(x.person.full)}</div><div class="gw-person-card__position">${esc(x.org)}</div><div class="gw-person-card__role">${esc(x.role)}</div></div>`).join("\n")}</div>` : ""}
<h2>Документы</h2>
${docCards(councilDocs)}`,
      { rules: comp && !comp.doc ? ["authority/council-composition"] : [] },
    );
  }
  if (m.noko) {
    const noko = m.noko;
    page(
      nokoPath,
      noko.title,
      [
        ["Деятельность", "/deyatelnost/"],
        ["Направления деятельности", dirPath],
        [noko.title, ""],
      ],
      () =>
        `${paras(noko.intro)}\n<h2>Нормативная база</h2>\n${actsList(noko.acts, "gw-acts")}\n<h2>Документы</h2>\n${docCards(noko.docs)}`,
      { decoys: ["authority/nok-section", "authority/legal-acts"] },
    );
  }

  // ---- О министерстве ----
  const aboutCards: Card[] = [["Руководство", `${aboutPath}rukovodstvo/`]];
  if (ownCouncil && !hasSection) aboutCards.push(["Общественный совет", councilPath]);
  page(
    aboutPath,
    aboutLabel(m),
    [[aboutLabel(m), aboutPath]],
    () => `${paras(m.about)}\n${cards(aboutCards)}`,
  );
  page(
    `${aboutPath}rukovodstvo/`,
    "Руководство",
    [
      [aboutLabel(m), aboutPath],
      ["Руководство", ""],
    ],
    () =>
      `<div class="gw-person-card"><div class="gw-person-card__name">${esc(m.head.full)}</div><div class="gw-person-card__position">${esc(m.names.headTitle)}</div></div>`,
  );

  // ---- News, documents, appeals, contacts ----
  const pages = newsPages(m.news);
  pages.forEach((items, i) => {
    const path = i === 0 ? "/press-tsentr/novosti/" : `/press-tsentr/novosti/?page=${i + 1}`;
    page(
      path,
      "Новости",
      [["Пресс-центр", "/press-tsentr/novosti/"]],
      () => `<div class="gw-news">${items.map((n) => `<a class="gw-news-card" href="/press-tsentr/novosti/${n.id}/"><span class="gw-news-card__date">${ruCardDate(n.date)}</span><span class="gw-news-card__title">${esc(n.title)}</span></a>`).join("\n")}</div>
<nav class="gw-pagination">${pages.map((_, j) => (j === i ? `<span>${j + 1}</span>` : a(j === 0 ? "/press-tsentr/novosti/" : `/press-tsentr/novosti/?page=${j + 1}`, String(j + 1)))).join(" ")}</nav>`,
      { lastModified: items[0]?.date },
    );
  });
  for (const n of m.news)
    page(
      `/press-tsentr/novosti/${n.id}/`,
      n.title,
      [["Пресс-центр", "/press-tsentr/novosti/"]],
      () => `<div class="gw-date">${ruCardDate(n.date)}</div>\n${paras(n.paragraphs)}`,
      {
        lastModified: n.date,
        decoys: n.mentionsNok ? ["authority/nok-section"] : [],
      },
    );
  // Without a NOK section, cycle documents sit among the ministry's other documents.
  const looseDocs = hasSection ? [] : m.years.flatMap((y) => y.docs);
  const looseActs = hasSection ? [] : m.legalActs;
  page(
    "/dokumenty/",
    "Документы",
    [["Документы", "/dokumenty/"]],
    () =>
      `${cards(m.generalDocs.map((d) => [d.title, `/dokumenty/${d.id}/`, ruCardDate(d.date)] as Card))}${looseDocs.length ? `\n${docCards(looseDocs)}` : ""}${looseActs.length ? `\n<h2>Нормативные правовые акты</h2>\n${actsList(looseActs, "gw-acts")}` : ""}`,
    { rules: looseActs.length ? ["authority/legal-acts"] : [] },
  );
  for (const d of m.generalDocs)
    page(`/dokumenty/${d.id}/`, d.title, [["Документы", "/dokumenty/"]], () => paras(d.paragraphs), {
      lastModified: d.date,
    });
  page(
    "/obrashcheniya-grazhdan/",
    "Обращения граждан",
    [["Обращения граждан", ""]],
    () =>
      `${paras(["Обращение можно направить в электронной форме через Единый портал государственных услуг или по почте.", `Личный прием проводит ${m.names.headTitle} ${m.head.full} по предварительной записи.`])}\n<p>${a("https://www.gosuslugi.ru/10091/1", "Написать обращение на Госуслугах")}</p>`,
  );
  page(
    "/kontakty/",
    "Контакты",
    [["Контакты", ""]],
    () =>
      `<div class="gw-contacts"><p>${esc(m.contacts.address)}</p><p><a href="tel:${m.contacts.phone.replace(/[^+\d]/g, "")}">${esc(m.contacts.phone)}</a></p><p><a href="mailto:${m.contacts.email}">${m.contacts.email}</a></p><p>${esc(m.contacts.hours)}</p></div>`,
  );

  page(
    "/",
    m.names.nom,
    [],
    () => `<section class="gw-section"><h2>Новости</h2><div class="gw-news">${m.news
      .slice(0, 4)
      .map(
        (n) =>
          `<a class="gw-news-card" href="/press-tsentr/novosti/${n.id}/"><span class="gw-news-card__date">${ruCardDate(n.date)}</span><span class="gw-news-card__title">${esc(n.title)}</span></a>`,
      )
      .join("\n")}</div></section>
<section class="gw-section"><h2>Направления деятельности</h2>${cards([...dirs.filter(([, h]) => h !== nokPath && h !== nokoPath), ["Все направления деятельности", dirPath]])}</section>
${!hasSection && m.ratingLinks.length ? `<section class="gw-section">${m.ratingLinks.map((l) => a(l.href, l.text, 'class="gw-banner"')).join("\n")}</section>` : ""}`,
    { lastModified: m.news[0]?.date },
  );
  if (it.accessible === "real") b.evidenceAt(["authority/accessible-version"], "/?vision=1");
  if (!hasSection && m.ratingLinks.length) b.evidenceAt(["authority/rating-link"], "/");
  // Without a section, pages holding scattered NOK material look like a section but are not one.
  if (!hasSection && (looseDocs.length || looseActs.length))
    b.decoyAt(["authority/nok-section"], "/dokumenty/");
  if (!hasSection && ownCouncil?.kind === "nok") b.decoyAt(["authority/nok-section"], councilPath);

  const paths = b.pagePaths();
  b.text(
    "/robots.txt",
    "text/plain; charset=utf-8",
    (ctx) =>
      `User-agent: *\nDisallow: /poisk/\nDisallow: /netcat/\nAllow: /\n\nSitemap: ${ctx.origin}/sitemap.xml\n`,
  );
  b.text("/sitemap.xml", "application/xml; charset=utf-8", (ctx) =>
    sitemapXml(ctx.origin, paths, DEMO_CONTENT_UNTIL),
  );

  return b.build(
    {
      charset: "utf-8",
      charsetInHeader: true,
      server: "nginx",
      accessibleParam: it.accessible === "real" ? ["vision", "1"] : null,
      slashRedirects: true,
      pageEtags: true,
    },
    (ctx) =>
      layout(
        ctx,
        "Ошибка 404",
        [],
        `<p>Страница не найдена или была удалена.</p><p>${a("/", "Вернуться на главную")}</p>`,
      ),
  );
}

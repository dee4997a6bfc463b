/**
 * A 1C-Bitrix ministry site: top menu «О министерстве / Деятельность / Документы / Общественный совет /
 * Контакты», the NOK section 2–3 clicks deep with sub-pages per year, a paginated news feed, hashed
 * upload paths, breadcrumbs, `?special=Y` for the version for the visually impaired.
 */
import { DEMO_CONTENT_UNTIL } from "../clock.ts";
import { extOf } from "../docs/render.ts";
import type { DocItem, SiteModel } from "../model.ts";
import { ruCardDate, ruDate } from "../texts/dates.ts";
import { type DocFiles, type RenderCtx, type SiteBuild, SiteBuilder, sitemapXml } from "./builder.ts";
import { aboutLabel, lowerLabel, newestDate, newsPages, nokSlug } from "./common.ts";
import { a, actsList, esc, hexOf, membersList, paras } from "./html.ts";

type Crumb = [text: string, href: string];

export function bitrixSite(m: SiteModel, files: DocFiles): SiteBuild {
  const b = new SiteBuilder(files);
  const s = m.spec;
  const it = s.items;
  const accessible = it.accessible;
  const nokPath = `/activity/${nokSlug(m)}/`;
  const hasSection = it.section === "branch";
  const ownCouncil = m.council && m.council.kind !== "foreign" ? m.council : null;

  const menu: Crumb[] = [
    [aboutLabel(m), "/about/"],
    ["Деятельность", "/activity/"],
    ["Документы", "/documents/"],
    ["Общественный совет", "/public-council/"],
    ["Пресс-центр", "/press/news/"],
    ["Контакты", "/contacts/"],
  ];

  const upload = (doc: DocItem): string =>
    `/upload/iblock/${hexOf(`${s.id}/${doc.key}/dir`, 3)}/${hexOf(`${s.id}/${doc.key}`, 32)}.${extOf(doc.format)}`;

  const docLi = (doc: DocItem): string => {
    const path = upload(doc);
    const f = b.file(path, doc);
    return `<li class="news-list__doc"><a class="doc-link doc-link--${f.ext}" href="${path}">${esc(doc.linkText)}</a> <span class="doc-size">(${lowerLabel(f.label)})</span> <span class="doc-date">${ruDate(doc.date)}</span></li>`;
  };
  const docList = (docs: DocItem[]): string => `<ul class="doc-list">\n${docs.map(docLi).join("\n")}\n</ul>`;

  const footerBanners = (): string => {
    const items = [
      a("https://www.gosuslugi.ru/", "Портал государственных услуг", 'class="banner"'),
      a("https://pos.gosuslugi.ru/", "Решаем вместе — сообщите о проблеме", 'class="banner"'),
    ];
    // Sites without a NOK section still often carry the bus.gov.ru banner site-wide.
    if (!hasSection)
      for (const l of m.ratingLinks)
        items.push(a(l.href, l.text, 'class="banner banner--busgov" target="_blank"'));
    return `<div class="banners">${items.join("\n")}</div>`;
  };

  const layout = (ctx: RenderCtx, title: string, crumbs: Crumb[], body: string, side = ""): string => {
    const special = ctx.special;
    const toolbar = special
      ? `<div class="special-panel">Размер шрифта: <button data-font="1">А</button> <button data-font="2">А</button> <button data-font="3">А</button> · Цвет сайта: <button data-color="1">Ц</button> <button data-color="2">Ц</button> · Изображения: <button data-img="0">выкл</button> · <a href="?special=N">Обычная версия сайта</a></div>`
      : accessible !== "none"
        ? `<a class="special-link" href="?special=Y" title="Версия для слабовидящих"><img src="/local/templates/main/images/eye.svg" alt=""> Версия для слабовидящих</a>`
        : "";
    const crumbHtml = crumbs.length
      ? `<div class="breadcrumbs">${[["Главная", "/"] as Crumb, ...crumbs]
          .map(([t, h], i, all) => (i === all.length - 1 ? `<span>${esc(t)}</span>` : a(h, t)))
          .join(' <span class="sep">/</span> ')}</div>`
      : "";
    return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} | ${esc(m.names.nom)}</title>
<meta name="description" content="${esc(`Официальный сайт: ${m.names.nom}`)}">
<link href="${special ? "/local/templates/main/css/special.css?1721035311" : "/bitrix/templates/main/template_styles.css?1721035311"}" type="text/css" rel="stylesheet">
${special ? "" : '<script src="/bitrix/js/main/core/core.min.js?1721035311"></script>'}
</head>
<body class="${special ? "special-version font-size-2 color-scheme-white" : "page"}">
<div class="top-bar">${toolbar}
<form class="search-form" action="/search/" method="get"><input type="text" name="q" placeholder="Поиск по сайту"><button type="submit">Найти</button></form>
</div>
<header class="header">
<a class="header__logo" href="/">${special ? "" : '<img src="/local/templates/main/images/gerb.png" alt="Герб">'}<span class="header__title">${esc(m.names.nom)}</span></a>
<div class="header__subtitle">Официальный сайт</div>
<div class="header__contacts"><a href="tel:${m.contacts.phone.replace(/[^+\d]/g, "")}">${esc(m.contacts.phone)}</a></div>
</header>
<nav class="top-menu"><ul>
${menu.map(([t, h]) => `<li>${a(h, t)}</li>`).join("\n")}
</ul></nav>
${crumbHtml}
<div class="content-wrap">
${side ? `<aside class="left-menu">${side}</aside>` : ""}
<main class="content">
<h1>${esc(title)}</h1>
${body}
</main>
</div>
<footer class="footer">
${special ? "" : footerBanners()}
<div class="footer__contacts">
<p>${esc(m.names.nom)}</p>
<p>Адрес: ${esc(m.contacts.address)}</p>
<p>Телефон приемной: <a href="tel:${m.contacts.phone.replace(/[^+\d]/g, "")}">${esc(m.contacts.phone)}</a>, факс: ${esc(m.contacts.fax)}</p>
<p>Электронная почта: <a href="mailto:${m.contacts.email}">${m.contacts.email}</a></p>
<p>Режим работы: ${esc(m.contacts.hours)}</p>
</div>
<div class="footer__copy">© 2012–${DEMO_CONTENT_UNTIL.slice(0, 4)} ${esc(m.names.nom)}. При использовании материалов ссылка на сайт обязательна.</div>
<div class="footer__links">${a("/sitemap/", "Карта сайта")} · ${a("/contacts/feedback/", "Интернет-приемная")}</div>
</footer>
</body>
</html>`;
  };

  const page = (
    path: string,
    title: string,
    crumbs: Crumb[],
    body: (ctx: RenderCtx) => string,
    opts: Parameters<SiteBuilder["page"]>[2] = {},
    side = "",
  ): string => b.page(path, (ctx) => layout(ctx, title, crumbs, body(ctx), side), opts);

  // ---- Activity and the NOK branch ----
  const activityItems: Crumb[] = [
    ["Государственные программы", "/activity/programs/"],
    ["Подведомственные учреждения", "/activity/uchrezhdeniya/"],
    ["Государственные услуги", "/activity/services/"],
  ];
  if (hasSection) activityItems.push([m.vocab.title, nokPath]);
  if (m.noko) activityItems.push([m.noko.title, "/activity/noko/"]);
  activityItems.push(["Противодействие коррупции", "/activity/anticorruption/"]);
  const activitySide = `<ul>${activityItems.map(([t, h]) => `<li>${a(h, t)}</li>`).join("")}</ul>`;

  page(
    "/activity/",
    "Деятельность",
    [["Деятельность", "/activity/"]],
    () => `<ul class="section-list">${activityItems.map(([t, h]) => `<li>${a(h, t)}</li>`).join("\n")}</ul>`,
  );
  page(
    "/activity/programs/",
    "Государственные программы",
    [
      ["Деятельность", "/activity/"],
      ["Государственные программы", ""],
    ],
    () =>
      paras([
        m.generalDocs[1]?.title ?? "",
        "Паспорт государственной программы, отчеты о ходе реализации размещены в разделе «Документы».",
      ]),
    {},
    activitySide,
  );
  page(
    "/activity/uchrezhdeniya/",
    "Подведомственные учреждения",
    [
      ["Деятельность", "/activity/"],
      ["Подведомственные учреждения", ""],
    ],
    () =>
      `<table class="table"><tr><th>Учреждение</th><th>ИНН</th></tr>\n${m.institutions.map((o) => `<tr><td>${esc(o.name)}</td><td>${o.inn}</td></tr>`).join("\n")}</table>`,
    {},
    activitySide,
  );
  page(
    "/activity/services/",
    "Государственные услуги",
    [
      ["Деятельность", "/activity/"],
      ["Государственные услуги", ""],
    ],
    () =>
      paras([
        "Перечень государственных услуг, предоставляемых в электронном виде через Единый портал государственных услуг.",
        "Административные регламенты размещены в разделе «Документы».",
      ]),
    {},
    activitySide,
  );
  page(
    "/activity/anticorruption/",
    "Противодействие коррупции",
    [
      ["Деятельность", "/activity/"],
      ["Противодействие коррупции", ""],
    ],
    () =>
      paras([
        "Нормативные правовые акты в сфере противодействия коррупции, методические материалы, формы документов, сведения о доходах.",
      ]),
    {},
    activitySide,
  );

  if (hasSection) {
    const nokCrumbs: Crumb[] = [
      ["Деятельность", "/activity/"],
      [m.vocab.title, nokPath],
    ];
    const yearLinks = m.years.map(
      (y) =>
        [m.vocab.yearTitle(y.year), `${nokPath}${m.spec.wording === "nok" ? "" : "nok-"}${y.year}/`] as Crumb,
    );
    const rules: Parameters<SiteBuilder["page"]>[2] = {
      rules: [
        "authority/nok-section",
        ...(m.legalActs.length ? (["authority/legal-acts"] as const) : []),
        ...(m.ratingLinks.length ? (["authority/rating-link"] as const) : []),
      ],
    };
    page(
      nokPath,
      m.vocab.title,
      nokCrumbs,
      () => `${paras(m.nokIntro)}
${m.legalActs.length ? `<h2>Нормативные правовые акты</h2>\n${actsList(m.legalActs)}` : ""}
${ownCouncil ? `<h2>Общественный совет</h2>\n<p>${a("/public-council/", ownCouncil.name)}</p>` : ""}
<h2>Материалы по годам</h2>
<ul class="section-list">${yearLinks.map(([t, h]) => `<li>${a(h, t)}</li>`).join("\n")}</ul>
${m.ratingLinks.length ? `<h2>Оценить качество условий оказания услуг</h2>\n<ul>${m.ratingLinks.map((l) => `<li>${a(l.href, l.text, 'target="_blank"')}</li>`).join("\n")}</ul>` : ""}`,
      rules,
      activitySide,
    );
    m.years.forEach((y, i) => {
      const [title, path] = yearLinks[i]!;
      const hasContract =
        m.zakupkiLink &&
        y.docs.some((d) => d.key === `operator-${y.year}` && d.title.startsWith("Государственный контракт"));
      page(
        path,
        title,
        [...nokCrumbs, [title, path]],
        () =>
          `${docList(y.docs)}\n${hasContract && m.zakupkiLink ? `<p>${a(m.zakupkiLink.href, m.zakupkiLink.text, 'target="_blank"')}</p>` : ""}`,
        {
          rules: hasContract ? ["authority/operator"] : [],
          lastModified: newestDate(y.docs, DEMO_CONTENT_UNTIL),
        },
        activitySide,
      );
    });
  }
  if (m.noko) {
    const noko = m.noko;
    page(
      "/activity/noko/",
      noko.title,
      [
        ["Деятельность", "/activity/"],
        [noko.title, "/activity/noko/"],
      ],
      () =>
        `${paras(noko.intro)}\n<h2>Нормативные документы</h2>\n${actsList(noko.acts)}\n<h2>Документы</h2>\n${docList(noko.docs)}`,
      { decoys: ["authority/nok-section", "authority/legal-acts"] },
      activitySide,
    );
  }

  // ---- Public council ----
  const councilCrumbs: Crumb[] = [["Общественный совет", "/public-council/"]];
  if (ownCouncil) {
    const sub: Crumb[] = [];
    if (ownCouncil.regulation) sub.push(["Положение об общественном совете", "/public-council/polozhenie/"]);
    if (ownCouncil.composition && !ownCouncil.composition.doc)
      sub.push(["Состав общественного совета", "/public-council/sostav/"]);
    if (ownCouncil.minutes.length) sub.push(["Протоколы заседаний", "/public-council/protokoly/"]);
    if (ownCouncil.workPlan) sub.push(["План работы", "/public-council/plan-raboty/"]);
    const side = `<ul>${sub.map(([t, h]) => `<li>${a(h, t)}</li>`).join("")}</ul>`;
    const scanDoc = ownCouncil.composition?.doc;
    page(
      "/public-council/",
      ownCouncil.name,
      councilCrumbs,
      () =>
        `${paras(ownCouncil.intro)}\n<ul class="section-list">${sub.map(([t, h]) => `<li>${a(h, t)}</li>`).join("\n")}</ul>${scanDoc ? `\n<h2>Документы</h2>\n${docList([scanDoc])}` : ""}`,
      {},
      side,
    );
    if (ownCouncil.regulation) {
      const reg = ownCouncil.regulation;
      page(
        "/public-council/polozhenie/",
        "Положение об общественном совете",
        [...councilCrumbs, ["Положение", ""]],
        () => docList([reg]),
        {},
        side,
      );
    }
    if (ownCouncil.composition && !ownCouncil.composition.doc) {
      const comp = ownCouncil.composition;
      page(
        "/public-council/sostav/",
        "Состав общественного совета",
        [...councilCrumbs, ["Состав", ""]],
        () => `<p>${esc(comp.approval)}</p>\n${membersList(comp.members)}`,
        { rules: ["authority/council-composition"] },
        side,
      );
    }
    if (ownCouncil.minutes.length) {
      const byYear = groupByYear(ownCouncil.minutes);
      page(
        "/public-council/protokoly/",
        "Протоколы заседаний общественного совета",
        [...councilCrumbs, ["Протоколы заседаний", ""]],
        () => byYear.map(([y, docs]) => `<h2>${y} год</h2>\n${docList(docs)}`).join("\n"),
        { lastModified: ownCouncil.minutes[0]?.date },
        side,
      );
    }
    if (ownCouncil.workPlan) {
      const wp = ownCouncil.workPlan;
      page(
        "/public-council/plan-raboty/",
        "План работы общественного совета",
        [...councilCrumbs, ["План работы", ""]],
        () => docList([wp]),
        {},
        side,
      );
    }
  } else if (m.council?.kind === "foreign") {
    const fc = m.council;
    const fcPath = "/public-council/dorozhnoe-hozyaystvo/";
    page(
      "/public-council/",
      "Общественные советы",
      councilCrumbs,
      () => `<p>Общественные советы при исполнительных органах ${esc(s.region.genitive)}, информация о которых размещена на сайте:</p>
<ul class="section-list"><li>${a(fcPath, fc.name)}</li></ul>
<p>Общественный совет при ${esc(m.names.shortPrep)} находится в стадии формирования. Информация будет размещена после утверждения его состава.</p>`,
    );
    page(
      fcPath,
      fc.name,
      [...councilCrumbs, [fc.name, fcPath]],
      () => `${paras(fc.intro)}
${fc.regulation ? `<h2>Положение</h2>\n${docList([fc.regulation])}` : ""}
${fc.composition ? `<h2>Состав</h2>\n<p>${esc(fc.composition.approval)}</p>\n${membersList(fc.composition.members)}` : ""}
${fc.minutes.length ? `<h2>Протоколы заседаний</h2>\n${docList(fc.minutes)}` : ""}`,
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
      "/public-council/",
      "Общественный совет",
      councilCrumbs,
      () => "<p>Раздел находится в стадии наполнения.</p>",
    );
  }

  // ---- News ----
  const pages = newsPages(m.news);
  pages.forEach((items, i) => {
    const path = i === 0 ? "/press/news/" : `/press/news/?PAGEN_1=${i + 1}`;
    page(
      path,
      "Новости",
      [
        ["Пресс-центр", "/press/news/"],
        ["Новости", ""],
      ],
      () => `<div class="news-list">
${items.map((n) => `<div class="news-list__item"><span class="news-list__date">${ruCardDate(n.date)}</span> ${a(`/press/news/${n.id}/`, n.title, 'class="news-list__title"')}<p>${esc(n.lead)}</p></div>`).join("\n")}
</div>
<div class="pager">${pages.map((_, j) => (j === i ? `<b>${j + 1}</b>` : a(j === 0 ? "/press/news/" : `/press/news/?PAGEN_1=${j + 1}`, String(j + 1)))).join(" ")}</div>`,
      { lastModified: items[0]?.date },
    );
  });
  for (const n of m.news) {
    page(
      `/press/news/${n.id}/`,
      n.title,
      [
        ["Пресс-центр", "/press/news/"],
        ["Новости", "/press/news/"],
        [n.title, ""],
      ],
      () =>
        `<div class="news-detail__date">${ruCardDate(n.date)}</div>\n${paras(n.paragraphs)}\n<p>${a("/press/news/", "← Вернуться к списку новостей")}</p>`,
      { lastModified: n.date, decoys: n.mentionsNok ? ["authority/nok-section"] : [] },
    );
  }

  // ---- Documents, about, contacts ----
  // Without a NOK section, cycle documents sit among the ministry's other documents.
  const looseDocs = hasSection ? [] : m.years.flatMap((y) => y.docs);
  const looseActs = hasSection ? [] : m.legalActs;
  page(
    "/documents/",
    "Документы",
    [["Документы", "/documents/"]],
    () =>
      `<ul class="doc-list">${m.generalDocs.map((d) => `<li>${a(`/documents/${d.id}/`, d.title)} <span class="doc-date">${ruDate(d.date)}</span></li>`).join("\n")}</ul>${looseDocs.length ? `\n${docList(looseDocs)}` : ""}${looseActs.length ? `\n<h2>Нормативные правовые акты</h2>\n${actsList(looseActs)}` : ""}`,
    { rules: looseActs.length ? ["authority/legal-acts"] : [] },
  );
  for (const d of m.generalDocs)
    page(
      `/documents/${d.id}/`,
      d.title,
      [
        ["Документы", "/documents/"],
        [d.title, ""],
      ],
      () => paras(d.paragraphs),
      { lastModified: d.date },
    );
  page(
    "/about/",
    aboutLabel(m),
    [[aboutLabel(m), "/about/"]],
    () =>
      `${paras(m.about)}\n<ul>${[
        ["Руководство", "/about/rukovodstvo/"],
        ["Структура", "/about/struktura/"],
      ]
        .map(([t, h]) => `<li>${a(h!, t!)}</li>`)
        .join("")}</ul>`,
  );
  page(
    "/about/rukovodstvo/",
    "Руководство",
    [
      [aboutLabel(m), "/about/"],
      ["Руководство", ""],
    ],
    () =>
      `<p><b>${esc(m.head.full)}</b></p><p>${esc(m.names.headTitle)}</p><p>Телефон приемной: ${esc(m.contacts.phone)}</p>`,
  );
  page(
    "/about/struktura/",
    "Структура",
    [
      [aboutLabel(m), "/about/"],
      ["Структура", ""],
    ],
    () =>
      `<ul>${["Отдел правового и кадрового обеспечения", "Отдел финансового обеспечения", "Отдел организации деятельности подведомственных учреждений", "Отдел контроля и мониторинга"].map((x) => `<li>${esc(x)}</li>`).join("")}</ul>`,
  );
  page(
    "/contacts/",
    "Контакты",
    [["Контакты", "/contacts/"]],
    () =>
      `<p>${esc(m.contacts.address)}</p><p>Телефон: <a href="tel:${m.contacts.phone.replace(/[^+\d]/g, "")}">${esc(m.contacts.phone)}</a></p><p>Телефон горячей линии: ${esc(m.contacts.hotline)}</p><p>E-mail: <a href="mailto:${m.contacts.email}">${m.contacts.email}</a></p><p>${a("/contacts/feedback/", "Интернет-приемная")}</p>`,
  );
  page(
    "/contacts/feedback/",
    "Интернет-приемная",
    [
      ["Контакты", "/contacts/"],
      ["Интернет-приемная", ""],
    ],
    () =>
      `<form method="post" action="/contacts/feedback/"><label>Фамилия, имя, отчество <input name="fio" required></label><label>E-mail <input name="email" type="email" required></label><label>Текст обращения <textarea name="text" required></textarea></label><button type="submit">Отправить обращение</button></form>`,
  );
  page("/search/", "Поиск", [["Поиск", ""]], () => "<p>Введите поисковый запрос.</p>");
  page(
    "/sitemap/",
    "Карта сайта",
    [["Карта сайта", ""]],
    () => `<ul>${[...menu, ...activityItems].map(([t, h]) => `<li>${a(h, t)}</li>`).join("\n")}</ul>`,
  );

  // ---- Home ----
  // The home page links «Деятельность» sub-sections except NOK/НОКО, which stay 2–3 clicks deep.
  const homeDirections = activityItems.filter(([, h]) => h !== nokPath && h !== "/activity/noko/");
  page(
    "/",
    m.names.nom,
    [],
    () => `<section class="main-news"><h2>Новости</h2>
${m.news
  .slice(0, 6)
  .map(
    (n) =>
      `<div class="main-news__item"><span class="date">${ruCardDate(n.date)}</span> ${a(`/press/news/${n.id}/`, n.title)}</div>`,
  )
  .join("\n")}
<p>${a("/press/news/", "Все новости")}</p></section>
<section class="directions"><h2>Направления деятельности</h2>
<ul>${homeDirections.map(([t, h]) => `<li>${a(h, t)}</li>`).join("")}</ul></section>`,
    { lastModified: m.news[0]?.date },
  );
  if (accessible === "real") b.evidenceAt(["authority/accessible-version"], "/?special=Y");
  if (!hasSection && m.ratingLinks.length) b.evidenceAt(["authority/rating-link"], "/");
  // Without a section, pages holding scattered NOK material look like a section but are not one.
  if (!hasSection && (looseDocs.length || looseActs.length))
    b.decoyAt(["authority/nok-section"], "/documents/");
  // NOK material in the NOK council's pages is the (incomplete, warn) evidence of a section.
  if (!hasSection && ownCouncil?.kind === "nok") b.decoyAt(["authority/nok-section"], "/public-council/");

  const paths = b.pagePaths();
  b.text(
    "/robots.txt",
    "text/plain; charset=utf-8",
    (ctx) =>
      `User-agent: *\nDisallow: /bitrix/\nDisallow: /search/\nDisallow: /auth/\nDisallow: /personal/\nDisallow: /*?print=\n\nSitemap: ${ctx.origin}/sitemap.xml\n`,
  );
  b.text("/sitemap.xml", "application/xml; charset=utf-8", (ctx) =>
    sitemapXml(ctx.origin, paths, DEMO_CONTENT_UNTIL),
  );

  return b.build(
    {
      charset: "utf-8",
      charsetInHeader: true,
      server: "nginx",
      poweredBy: "PHP/8.1.27",
      accessibleParam: accessible === "real" ? ["special", "Y"] : null,
      slashRedirects: true,
      pageEtags: true,
    },
    (ctx) =>
      layout(
        ctx,
        "Страница не найдена",
        [["404", ""]],
        `<p>Запрашиваемая страница не найдена. Перейдите на ${a("/", "главную страницу")} или воспользуйтесь поиском.</p>`,
      ),
  );
}

function groupByYear(docs: DocItem[]): [number, DocItem[]][] {
  const map = new Map<number, DocItem[]>();
  for (const d of docs) {
    const y = Number(d.date.slice(0, 4));
    map.set(y, [...(map.get(y) ?? []), d]);
  }
  return [...map.entries()].sort((x, y) => y[0] - x[0]);
}

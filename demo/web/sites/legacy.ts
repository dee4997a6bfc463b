/**
 * An old table-layout site in windows-1251 (the charset only in <meta http-equiv>, none in the header),
 * no frames, a left menu, `.php?id=` news, documents as .doc/.xls/.pdf links, a 2014-era NOK section.
 */
import { DEMO_CONTENT_UNTIL } from "../clock.ts";
import { extOf } from "../docs/render.ts";
import type { DocItem, SiteModel } from "../model.ts";
import { ruDate } from "../texts/dates.ts";
import { type DocFiles, type RenderCtx, type SiteBuild, SiteBuilder } from "./builder.ts";
import { aboutLabel, newestDate, newsPages } from "./common.ts";
import { a, actsList, esc, membersTable, paras } from "./html.ts";

export function legacySite(m: SiteModel, files: DocFiles): SiteBuild {
  const b = new SiteBuilder(files);
  const s = m.spec;
  const it = s.items;
  const hasSection = it.section === "branch";
  const ownCouncil = m.council && m.council.kind !== "foreign" ? m.council : null;

  const fileLink = (doc: DocItem, dir = "files"): string => {
    const path = `/${dir}/${doc.fileName}.${extOf(doc.format)}`;
    const f = b.file(path, doc);
    return `<a href="${path}">${esc(doc.linkText)}</a> <font size="1" color="#666666">(${f.ext}, ${f.label.split(", ")[1]})</font>`;
  };
  const fileList = (docs: DocItem[], dir?: string): string =>
    docs.map((d) => `<p>&#8226; ${fileLink(d, dir)}</p>`).join("\n");

  const menu: [string, string][] = [
    ["Главная", "/"],
    [aboutLabel(m), "/about.php"],
    ["Структура", "/struktura.php"],
    ["Нормативные документы", "/normativ.php"],
    ...(hasSection ? ([[m.vocab.title, "/nsok/index.php"]] as [string, string][]) : []),
    ["Общественный совет", "/sovet.php"],
    ["Новости", "/news.php"],
    ["Вакансии", "/vacancy.php"],
    ["Контакты", "/contacts.php"],
  ];

  const layout = (
    ctx: RenderCtx,
    title: string,
    body: string,
  ): string => `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>${esc(m.names.nom)} - ${esc(title)}</title>
<link rel="stylesheet" href="${ctx.special ? "/css/blind.css" : "/css/style.css"}" type="text/css">
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0"${ctx.special ? ' class="blind"' : ""}>
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td colspan="2" class="top" height="150">${ctx.special ? `<font size="5">${esc(m.names.nom)}</font>` : `<img src="/img/top.jpg" width="1000" height="150" alt="${esc(m.names.nom)}" border="0">`}</td></tr>
<tr>
<td width="220" valign="top" class="left" bgcolor="#E8EEF4">
<table width="100%" border="0" cellspacing="0" cellpadding="4">
${menu.map(([t, h]) => `<tr><td class="menu"><img src="/img/arrow.gif" width="7" height="7" alt=""> ${a(h, t)}</td></tr>`).join("\n")}
</table>
<br>
${it.accessible !== "none" ? `<p align="center">${a(ctx.special ? "?blind=0" : "?blind=1", ctx.special ? "Обычная версия" : "Версия для слабовидящих")}</p>` : ""}
${m.ratingLinks.map((l) => `<p align="center"><a href="${esc(l.href)}" target="_blank"><img src="/img/banners/busgov.gif" width="180" height="60" alt="${esc(l.text)}" border="0"><br>${esc(l.text)}</a></p>`).join("\n")}
<p align="center"><a href="http://www.gosuslugi.ru/" target="_blank"><img src="/img/banners/gosuslugi.gif" width="180" height="60" alt="Портал государственных услуг" border="0"></a></p>
<p align="center"><img src="/cgi-bin/counter.cgi?id=5521" width="88" height="31" alt="счетчик"></p>
</td>
<td valign="top" class="content" style="padding:10px">
<h1>${esc(title)}</h1>
${body}
</td>
</tr>
<tr><td colspan="2" class="bottom" bgcolor="#1F4E79"><font color="#FFFFFF" size="2">
&copy; 2008-${DEMO_CONTENT_UNTIL.slice(0, 4)} ${esc(m.names.nom)}<br>
${esc(m.contacts.address)}. Тел.: ${esc(m.contacts.phone)}, факс: ${esc(m.contacts.fax)}<br>
E-mail: <a href="mailto:${m.contacts.email}"><font color="#FFFFFF">${m.contacts.email}</font></a><br>
Сайт оптимизирован для просмотра в Internet Explorer 6.0 и выше при разрешении 1024x768
</font></td></tr>
</table>
</body>
</html>`;

  const page = (
    path: string,
    title: string,
    body: (ctx: RenderCtx) => string,
    opts: Parameters<SiteBuilder["page"]>[2] = {},
  ): string => b.page(path, (ctx) => layout(ctx, title, body(ctx)), opts);

  if (hasSection) {
    const council = ownCouncil;
    page(
      "/nsok/index.php",
      m.vocab.title,
      () => `${paras(m.nokIntro)}
${m.legalActs.length ? `<h3>Нормативные документы</h3>\n${actsList(m.legalActs)}` : ""}
${council ? `<p>${a("/sovet.php", council.name)}</p>` : ""}
${m.years.map((y) => `<h3>${y.year} год</h3>\n${fileList(y.docs, "files/nsok")}`).join("\n")}
${council?.minutes.length ? `<h3>Протоколы заседаний Общественного совета</h3>\n${fileList(council.minutes, "files/nsok")}` : ""}`,
      {
        rules: ["authority/nok-section", ...(m.legalActs.length ? (["authority/legal-acts"] as const) : [])],
        lastModified: newestDate(
          m.years.flatMap((y) => y.docs),
          "2016-12-01",
        ),
      },
    );
  }

  if (ownCouncil) {
    const c = ownCouncil;
    page(
      "/sovet.php",
      c.name,
      () => `${paras(c.intro)}
${c.regulation ? `<p>&#8226; ${fileLink(c.regulation)}</p>` : ""}
${c.workPlan ? `<p>&#8226; ${fileLink(c.workPlan)}</p>` : ""}
${c.composition && !c.composition.doc ? `<h3>Состав Общественного совета</h3>\n<p>${esc(c.composition.approval)}</p>\n${membersTable(c.composition.members)}` : ""}
${c.composition?.doc ? `<p>&#8226; ${fileLink(c.composition.doc)}</p>` : ""}
${!hasSection && c.minutes.length ? `<h3>Протоколы заседаний</h3>\n${fileList(c.minutes)}` : ""}`,
      { rules: c.composition && !c.composition.doc ? ["authority/council-composition"] : [] },
    );
  } else if (m.council?.kind === "foreign") {
    const fc = m.council;
    page(
      "/sovet.php",
      fc.name,
      () =>
        `${paras(fc.intro)}\n${fc.regulation ? `<p>&#8226; ${fileLink(fc.regulation)}</p>` : ""}\n${fc.composition ? membersTable(fc.composition.members) : ""}\n${fileList(fc.minutes)}`,
      {
        decoys: [
          "authority/council-composition",
          "authority/council-minutes",
          "authority/council-regulation",
        ],
      },
    );
  } else {
    page("/sovet.php", "Общественный совет", () => "<p>Раздел в стадии наполнения.</p>");
  }

  const pages = newsPages(m.news);
  pages.forEach((items, i) => {
    page(
      i === 0 ? "/news.php" : `/news.php?page=${i + 1}`,
      "Новости",
      () => `${items.map((n) => `<p><b>${ruDate(n.date)}</b> ${a(`/news.php?id=${n.id}`, n.title)}</p>`).join("\n")}
<p>Страницы: ${pages.map((_, j) => (j === i ? `[${j + 1}]` : a(j === 0 ? "/news.php" : `/news.php?page=${j + 1}`, String(j + 1)))).join(" ")}</p>`,
      { lastModified: items[0]?.date },
    );
  });
  for (const n of m.news)
    page(
      `/news.php?id=${n.id}`,
      n.title,
      () =>
        `<p><i>${ruDate(n.date)}</i></p>\n${paras(n.paragraphs)}\n<p>${a("/news.php", "Все новости")}</p>`,
      {
        lastModified: n.date,
        decoys: n.mentionsNok ? ["authority/nok-section"] : [],
      },
    );

  page("/about.php", aboutLabel(m), () => paras(m.about));
  page(
    "/struktura.php",
    "Структура",
    () =>
      `<table border="1" cellpadding="4" cellspacing="0"><tr><td>${esc(m.names.headTitle)}</td><td>${esc(m.head.full)}</td></tr><tr><td>Отдел организации деятельности подведомственных учреждений</td><td>тел. ${esc(m.contacts.fax)}</td></tr><tr><td>Отдел правового обеспечения</td><td>тел. ${esc(m.contacts.phone)}</td></tr></table>`,
  );
  // Without a NOK section, cycle documents sit among the ministry's other documents.
  const looseDocs = hasSection ? [] : m.years.flatMap((y) => y.docs);
  page(
    "/normativ.php",
    "Нормативные документы",
    () =>
      `${m.generalDocs.map((d) => `<p>&#8226; ${esc(d.title)} (${ruDate(d.date)})</p>`).join("\n")}${looseDocs.length ? `\n${fileList(looseDocs)}` : ""}${!hasSection && m.legalActs.length ? `\n${actsList(m.legalActs)}` : ""}`,
    { rules: !hasSection && m.legalActs.length ? ["authority/legal-acts"] : [] },
  );
  page(
    "/vacancy.php",
    "Вакансии",
    () => "<p>Вакантные должности государственной гражданской службы в настоящее время отсутствуют.</p>",
  );
  page(
    "/contacts.php",
    "Контакты",
    () =>
      `<p>${esc(m.contacts.address)}</p><p>Приемная: ${esc(m.contacts.phone)}</p><p>Горячая линия: ${esc(m.contacts.hotline)}</p><p>E-mail: <a href="mailto:${m.contacts.email}">${m.contacts.email}</a></p>`,
  );
  page(
    "/",
    "Главная",
    () => `<p>Добро пожаловать на официальный сайт! ${esc(m.about[0] ?? "")}</p>
<h3>Новости</h3>
${m.news
  .slice(0, 8)
  .map((n) => `<p><b>${ruDate(n.date)}</b> ${a(`/news.php?id=${n.id}`, n.title)}</p>`)
  .join("\n")}
<p>${a("/news.php", "Архив новостей")}</p>`,
    { lastModified: m.news[0]?.date },
  );
  if (m.ratingLinks.length) b.evidenceAt(["authority/rating-link"], "/");
  // Without a section, pages holding scattered NOK material look like a section but are not one.
  if (!hasSection && (looseDocs.length || (m.legalActs.length && !hasSection)))
    b.decoyAt(["authority/nok-section"], "/normativ.php");
  if (!hasSection && ownCouncil?.kind === "nok") b.decoyAt(["authority/nok-section"], "/sovet.php");
  if (it.accessible === "real") b.evidenceAt(["authority/accessible-version"], "/?blind=1");

  return b.build(
    {
      charset: "windows-1251",
      charsetInHeader: false,
      server: "Apache/2.2.22 (Debian)",
      poweredBy: "PHP/5.3.3-7+squeeze19",
      accessibleParam: it.accessible === "real" ? ["blind", "1"] : null,
      slashRedirects: false,
      directoryIndex: "index.php",
    },
    () =>
      `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n<hr>\n<address>Apache/2.2.22 (Debian) Server</address>\n</body></html>\n`,
  );
}

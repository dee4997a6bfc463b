import { describe, expect, it } from "vitest";
import { extractHtml } from "../../src/extract/html.ts";
import type { FormInfo } from "../../src/types/index.ts";

const BASE = "https://cult.tularegion.ru/activities/nok/";

const BITRIX_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Независимая оценка качества — Министерство культуры Тульской области</title>
<script src="/bitrix/js/main/core/core.js"></script>
<script src="/local/templates/main/js/bvi.min.js"></script>
<script>new isvek.Bvi({ target: '.bvi-open' });</script>
</head><body>
<div class="header-wrapper"><div class="logo">Министерство культуры Тульской области</div>
  <a class="bvi-open" href="#" title="Версия сайта для слабовидящих"><i class="icon-glasses"></i></a>
  <form action="/search/" method="get" class="search-form"><input type="text" name="q" placeholder="Поиск по сайту"><button>Найти</button></form>
</div>
<div class="bx-top-nav"><ul><li><a href="/about/">О министерстве</a></li><li><a href="/activities/">Деятельность</a></li><li><a href="/docs/">Документы</a></li></ul></div>
<div class="bx-breadcrumb"><a href="/">Главная</a> / <a href="/activities/">Деятельность</a></div>
<div class="workarea">
  <h1>Независимая оценка качества</h1>
  <p>Раздел создан в соответствии с Федеральным законом от 05.12.2017 № 392-ФЗ. Обновлено 14.03.2025.</p>
  <ul class="docs-list">
    <li><a href="/upload/iblock/1a2/polozhenie.pdf">Положение об общественном совете</a> (PDF, 320 КБ) от 28.12.2023</li>
    <li><a href="upload/protocol-3.docx" download>Протокол № 3 заседания общественного совета от 14.03.2025</a></li>
    <li><a href="/upload/plan.pdf"><img src="/i/pdf.png" alt="План по устранению недостатков на 2025 год"></a></li>
  </ul>
  <table><tr><td>Телефон приёмной</td><td><a href="tel:+74872245201">+7 (4872) 24-52-01</a></td></tr>
  <tr><td>Эл. почта</td><td><a href="mailto:mincult@tularegion.ru?subject=НОК">mincult@tularegion.ru</a></td></tr></table>
  <h2>Обратная связь</h2>
  <form action="/feedback/send.php" method="POST" enctype="multipart/form-data">
    <label for="fio">Ваше имя</label><input id="fio" name="fio" type="text">
    <label>E-mail <input name="email" type="email"></label>
    <textarea name="message" placeholder="Текст обращения"></textarea>
    <input type="file" name="attach"><input type="hidden" name="sessid" value="x">
    <button type="submit">Отправить обращение</button>
  </form>
</div>
<div class="sidebar"><h3>Полезные ссылки</h3><a href="https://bus.gov.ru/">bus.gov.ru</a></div>
<footer><p>© 2025 Министерство культуры. Тел.: 8 (4872) 30-12-00, факс 24-52-02. E-mail: info[at]tularegion.ru</p></footer>
</body></html>`;

describe("extractHtml on a Bitrix-like page", () => {
  const a = extractHtml(BITRIX_PAGE, BASE, BASE);

  it("takes the title and headings", () => {
    expect(a.title).toBe("Независимая оценка качества — Министерство культуры Тульской области");
    expect(a.headings).toEqual([
      { level: 1, text: "Независимая оценка качества" },
      { level: 2, text: "Обратная связь" },
      { level: 3, text: "Полезные ссылки" },
    ]);
  });

  it("separates main content from menus, header, sidebar and footer", () => {
    expect(a.mainText).toContain("Раздел создан в соответствии");
    expect(a.mainText).not.toContain("О министерстве");
    expect(a.mainText).not.toContain("Полезные ссылки");
    expect(a.mainText).not.toContain("© 2025");
    expect(a.navText).toContain("О министерстве");
    expect(a.navText).toContain("© 2025");
    expect(a.text).toContain("О министерстве");
    expect(a.text).toContain("Раздел создан");
    expect(a.text).not.toContain("isvek");
  });

  it("keeps table rows on one line", () => {
    expect(a.mainText).toMatch(/Телефон приёмной\t\+7 \(4872\) 24-52-01/);
  });

  it("extracts links with absolute URLs, image alt, context and inNav", () => {
    const byText = (t: string) => a.links.find((l) => l.text === t);
    expect(byText("Положение об общественном совете")).toMatchObject({
      url: "https://cult.tularegion.ru/upload/iblock/1a2/polozhenie.pdf",
      context: "Положение об общественном совете (PDF, 320 КБ) от 28.12.2023",
      inNav: false,
    });
    expect(byText("Протокол № 3 заседания общественного совета от 14.03.2025")).toMatchObject({
      url: "https://cult.tularegion.ru/activities/nok/upload/protocol-3.docx",
      download: true,
    });
    expect(byText("План по устранению недостатков на 2025 год")?.url).toBe(
      "https://cult.tularegion.ru/upload/plan.pdf",
    );
    expect(byText("Деятельность")?.inNav).toBe(true);
    expect(byText("bus.gov.ru")?.inNav).toBe(true);
  });

  it("gives breadcrumb links and card links no context from their neighbours", () => {
    // Modelled on Госвеб pages: a trail that names the NOK section, and a list of direction cards.
    const page = `<!DOCTYPE html><html><head><title>Общественный совет</title></head><body>
<nav class="gw-breadcrumbs"><a href="/">Главная</a> → <a href="/deyatelnost/">Деятельность</a> → <a href="/nok/">Независимая оценка качества условий оказания услуг</a></nav>
<main><div class="gw-cards">
<a class="gw-card" href="/nok/"><span class="gw-card__title">Независимая оценка качества условий оказания услуг</span></a>
<a class="gw-card" href="/kadry/"><span class="gw-card__title">Кадровое обеспечение</span></a>
</div><div><a href="/files/polozhenie.pdf">Положение</a> (PDF, 120 КБ)</div></main></body></html>`;
    const links = extractHtml(
      page,
      "https://minzdrav.example.ru/sovet/",
      "https://minzdrav.example.ru/sovet/",
    ).links;
    const byUrl = (path: string) => links.filter((l) => l.url === `https://minzdrav.example.ru${path}`);
    expect(byUrl("/deyatelnost/")[0]?.context).toBeUndefined();
    expect(byUrl("/kadry/")[0]?.context).toBeUndefined();
    // A lone link keeps what its parent says about it.
    expect(byUrl("/files/polozhenie.pdf")[0]?.context).toBe("Положение (PDF, 120 КБ)");
  });

  it("finds dates in title, headings and main text", () => {
    expect(a.dates.map((d) => d.date)).toEqual(["2017-12-05", "2025-03-14", "2023-12-28"]);
  });

  it("collects contacts from text and tel:/mailto: links", () => {
    expect(a.contacts.telLinks).toEqual(["tel:+74872245201"]);
    expect(a.contacts.mailtoLinks).toEqual([
      expect.stringMatching(/^mailto:mincult@tularegion\.ru\?subject=/),
    ]);
    expect(a.contacts.phones).toEqual(["+74872245201", "+74872301200", "245202"]);
    expect(a.contacts.emails).toEqual(["mincult@tularegion.ru", "info@tularegion.ru"]);
  });

  it("describes forms and marks the search form", () => {
    expect(a.forms).toHaveLength(2);
    const [search, feedback] = a.forms as (FormInfo & { search: boolean; text: string })[];
    expect(search).toMatchObject({
      action: "https://cult.tularegion.ru/search/",
      method: "get",
      search: true,
    });
    expect(feedback).toMatchObject({
      action: "https://cult.tularegion.ru/feedback/send.php",
      method: "post",
      hasTextarea: true,
      hasFileInput: true,
      search: false,
    });
    expect(feedback?.fields).toEqual([
      { name: "fio", type: "text", label: "Ваше имя" },
      { name: "email", type: "email", label: "E-mail" },
      { name: "message", type: "textarea", label: "Текст обращения" },
      { name: "attach", type: "file" },
    ]);
    expect(feedback?.text).toContain("Отправить обращение");
  });

  it("finds the visually-impaired toggle and the bvi scripts", () => {
    expect(a.accessibility?.links.map((l) => l.title)).toEqual(["Версия сайта для слабовидящих"]);
    expect(a.accessibility?.links[0]?.url).toBe(BASE);
    expect(a.accessibility?.scripts).toEqual([
      "https://cult.tularegion.ru/local/templates/main/js/bvi.min.js",
      "inline:bvi",
    ]);
  });

  it("is not a script shell", () => {
    expect(a.scriptShell).toBe(false);
  });
});

describe("extractHtml edge cases", () => {
  it("handles an old table layout with a left menu and broken markup", () => {
    const html = `<html><head><title>МБУК ДК</title><body><table width=100%><tr>
      <td class="leftmenu" width=200><a href="/index.php?id=1">Главная<a href="/index.php?id=2">Новости</a></td>
      <td class="content"><p><b>Сведения о</b> деятельности<p>Версия для слабовидящих: <a href="?special=Y">включить</a>
      <div itemprop="copy"><a href="/special/">Для слабовидящих</a></div></td></tr></table>`;
    const a = extractHtml(html, "http://dk.ru/", "http://dk.ru/");
    expect(a.mainText).toContain("Сведения о деятельности");
    expect(a.mainText).not.toContain("Новости");
    expect(a.links.find((l) => l.text === "Новости")?.inNav).toBe(true);
    expect(a.accessibility?.links.map((l) => l.url)).toEqual([
      "http://dk.ru/?special=Y",
      "http://dk.ru/special/",
    ]);
    expect(a.microdata.copy).toEqual(["Для слабовидящих", "http://dk.ru/special/"]);
  });

  it("reads microdata of a /sveden/ page", () => {
    const html = `<body><div itemprop="fullName">МБОУ «Средняя школа № 5»</div>
      <time itemprop="regDate" datetime="1998-09-01">1 сентября 1998</time>
      <a itemprop="licenseDocLink" href="/docs/license.pdf">Лицензия</a>
      <meta itemprop="telephone" content="+7 (4872) 30-40-50">
      <table><tr itemprop="uchredLaw"><td itemprop="nameUchred">Администрация города</td><td itemprop="mailUchred"></td></tr></table></body>`;
    const m = extractHtml(
      html,
      "https://school5.ru/sveden/common/",
      "https://school5.ru/sveden/common/",
    ).microdata;
    expect(m.fullName).toEqual(["МБОУ «Средняя школа № 5»"]);
    expect(m.regDate).toEqual(["1998-09-01"]);
    expect(m.licenseDocLink).toEqual(["https://school5.ru/docs/license.pdf"]);
    expect(m.telephone).toEqual(["+7 (4872) 30-40-50"]);
    expect(m.uchredLaw).toEqual(["Администрация города"]);
    expect(m.mailUchred).toEqual([""]);
  });

  it("flags an SPA shell and a «включите JavaScript» page as script-built", () => {
    const spa = `<html><head><title>Портал</title><script src="/app.js"></script></head><body><div id="app"></div></body></html>`;
    expect(extractHtml(spa, "https://a.ru/", "https://a.ru/").scriptShell).toBe(true);
    const notice = `<body><noscript>Для работы сайта включите JavaScript</noscript><div id="root"></div><script>1</script></body>`;
    expect(extractHtml(notice, "https://a.ru/", "https://a.ru/").scriptShell).toBe(true);
    const plain = `<body><p>${"Текст страницы. ".repeat(20)}</p><a href="/a">a</a></body>`;
    expect(extractHtml(plain, "https://a.ru/", "https://a.ru/").scriptShell).toBe(false);
  });

  it("uses <base href> and skips javascript: links", () => {
    const html = `<head><base href="https://gov.ru/region/"></head><body><a href="docs/1.pdf">Документ</a><a href="javascript:void(0)">x</a></body>`;
    const a = extractHtml(html, "https://mirror.ru/", "https://mirror.ru/");
    expect(a.links.map((l) => l.url)).toEqual(["https://gov.ru/region/docs/1.pdf"]);
  });

  it("does not split words at inline tags", () => {
    const a = extractHtml("<p><b>Прот</b>окол <span>заседания</span></p>", "https://a.ru/", "https://a.ru/");
    expect(a.text).toBe("Протокол заседания");
  });

  it("caps a huge page's text and says so", () => {
    const html = `<body><main>${"<p>Независимая оценка качества условий оказания услуг.</p>".repeat(2000)}</main></body>`;
    const a = extractHtml(html, "https://a.ru/", "https://a.ru/", {
      maxTextChars: 10_000,
      maxHtmlChars: 8_000_000,
    });
    expect(a.text.length).toBeLessThanOrEqual(10_000);
    expect(a.mainText.length).toBeLessThanOrEqual(10_000);
    expect(a.document?.truncated).toBe(true);
    const small = extractHtml("<p>коротко</p>", "https://a.ru/", "https://a.ru/");
    expect(small.document).toBeUndefined();
  });
});

describe("accessibility markers and forms on other templates", () => {
  it("recognises uhpv, lidrekon and special-version widgets and glasses icons", () => {
    const html = `<head><script src="https://lidrekon.ru/slep/js/uhpv-full.min.js"></script>
      <link rel="stylesheet" href="/css/special-version.css"><script>var specialVersion = true;</script></head>
      <body><button class="uhpv-hover"><img src="/img/glasses.svg" alt="Для слабовидящих"></button>
      <a href="/?visually-impaired=1"><span class="fa fa-eye"></span></a>
      <a href="/news/">Новости</a><a href="/special-offers/">Акции</a></body>`;
    const a = extractHtml(html, "https://museum.ru/", "https://museum.ru/");
    expect(a.accessibility?.scripts).toEqual([
      "https://lidrekon.ru/slep/js/uhpv-full.min.js",
      "inline:special-version",
      "https://museum.ru/css/special-version.css",
    ]);
    expect(a.accessibility?.links.map((l) => [l.url, l.text])).toEqual([
      ["https://museum.ru/", "Для слабовидящих"],
      ["https://museum.ru/?visually-impaired=1", ""],
    ]);
  });

  it("labels fields from a table layout and treats a lone query box as search", () => {
    const html = `<body><form action="feedback.php" method="post"><table>
      <tr><td>Фамилия, имя</td><td><input name="name"></td></tr>
      <tr><td>Ваш вопрос</td><td><textarea name="q"></textarea></td></tr></table><input type="submit" value="Задать вопрос"></form>
      <form action="/"><input name="s"></form></body>`;
    const [feedback, search] = extractHtml(html, "https://school.ru/", "https://school.ru/")
      .forms as (FormInfo & {
      search: boolean;
      text: string;
    })[];
    expect(feedback).toMatchObject({
      action: "https://school.ru/feedback.php",
      search: false,
      hasTextarea: true,
    });
    expect(feedback?.fields.map((f) => f.label)).toEqual(["Фамилия, имя", "Ваш вопрос"]);
    expect(feedback?.text).toContain("Задать вопрос");
    expect(search).toMatchObject({ action: "https://school.ru/", method: "get", search: true });
  });
});

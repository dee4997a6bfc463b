import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import type { AnyNode } from "domhandler";
import { describe, expect, it } from "vitest";
import { parseCounts, parseHtmlDocument } from "../../src/util/parse-html.ts";

/**
 * The fast path (htmlparser2 under a watcher) must give the tree parse5 gives, or hand the page to parse5.
 * Compared: elements with their attributes, and text, in document order (comments and the whitespace
 * between the top-level <html>, <head> and <body> are left out: no extraction reads them).
 */
function shape(nodes: AnyNode[], depth = 0, out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.type === "text") {
      const top =
        n.parent === null ||
        n.parent.type === "root" ||
        ["html", "head"].includes((n.parent as { name?: string }).name ?? "");
      if (!(top && !n.data.trim())) out.push(`${depth}:${JSON.stringify(n.data)}`);
    } else if (n.type === "tag" || n.type === "script" || n.type === "style") {
      const attrs = Object.entries(n.attribs).sort(([a], [b]) => a.localeCompare(b));
      out.push(`${depth}<${n.name}${attrs.map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join("")}>`);
      shape(n.children, depth + 1, out);
    }
  }
  return out;
}

const viaParse5 = (html: string) => shape(cheerio.load(html).root().contents().toArray());

function compare(html: string): "fast" | "parse5" {
  const before = parseCounts.fast;
  const fast = shape(parseHtmlDocument(html).children);
  expect(fast.join("\n")).toBe(viaParse5(html).join("\n"));
  return parseCounts.fast > before ? "fast" : "parse5";
}

const page = (body: string, head = "<title>Т</title>") =>
  `<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">${head}</head>\n<body>${body}</body>\n</html>\n`;

describe("parseHtmlDocument — clean pages take the fast path and give parse5's tree", () => {
  const clean: Record<string, string> = {
    "menu and content": page(
      `<nav><ul><li><a href="/a">О министерстве</a><ul><li><a href="/b">Документы</a></li></ul></li></ul></nav><main><h1>НОК</h1><p>Текст &laquo;в кавычках&raquo; &nbsp;и&amp;</p></main>`,
    ),
    "tables without tbody, cells without end tags": page(
      `<table><tr><td>1<td>2</tr><tr><th>A<th>B</table><p>после`,
    ),
    "paragraphs and list items without end tags": page(`<div><p>один<p>два<ul><li>a<li>b</ul></div>`),
    "metrika's noscript": page(
      `<p>x</p><noscript><div><img src="https://mc.yandex.ru/watch/1" style="position:absolute" alt="" /></div></noscript>`,
    ),
    "inline svg": page(`<a href="/"><svg viewBox="0 0 10 10"><path d="M0 0"/></svg>Главная</a>`),
    "pre with a leading newline": page(`<pre>\nстрока\n</pre>`),
    "windows line ends": page(`<p>a\r\nb\rc</p>`).replace(/\n/g, "\r\n"),
    "scripts and styles": page(
      `<script>if (a < b && c > d) document.write("</div>");</script><style>p>a{}</style><p>т`,
    ),
    "a heading closes a paragraph": page(`<p>вводный текст<h2>Раздел</h2>`),
    "a form with a search field": page(
      `<form action="/search"><input name="q"><button>Найти</button></form>`,
    ),
    "hidden input in a table": page(`<table><input type="hidden" name="x"><tr><td>1</td></tr></table>`),
    "an end tag closing inline children": page(`<div><span><em>a</em> b</div><p>c`),
    "a link closing a span": page(`<a href="/x"><span>Положение</a> <a href="/y">Состав</a>`),
  };
  for (const [name, html] of Object.entries(clean)) it(name, () => expect(compare(html)).toBe("fast"));
});

describe("parseHtmlDocument — broken markup: parse5's tree, whichever parser built it", () => {
  const broken: Record<string, string> = {
    "a link inside a link": page(`<a href="/1">Первая<a href="/2">Вторая</a>`),
    "formatting element left open across a block end": page(`<div><b>жирный</div>обычный`),
    "link left open across a block end": page(`<div><a href="/x">ссылка</div>текст после`),
    "misnested formatting and block": page(`<b><p>текст</b>ещё</p>`),
    "text directly in a table": page(`<table>Подпись<tr><td>1</td></tr></table>`),
    "a div directly in a table": page(`<table><div>вне</div><tr><td>1</td></tr></table>`),
    "a form wrapping table rows": page(
      `<table><form action="/f"><tr><td><input name="a"></td></tr></form></table>`,
    ),
    "content after </body>": `${page("<p>в теле</p>")}<div>после html</div>`,
    "content before <body>": `<!DOCTYPE html><html><head><title>T</title></head><div>до тела</div><body><p>тело</p></body></html>`,
    "no <body> tag": `<!DOCTYPE html><html><head><title>T</title></head><p>абзац</p></html>`,
    fragment: `<p>фрагмент <a href="/x">ссылка</a>`,
    "noscript holding a link": page(`<noscript><a href="/ns">без скриптов</a></noscript><p>т</p>`),
    "unclosed noscript": page(`<noscript><p>до конца`),
    "span closed over a div": page(`<span><div>внутри</span>снаружи</div>`),
    "paragraph left open under an inline element": page(`<p><span>текст<div>блок</div></span></p>`),
    "paragraph inside a button": page(`<button><p>кнопка</button>`),
    "</p> in a cell of a table inside a paragraph": page(`<p>a<table><tr><td>b</p>c</td></tr></table>`),
    "nested forms": page(`<form><div><form><input name="x"></form></div></form>`),
    "</form> over a div": page(`<form><div><input name="x"></form>после</div>`),
    "li inside a div inside an li": page(`<ul><li>a<div><li>b</div></ul>`),
    "heading inside a heading": page(`<h2>один<h3>два</h3>`),
    "select with a div": page(`<select><option>1<div>x</div></select>`),
    "a table cell outside a table": page(`<div><td>ячейка</td></div>`),
    "html comment end variants": page(`<!-- a --!><p>видно</p>`),
    "cdata in html": page(`<![CDATA[x>y]]><p>т</p>`),
    "nul in text": page(`<p>a\0b</p>`),
    "script with a comment and a script tag": page(
      `<script><!-- document.write("<script>x</script>"); --></script><p>после</p>`,
    ),
    "second body tag": page(`<p>a</p><body class="x"><p>b</p>`),
    "table section after rows": page(`<table><tr><td>1</td></tr><tfoot><tr><td>2</td></tr></tfoot></table>`),
    "cells directly in a table": page(`<table><td>1</td></table>`),
    "paragraph before a table": `<html><head></head><body><p>a<table><tr><td>1</td></tr></table></body></html>`,
    "iframe with markup": page(`<iframe><p>не разбирается</p></iframe>`),
    "svg with an html paragraph": page(`<svg><p>выпадает</p></svg>`),
    template: page(`<template><p>шаблон</p></template>`),
    "textarea with a leading newline": page(`<form><textarea name="t">\nтекст</textarea></form>`),
    "formatting left open in a cell": page(
      `<table><tr><td><b>жирный</td><td>обычный</td></tr></table><p>после`,
    ),
    "nested table left open": page(`<table><tr><td><table><tr><td>in</table></td></tr></table>`),
    "bare ampersands and legacy entities": page(`<a href="/s?a=1&copy=2&lang=ru">&copy 2026 &amp &lt;</a>`),
    // Found by the generator below.
    "a heading end tag for another heading": page(`<h2>заголовок</h1>после`),
    "a button start inside a select": page(`<select><button>x`),
    "entities in a textarea": page(`<textarea>a &amp; b`),
    "nested noscript": page(`<noscript><noscript></noscript></noscript>`),
    "an input after an open button": page(`<button><input>`),
    "a no-break space in an iframe": page(`<iframe>&nbsp;</iframe>`),
    "an end tag in an iframe": page(`<iframe></h1>`),
    "self-closing title": page(`<title/><p>т`),
    "noscript inside svg": page(`<svg><noscript><br></noscript></svg>`),
    "an end tag inside a select": page(`<div><select></div><p>т`),
    "a stray end tag between <pre> and its newline": page(`<pre></font>\nтекст</pre>`),
    "a comment between <pre> and its newline": page(`<pre><!-- c -->\nтекст</pre>`),
    "a cell start under a paragraph in a cell": page(`<table><tr><td><p>a<td>b</table>`),
    "a second form after the first was closed by its parent": page(`<address><form></address><form>`),
    "an end tag after </html>": `<!DOCTYPE html><html><head></head><body><dd></body></html></dd>\t`,
    "a heading end tag over a nested heading": page(`<h2><cite><h3>x</h2>после`),
    "an svg closed by a formatting end tag": page(`<em><svg></em><h3/><div>`),
    "a link element inside svg": page(`<svg><link>\n</svg>`),
    "svg title with markup": page(`<svg><title>a<b>c</title></svg>`),
    "a no-break space in a table": page(`<table>&nbsp;<tr><td>1</td></tr></table>`),
    "a table left open at </html>": `<!DOCTYPE html><html><head></head><body><table><tr></tr></html>\n`,
  };
  for (const [name, html] of Object.entries(broken)) it(name, () => compare(html));
});

/** A small seeded generator (LCG): pages near valid, broken by a few dropped or stray tags, and tag soup. */
function generator(seed: number) {
  let state = seed;
  const rnd = () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)] as T;
  const BLOCK =
    "div p ul ol table h1 h2 h3 nav section form dl pre blockquote header footer main center figure noscript select address details".split(
      " ",
    );
  const INLINE =
    "span a b i em strong font small u s code label button sub sup nobr q img br input svg iframe".split(" ");
  const TEXTS = [
    "текст",
    " ",
    "\n",
    "a &amp; b",
    "&nbsp;",
    "&copy",
    "x < y",
    "&#150;",
    "&lt;p&gt;",
    "\r\n",
    "<!-- c -->",
  ];
  const attr = () =>
    rnd() < 0.3
      ? ` class="${pick(["x", "item", "menu", "breadcrumb", "gw-card"])}"`
      : rnd() < 0.3
        ? ` href="/${pick(["a", "b?c=1&copy=2&amp;d"])}"`
        : rnd() < 0.1
          ? ' type="hidden"'
          : "";
  const kids = (d: number): string =>
    Array.from({ length: Math.floor(rnd() * 4) }, () => node(d + 1)).join("");
  const node = (d: number): string => {
    const r = rnd();
    if (d > 5 || r < 0.3) return pick(TEXTS);
    if (r < 0.55) {
      const t = pick(INLINE);
      return ["img", "br", "input"].includes(t) ? `<${t}${attr()}>` : `<${t}${attr()}>${kids(d)}</${t}>`;
    }
    const t = pick(BLOCK);
    if (t === "ul" || t === "ol")
      return `<${t}><li>${kids(d)}${rnd() < 0.8 ? "</li>" : ""}<li>${kids(d)}</${t}>`;
    if (t === "select") return `<select><option>${pick(TEXTS)}<option>${pick(TEXTS)}</select>`;
    if (t === "table")
      return `<table><tr><td>${kids(d)}${rnd() < 0.7 ? "</td>" : ""}<td>${kids(d)}</tr>\n<tr><td>${kids(d)}</table>`;
    return `<${t}${attr()}>${kids(d)}${t === "p" && rnd() < 0.3 ? "" : `</${t}>`}`;
  };
  const mutate = (h: string): string => {
    const toks = h.match(/<[^>]*>|[^<]+|</g) ?? [];
    for (let i = Math.floor(rnd() * 3); i > 0 && toks.length; i--) {
      const k = Math.floor(rnd() * toks.length);
      const m = rnd();
      if (m < 0.4 && toks[k]?.startsWith("</")) toks.splice(k, 1);
      else
        toks.splice(
          k,
          0,
          m < 0.7
            ? `</${pick([...BLOCK, ...INLINE])}>`
            : `<${pick([...BLOCK, ...INLINE])}${rnd() < 0.2 ? "/" : ""}>`,
        );
    }
    return toks.join("");
  };
  return (): string => {
    const doctype = pick([
      "<!DOCTYPE html>",
      "",
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',
    ]);
    let body = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => node(0)).join("\n");
    if (rnd() < 0.5) body = mutate(body);
    if (rnd() < 0.2) body = mutate(mutate(body).replace(/<\/?(?:p|li|td|b)>/g, ""));
    return `${doctype}\n<html><head><title>t</title></head>\n<body>${body}</body>\n</html>${rnd() < 0.2 ? mutate("<p>x</p>") : "\n"}`;
  };
}

describe("parseHtmlDocument — generated pages", () => {
  it("builds parse5's tree for 3,000 generated pages, near-valid and broken", () => {
    const next = generator(20261205);
    let fast = 0;
    for (let i = 0; i < 3000; i++) if (compare(next()) === "fast") fast++;
    // Without the fast path taken the comparison would prove nothing.
    expect(fast).toBeGreaterThan(1000);
  });
});

describe("parseHtmlDocument — the real-modelled corpus", () => {
  it("builds parse5's tree for every corpus page, most of them on the fast path", () => {
    const root = join(import.meta.dirname, "..", "corpus");
    const files: string[] = [];
    for (const group of readdirSync(root, { withFileTypes: true }))
      if (group.isDirectory())
        for (const f of readdirSync(join(root, group.name)))
          if (f.endsWith(".html")) files.push(join(root, group.name, f));
    expect(files.length).toBeGreaterThan(200);
    let fast = 0;
    for (const f of files) if (compare(readFileSync(f, "utf8")) === "fast") fast++;
    // The corpus is real pages rewritten: most of them are clean enough for the fast path.
    expect(fast / files.length).toBeGreaterThan(0.5);
  });
});

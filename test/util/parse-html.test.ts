import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as cheerio from "cheerio";
import type { AnyNode } from "domhandler";
import { describe, expect, it } from "vitest";
import { parseCounts, parseHtml } from "../../src/util/parse-html.ts";

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
  const fast = shape(parseHtml(html).root().contents().toArray());
  expect(fast.join("\n")).toBe(viaParse5(html).join("\n"));
  return parseCounts.fast > before ? "fast" : "parse5";
}

const page = (body: string, head = "<title>Т</title>") =>
  `<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">${head}</head>\n<body>${body}</body>\n</html>\n`;

describe("parseHtml — clean pages take the fast path and give parse5's tree", () => {
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

describe("parseHtml — broken markup: parse5's tree, whichever parser built it", () => {
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
  };
  for (const [name, html] of Object.entries(broken)) it(name, () => compare(html));
});

describe("parseHtml — the real-modelled corpus", () => {
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

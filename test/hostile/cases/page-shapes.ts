/**
 * Child-process case: hostile page shapes through the HTML extractor. `nested` wraps the text in 100,000
 * levels of each common tag; `links` is a home page with 200,000 links. Prints a JSON summary on stdout.
 */
import "./report-rss.ts";
import { extractHtml } from "../../../src/extract/html.ts";

const shape = process.argv[2];
const out: Record<string, unknown> = {};
if (shape === "nested") {
  for (const tag of ["div", "span", "table", "ul", "li", "p", "font", "section"]) {
    const depth = 100_000;
    const html = `<html><body><nav><a href="/menu">Меню</a></nav>${`<${tag}>`.repeat(depth)}глубокий текст${`</${tag}>`.repeat(depth)}<p>после</p></body></html>`;
    const page = extractHtml(html, "http://h/", "http://h/");
    out[tag] = { text: page.text, links: page.links.map((l) => l.url) };
  }
} else if (shape === "links") {
  const items: string[] = [];
  for (let i = 0; i < 200_000; i++) items.push(`<a href="/p${i}">Страница ${i}</a>`);
  const html = `<html><body><div class="content"><p>${items.join(" ")}</p></div><nav class="menu"><a href="/nok">Независимая оценка</a></nav></body></html>`;
  const page = extractHtml(html, "http://h/", "http://h/");
  out.links = page.links.length;
  out.first = page.links[0]?.url;
  out.navKept = page.links.some((l) => l.url === "http://h/nok" && l.inNav);
}
process.stdout.write(`${JSON.stringify(out)}\n`);

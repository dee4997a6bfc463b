import * as cheerio from "cheerio";
import type { AnyNode, Element, Text } from "domhandler";
import type { ExtractedLink, Heading, PageArtifacts } from "../types/index.ts";
import { collapseSpaces } from "./russian/normalize.ts";

const NAV_SELECTOR =
  "nav, header, footer, aside, [role=navigation], .menu, .nav, .navbar, .sidebar, .footer, .header, .breadcrumb, .breadcrumbs, #menu, #nav, #footer, #header";

/** Minimal HTML extraction: title, text, main/nav text, headings, links (with anchor text and context). */
export function extractHtml(html: string, url: string, finalUrl: string): Omit<PageArtifacts, "kind"> {
  const $ = cheerio.load(html);
  $("script, style, noscript, template, svg").remove();
  const title = collapseSpaces($("title").first().text());
  const headings: Heading[] = [];
  $("h1, h2, h3, h4, h5, h6").each((_, el) => {
    const text = collapseSpaces($(el).text());
    if (text) headings.push({ level: Number(el.tagName.slice(1)), text });
  });
  const links: ExtractedLink[] = [];
  $("a[href]").each((_, el) => {
    const a = $(el);
    const href = a.attr("href") ?? "";
    let abs: string;
    try {
      abs = new URL(href, finalUrl).toString();
    } catch {
      return;
    }
    const text = collapseSpaces(a.text()) || collapseSpaces(a.find("img").attr("alt") ?? "");
    const title = a.attr("title");
    const context = collapseSpaces(a.closest("li, tr, p, div").first().text()).slice(0, 300);
    links.push({
      url: abs,
      text,
      ...(title ? { title } : {}),
      ...(context && context !== text ? { context } : {}),
      inNav: a.closest(NAV_SELECTOR).length > 0,
      ...(a.attr("download") !== undefined ? { download: true } : {}),
    });
  });
  const body = $("body").length ? $("body") : $("html");
  const text = collapseSpaces(blockText(body));
  const navText = collapseSpaces(
    $(NAV_SELECTOR)
      .map((_, el) => blockText($(el)))
      .get()
      .join(" "),
  );
  const main = body.clone();
  main.find(NAV_SELECTOR).remove();
  const mainText = collapseSpaces(blockText(main)) || text;
  return {
    url,
    finalUrl,
    title,
    text,
    mainText,
    navText,
    headings,
    links,
    dates: [],
    contacts: { phones: [], emails: [], telLinks: [], mailtoLinks: [] },
    forms: [],
    microdata: {},
  };
}

/** Text with spaces between block elements, so «Меню</li><li>Документы» does not glue words. */
function blockText(node: cheerio.Cheerio<AnyNode>): string {
  const parts: string[] = [];
  const walk = (el: AnyNode): void => {
    if (el.type === "text") parts.push((el as Text).data);
    else if ("children" in el) {
      for (const child of (el as Element).children) walk(child);
      if (el.type === "tag") parts.push(" ");
    }
  };
  node.each((_, el) => walk(el));
  return parts.join("");
}

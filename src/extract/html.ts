import type { AnyNode, Document, Element } from "domhandler";
import { needsRendering } from "../crawl/browser/needs-rendering.ts";
import type { Heading, PageArtifacts } from "../types/index.ts";
import { pageElements, textContent } from "../util/dom-query.ts";
import { parseHtmlDocument } from "../util/parse-html.ts";
import { findAccessibility } from "./accessibility.ts";
import { extractBreadcrumbs, trailElement } from "./breadcrumbs.ts";
import { extractContacts } from "./contacts.ts";
import { extractForms } from "./forms.ts";
import { analyseLayout } from "./layout.ts";
import { DEFAULT_LIMITS, type ExtractLimits } from "./limits.ts";
import { extractLinks } from "./links.ts";
import { extractMicrodata } from "./microdata.ts";
import { capNesting } from "./nesting-cap.ts";
import { pageDates } from "./page-dates.ts";
import { collapseSpaces } from "./russian/normalize.ts";
import { tidyLines, visibleText } from "./visible-text.ts";

/**
 * HTML → artifacts: title, visible text split into main content and navigation, headings, links with their
 * context, dates, contacts, forms, microdata, accessibility markers and a script-shell hint. The tree is the
 * one parse5 builds, browser-like for broken markup (parse-html.ts: htmlparser2 where the two agree). Text
 * beyond `maxTextChars` is cut and the cut is reported as `document.truncated`.
 */
export function extractHtml(
  html: string,
  url: string,
  finalUrl: string,
  limits: Pick<ExtractLimits, "maxTextChars" | "maxHtmlChars"> &
    Partial<Pick<ExtractLimits, "maxPageTextChars">> = DEFAULT_LIMITS,
): Omit<PageArtifacts, "kind"> {
  const htmlCut = html.length > limits.maxHtmlChars;
  const doc = parseHtmlDocument(capNesting(htmlCut ? html.slice(0, limits.maxHtmlChars) : html));
  const max = Math.min(limits.maxTextChars, limits.maxPageTextChars ?? DEFAULT_LIMITS.maxPageTextChars);

  const all = pageElements(doc);
  const title = collapseSpaces(firstText(all, "title")) || collapseSpaces(firstText(all, "h1"));
  const headings = extractHeadings(all);
  const layout = analyseLayout(doc);
  const body = all.filter((e) => e.name === "body");
  const bodyNodes: AnyNode[] = body.length ? body : [doc];

  const fullText = tidyLines(visibleText(bodyNodes, undefined, max + 1));
  const text = fullText.slice(0, max);
  const navText = tidyLines(visibleText(layout.nav, undefined, max)).slice(0, max);
  const mainRoots = layout.main ? [layout.main] : bodyNodes;
  const mainText = tidyLines(visibleText(mainRoots, layout.navSet, max)).slice(0, max) || text;

  const trail = trailElement(doc);
  const links = extractLinks(doc, finalUrl, layout.navSet, undefined, trail);
  const accessibility = findAccessibility(doc, finalUrl);
  const truncated = htmlCut || fullText.length > max;

  return {
    url,
    finalUrl,
    title,
    text,
    mainText,
    navText,
    breadcrumbs: extractBreadcrumbs(doc, trail),
    headings,
    links,
    dates: pageDates(title, headings, mainText),
    contacts: extractContacts(text, links),
    forms: extractForms(doc, finalUrl),
    microdata: extractMicrodata(doc, finalUrl),
    ...(truncated ? { document: { truncated: true } } : {}),
    // The crawl's render policy and this flag are one heuristic (crawl/browser/needs-rendering.ts).
    scriptShell: needsRendering(doc).render,
    ...(accessibility.links.length || accessibility.scripts.length ? { accessibility } : {}),
  };
}

function firstText(all: Element[], name: string): string {
  const el = all.find((e) => e.name === name);
  return el ? textContent(el) : "";
}

const HEADING_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** `h1, h2, h3, h4, h5, h6, [role=heading]`. */
function extractHeadings(all: Element[]): Heading[] {
  const headings: Heading[] = [];
  for (const el of all.filter((e) => HEADING_TAGS.has(e.name) || e.attribs.role === "heading")) {
    const text = collapseSpaces(visibleText([el]));
    if (!text) continue;
    const level = /^h[1-6]$/i.test(el.name)
      ? Number(el.name.slice(1))
      : Number(el.attribs["aria-level"] ?? 2) || 2;
    headings.push({ level, text: text.slice(0, 500) });
  }
  return headings;
}

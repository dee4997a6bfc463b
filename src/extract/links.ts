import type { AnyNode, Document, Element } from "domhandler";
import type { ExtractedLink } from "../types/index.ts";
import { firstDescendant, pageElements, textContent } from "../util/dom-query.ts";
import { collapseSpaces } from "./russian/normalize.ts";
import { visibleText } from "./visible-text.ts";

const CONTEXT_RADIUS = 150;
/** The block whose text explains a link: a list item, a table row, a card of a document list. */
const CONTEXT_TAGS = new Set([
  "li",
  "tr",
  "dd",
  "dt",
  "p",
  "figure",
  "article",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);
const CARD_CLASS =
  /(?:^|[-_\s])(?:card|item|doc|docs|document|file|news|entry|row|record|list-el|element|post)(?:$|[-_\s])/i;
const IGNORED_SCHEMES = /^(?:javascript|data|about|vbscript):/i;

/**
 * Links kept per page. Real pages carry a few hundred; a page with 200,000 links (a hostile or broken
 * generator) would cost gigabytes in context texts and frontier entries and would still say nothing more.
 */
export const MAX_LINKS = 3000;

/**
 * Every <a href> (and <area href>), at most `maxLinks` of them: absolute URL, anchor text (or image alt), title,
 * context, inNav.
 */
export function extractLinks(
  doc: Document,
  baseUrl: string,
  navSet: Set<AnyNode>,
  maxLinks = MAX_LINKS,
  trail: Element | null = null,
): ExtractedLink[] {
  const base = documentBase(doc, baseUrl);
  const inTrail = trail ? new Set<AnyNode>([trail]) : null;
  const links: ExtractedLink[] = [];
  // One list item or paragraph may hold thousands of links: its text is taken once, not once per link.
  const blockTexts = new Map<AnyNode, string>();
  for (const el of keptAnchors(doc, navSet, maxLinks)) {
    const href = (el.attribs.href ?? "").trim();
    if (!href || IGNORED_SCHEMES.test(href)) continue;
    const url = resolveUrl(href, base);
    if (!url) continue;
    const text =
      collapseSpaces(textContent(el)) ||
      collapseSpaces(
        firstDescendant(el, (e) => e.name === "img" && e.attribs.alt != null)?.attribs.alt ?? "",
      ) ||
      collapseSpaces(el.attribs["aria-label"] ?? "") ||
      collapseSpaces(el.name === "area" ? (el.attribs.alt ?? "") : "");
    const title = collapseSpaces(
      el.attribs.title ??
        firstDescendant(el, (e) => e.name === "img" && e.attribs.title != null)?.attribs.title ??
        "",
    );
    // A breadcrumb's neighbours say where this page sits, not where the link leads.
    const context = inTrail && insideSet(el, inTrail) ? "" : linkContext(el, text, blockTexts);
    links.push({
      url,
      text,
      ...(title ? { title } : {}),
      ...(context && context !== text ? { context } : {}),
      inNav: insideSet(el, navSet),
      ...(el.attribs.download !== undefined ? { download: true } : {}),
    });
  }
  return links;
}

/**
 * The anchors to read, in document order: all of them when within the cap; otherwise the navigation's first
 * (menus lead to the sections the rules look for), then the rest in page order.
 */
function keptAnchors(doc: Document, navSet: Set<AnyNode>, maxLinks: number): Element[] {
  const all = pageElements(doc).filter(
    (e) => (e.name === "a" || e.name === "area") && e.attribs.href != null,
  );
  if (all.length <= maxLinks) return all;
  const kept = new Set<Element>();
  for (const el of all) {
    if (kept.size >= maxLinks) break;
    if (insideSet(el, navSet)) kept.add(el);
  }
  for (const el of all) {
    if (kept.size >= maxLinks) break;
    kept.add(el);
  }
  return all.filter((el) => kept.has(el));
}

/** `<base href>` changes how relative links resolve; many old sites use it. */
function documentBase(doc: Document, pageUrl: string): string {
  const href = pageElements(doc).find((e) => e.name === "base" && e.attribs.href != null)?.attribs.href;
  return (href && resolveUrl(href, pageUrl)) || pageUrl;
}

export function resolveUrl(href: string, base: string): string | null {
  try {
    // Windows-style backslashes and stray whitespace occur in hand-written old pages.
    return new URL(href.replace(/\\/g, "/").replace(/[\n\r\t]/g, ""), base).toString();
  } catch {
    return null;
  }
}

export function insideSet(el: AnyNode, set: Set<AnyNode>): boolean {
  for (let p: AnyNode | null = el; p; p = p.parent) if (set.has(p)) return true;
  return false;
}

/** Text of the nearest list item / table row / card, cut to a window around the link text. */
function linkContext(el: Element, text: string, blockTexts: Map<AnyNode, string>): string {
  let block: AnyNode | null = null;
  for (let p = el.parent; p && p.type === "tag"; p = p.parent) {
    const tag = (p as Element).name.toLowerCase();
    if (tag === "body") break;
    if (
      CONTEXT_TAGS.has(tag) ||
      ((tag === "div" || tag === "section") && CARD_CLASS.test((p as Element).attribs.class ?? ""))
    ) {
      block = p;
      break;
    }
  }
  if (!block) {
    // A link that is a card of its own (`<a class="gw-card">title<span>text</span></a>`) holds its words; the
    // parent would be the list of its sibling cards.
    if (CARD_CLASS.test(el.attribs.class ?? "")) return "";
    // A bare <div><a>Положение</a> (PDF, 120 КБ)</div>: the parent says enough when it is short.
    const parent = el.parent;
    if (parent?.type !== "tag" || (parent as Element).name.toLowerCase() === "body") return "";
    const near = textOf(parent, 1000, blockTexts);
    return near.length <= CONTEXT_RADIUS * 2 ? near : "";
  }
  const full = textOf(block, 20_000, blockTexts);
  if (full.length <= CONTEXT_RADIUS * 2) return full;
  const at = text ? full.indexOf(text) : -1;
  const center = at >= 0 ? at + text.length / 2 : 0;
  const start = Math.max(0, Math.round(center - CONTEXT_RADIUS));
  return full.slice(start, start + CONTEXT_RADIUS * 2).trim();
}

function textOf(node: AnyNode, max: number, cache: Map<AnyNode, string>): string {
  let text = cache.get(node);
  if (text === undefined) {
    // collapseSpaces alone: tidyLines only reshapes whitespace, which collapseSpaces folds to one space anyway.
    text = collapseSpaces(visibleText([node], undefined, max));
    cache.set(node, text);
  }
  return text;
}

import type { AnyNode, Document, Element } from "domhandler";
import { pageElements, textContent } from "../util/dom-query.ts";

/**
 * Page layout: which elements are navigation (menus, header, footer, sidebars, breadcrumbs) and which one holds
 * the main content. Semantic tags and ARIA roles first, then class/id names common on Russian CMSs
 * (1C-Bitrix `bx-*`, `workarea`; Госвеб/Joomla/WordPress `site-header`, `main-menu`; old table layouts with
 * `td.leftmenu`, `#content`).
 */
export interface Layout {
  /** Outermost navigation elements (nested ones are not listed twice). */
  nav: Element[];
  navSet: Set<AnyNode>;
  main: Element | null;
}

const NAV_TAGS = new Set(["nav", "aside"]);
const NAV_ROLES = new Set([
  "navigation",
  "banner",
  "contentinfo",
  "complementary",
  "search",
  "menubar",
  "menu",
]);

/** A class or id token that names a navigation block. */
export const NAV_TOKEN =
  /^(?:(?:top|main|left|right|side|sub|bottom|foot|footer|head|header|site|mobile|horizontal|vertical|catalog|section|bx|b|js|page|dropdown|hamburger|burger|mega)[-_]?){0,2}(?:menu|menus|nav|navbar|navigation|navmenu|sidebar|sidenav|breadcrumb|breadcrumbs|crumbs|submenu|topmenu|leftmenu)(?:[-_](?:wrap|wrapper|inner|container|block|box|list|items?|area|col|column|panel|top|left|right|main|section|horizontal|vertical|desktop|mobile|new|nav|menu|\d+))*$/i;
const HEADER_FOOTER_TOKEN =
  /^(?:(?:site|main|bx|b|global|page|l|layout|top|bottom)[-_]?)?(?:header|footer|heading-top|podval|shapka|copyright)(?:[-_](?:wrap|wrapper|inner|container|block|box|top|bottom|line|area|menu|nav|main|section|\d+))*$/i;
const SIDE_COLUMN_TOKEN =
  /^(?:left|right)[-_]?(?:col|column|side|block|part|panel|bar)$|^(?:col|column)[-_](?:left|right)$/i;
/** Bootstrap-style `page-header` wraps the page's own title: content, not navigation. */
const NOT_NAV_TOKEN = /^(?:page[-_]header|entry[-_]header|article[-_]header|news[-_]header|post[-_]header)$/i;

/**
 * The main-content tiers, most specific first; each stands for a selector list (written before each) and is
 * matched against the page's element list, as the selector would, in document order.
 */
interface MainTier {
  tags?: string[];
  role?: string;
  ids?: string[];
  classes?: string[];
}
const MAIN_TIERS: MainTier[] = [
  // main
  { tags: ["main"] },
  // [role=main]
  { role: "main" },
  // #workarea, .workarea, .bx-content, #bx-content
  { ids: ["workarea", "bx-content"], classes: ["workarea", "bx-content"] },
  // #content, #main-content, #maincontent, #page-content, #vikon-content, #main_content, #content-main
  {
    ids: [
      "content",
      "main-content",
      "maincontent",
      "page-content",
      "vikon-content",
      "main_content",
      "content-main",
    ],
  },
  // .main-content, .page-content, .content-area, .page__content, .main__content, .content__inner, .page-main,
  // .text-page, .maintext, .main-text, .news-detail, .article-detail, .gw-content
  {
    classes: [
      "main-content",
      "page-content",
      "content-area",
      "page__content",
      "main__content",
      "content__inner",
      "page-main",
      "text-page",
      "maintext",
      "main-text",
      "news-detail",
      "article-detail",
      "gw-content",
    ],
  },
  // article
  { tags: ["article"] },
  // .content, #main, .main, td.content, td.main (the td ones are within .content and .main)
  { ids: ["main"], classes: ["content", "main"] },
];

function inTier(el: Element, tier: MainTier): boolean {
  if (tier.tags?.includes(el.name)) return true;
  if (tier.role !== undefined && el.attribs.role === tier.role) return true;
  const id = el.attribs.id;
  if (id !== undefined && tier.ids?.includes(id)) return true;
  const classes = tier.classes;
  return classes !== undefined && (el.attribs.class?.split(/\s+/).some((c) => classes.includes(c)) ?? false);
}

export function analyseLayout(doc: Document): Layout {
  const main = findMain(doc);
  const mainAncestors = new Set<AnyNode>();
  for (let p: AnyNode | null = main; p; p = p.parent) mainAncestors.add(p);

  const navSet = new Set<AnyNode>();
  const nav: Element[] = [];
  // An explicit stack in document order, not recursion: hostile pages nest tags deeper than the call stack.
  const stack: [Element, boolean][] = [];
  const pushChildren = (children: AnyNode[], insideNav: boolean): void => {
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i] as AnyNode;
      if (child.type === "tag") stack.push([child as Element, insideNav]);
    }
  };
  pushChildren(doc.children, false);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [el, insideNav] = entry;
    const isNav = !insideNav && !mainAncestors.has(el) && looksLikeNav(el);
    if (isNav) nav.push(el);
    if (isNav || insideNav) navSet.add(el);
    pushChildren(el.children, isNav || insideNav);
  }
  return { nav, navSet, main };
}

function looksLikeNav(el: Element): boolean {
  const tag = el.name.toLowerCase();
  if (tag === "body" || tag === "html" || tag === "main") return false;
  if (NAV_TAGS.has(tag)) return true;
  const role = el.attribs.role?.toLowerCase();
  if (role && NAV_ROLES.has(role)) return true;
  // <header>/<footer> inside an article or main are the article's own title/meta, not the site's chrome.
  if ((tag === "header" || tag === "footer") && !hasAncestor(el, ["article", "main"])) return true;
  const cls = el.attribs.class;
  const id = el.attribs.id;
  // Most elements carry neither: no tokens to test (and no arrays to build).
  if (!cls && !id) return false;
  const tokens = [...(cls ?? "").split(/\s+/), id ?? ""].filter(Boolean);
  if (tokens.some((t) => NOT_NAV_TOKEN.test(t))) return false;
  // Breadcrumbs under any CMS prefix (`gw-breadcrumbs`, `b-crumbs__list`): navigation, never content.
  return tokens.some(
    (t) =>
      NAV_TOKEN.test(t) ||
      HEADER_FOOTER_TOKEN.test(t) ||
      SIDE_COLUMN_TOKEN.test(t) ||
      /breadcrumb|crumbs/i.test(t),
  );
}

function hasAncestor(el: Element, tags: string[]): boolean {
  for (let p = el.parent; p; p = p.parent) {
    if (p.type === "tag" && tags.includes((p as Element).name.toLowerCase())) return true;
  }
  return false;
}

/**
 * The main content container: the first selector tier that matches; within a tier, the element with the most
 * text. A tier whose best element holds almost no text (an empty `<main>` shell) is skipped.
 */
function findMain(doc: Document): Element | null {
  const all = pageElements(doc);
  for (const tier of MAIN_TIERS) {
    const found = all.filter((el) => inTier(el, tier));
    if (found.length === 0) continue;
    let best: Element | null = null;
    let bestLength = 0;
    for (const el of found) {
      const length = textContent(el).replace(/\s+/g, " ").length;
      if (length > bestLength) {
        best = el;
        bestLength = length;
      }
    }
    // Several <article> cards on a list page: their common parent is the content, not one card.
    if (tier.tags?.includes("article") && found.length > 1 && best?.parent?.type === "tag")
      best = best.parent as Element;
    if (best && bestLength >= 40) return best;
  }
  return null;
}

/**
 * The breadcrumb trail («Главная » Деятельность » Независимая оценка качества » Предложения»): the site's
 * own statement of where a page sits. It is navigation, never evidence, but it tells which section a
 * page belongs to when the page itself only says «Предложения общественного совета».
 */
import type { Document, Element } from "domhandler";
import { pageElements, textContent } from "../util/dom-query.ts";
import { collapseSpaces } from "./russian/normalize.ts";

/** `[class*=breadcrumb], [id*=breadcrumb], [class*=crumbs], [class*=pathway], [class*=navigation-chain], [itemtype*=BreadcrumbList]`. */
function isTrail(e: Element): boolean {
  const cls = e.attribs.class ?? "";
  return (
    cls.includes("breadcrumb") ||
    (e.attribs.id ?? "").includes("breadcrumb") ||
    cls.includes("crumbs") ||
    cls.includes("pathway") ||
    cls.includes("navigation-chain") ||
    (e.attribs.itemtype ?? "").includes("BreadcrumbList")
  );
}
const MAX_CHARS = 400;

/** The trail's element. Joomla marks each link (`a.pathway`), not the trail: its parent then. */
export function trailElement(doc: Document): Element | null {
  const el = pageElements(doc).find(isTrail);
  if (!el) return null;
  return el.name === "a" && el.parent?.type === "tag" ? (el.parent as Element) : el;
}

export function extractBreadcrumbs(doc: Document, trail = trailElement(doc)): string {
  if (!trail) return "";
  const text = collapseSpaces(textContent(trail));
  return text.length > MAX_CHARS ? "" : text;
}

import type { AnyNode, Document, Element, Text } from "domhandler";

/**
 * Plain walks over the parsed DOM for what extraction and the render heuristic ask per element. `$(el).find("img").first()` and
 * `$(el).text()` parse and compile a selector and wrap nodes on every call; on a page with hundreds of links
 * that was the largest cost of extraction. These give the same answers as cheerio does.
 */

/** domhandler's isTag: <script> and <style> have node types of their own. */
export function isTag(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

function hasChildren(node: AnyNode): node is AnyNode & { children: AnyNode[] } {
  return Object.hasOwn(node, "children");
}

/**
 * Pre-order walk over `roots` and everything below them, without recursion (nesting is capped before
 * parsing, but walks stay flat anyway). `visit` says whether to go below a node, or "stop" to end the walk.
 */
function walk(roots: AnyNode[], visit: (node: AnyNode) => boolean | "stop"): void {
  const lists: AnyNode[][] = [roots];
  const next: number[] = [0];
  while (lists.length > 0) {
    const top = lists.length - 1;
    const list = lists[top] as AnyNode[];
    const i = next[top] as number;
    if (i >= list.length) {
      lists.pop();
      next.pop();
      continue;
    }
    next[top] = i + 1;
    const node = list[i] as AnyNode;
    const below = visit(node);
    if (below === "stop") return;
    if (below && hasChildren(node) && node.children.length > 0) {
      lists.push(node.children);
      next.push(0);
    }
  }
}

/**
 * The descendant elements of `el` in document order that pass `test`, at most `limit`: `$(el).find(sel)`.
 * Like css-select, an element whose parent is an element only sees descendants linked to it through element
 * parents (so not a <template>'s content, which hangs under a document fragment); an element whose parent is
 * not one (the root's <html>, a template's top element) sees everything below it.
 */
export function descendants(
  el: Element,
  test: (e: Element) => boolean,
  limit = Number.POSITIVE_INFINITY,
): Element[] {
  const found: Element[] = [];
  const everything = !(el.parent && isTag(el.parent));
  walk(el.children.filter(isTag), (node) => {
    const tag = isTag(node);
    if (tag && test(node) && found.push(node) >= limit) return "stop";
    return tag || everything;
  });
  return found;
}

/** The first of `descendants`: `$(el).find(sel).first()`. */
export function firstDescendant(el: Element, test: (e: Element) => boolean): Element | undefined {
  // Most links hold only text: no element below, nothing to walk (and no arrays to allocate).
  if (!el.children.some(isTag)) return undefined;
  return descendants(el, test, 1)[0];
}

/**
 * All text below a node, comments left out: `$(node).text()` (domutils' textContent). Elements for which
 * `skip` says yes are left out with everything inside them, as if removed first.
 */
export function textContent(node: AnyNode, skip?: (el: Element) => boolean): string {
  if (node.type === "text") return node.data;
  if (node.type === "comment" || !hasChildren(node)) return "";
  // Most links and headings hold one text node: no walk needed.
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type === "text") return (only as Text).data;
  let out = "";
  walk(node.children, (child) => {
    if (child.type === "text") {
      out += child.data;
      return false;
    }
    if (skip && isTag(child) && skip(child)) return false;
    return child.type !== "comment";
  });
  return out;
}

const indexed = new WeakMap<Document, Element[]>();

/**
 * Every element of a parsed page in document order, as a selector run from the root sees them (template
 * content included), listed once per page: each `$("…")` from the root walked the whole tree again, and
 * extraction asks some thirty of them per page. The tree must not change after the first call.
 */
export function pageElements(doc: Document): Element[] {
  const cached = indexed.get(doc);
  if (cached) return cached;
  const list: Element[] = [];
  walk(doc.children, (node) => {
    if (isTag(node)) list.push(node);
    return true;
  });
  indexed.set(doc, list);
  return list;
}

/** `.name` in a selector: one of the element's whitespace-separated classes (case-sensitive, as css-select). */
export function hasClass(el: Element, name: string): boolean {
  return el.attribs.class?.split(/\s+/).includes(name) ?? false;
}

/** The element itself or its nearest element ancestor named `name`: `$(el).closest(name)`. */
export function closestTag(el: Element, name: string): Element | undefined {
  for (let p: AnyNode | null = el; p && isTag(p); p = p.parent) if (p.name === name) return p;
  return undefined;
}

/** The element just before `el` among its siblings, text and comments skipped: `$(el).prev()`. */
export function previousElement(el: Element): Element | undefined {
  let prev = el.prev;
  while (prev && !isTag(prev)) prev = prev.prev;
  return prev ?? undefined;
}

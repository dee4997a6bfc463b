import type { AnyNode, Element, Text } from "domhandler";
import { dropSoftHyphens } from "./russian/normalize.ts";

/** Inline elements: no word break around them, so «<b>Прот</b>окол» stays one word. */
const INLINE = new Set([
  "a",
  "abbr",
  "acronym",
  "b",
  "bdi",
  "bdo",
  "big",
  "cite",
  "code",
  "data",
  "dfn",
  "em",
  "font",
  "i",
  "kbd",
  "label",
  "mark",
  "nobr",
  "q",
  "s",
  "samp",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "tt",
  "u",
  "var",
  "wbr",
  "img",
]);

/** Elements whose content is never visible text. */
export const INVISIBLE = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "head",
  "iframe",
  "object",
  "embed",
  "canvas",
  "select",
  "option",
  "datalist",
]);

/**
 * Visible text of the given roots: block elements and <br> become line breaks, inline ones join, `skip`
 * elements (navigation when taking the main text) are left out. Stops after `max` characters.
 */
export function visibleText(roots: AnyNode[], skip?: Set<AnyNode>, max = Number.POSITIVE_INFINITY): string {
  const parts: string[] = [];
  let length = 0;
  // An explicit stack of open elements, not recursion: 100,000 nested tags must not exhaust the call stack.
  // Children are visited through an index, so stopping at `max` leaves the rest of a huge list untouched.
  // Inside a table cell, blocks (a <p> in a <td>) separate with a space: a table row reads as one line.
  interface Frame {
    nodes: readonly AnyNode[];
    next: number;
    inCell: boolean;
    sep: string;
  }
  const stack: Frame[] = [{ nodes: roots, next: 0, inCell: false, sep: "" }];
  while (stack.length > 0 && length < max) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next >= frame.nodes.length) {
      stack.pop();
      parts.push(frame.sep);
      continue;
    }
    const node = frame.nodes[frame.next++] as AnyNode;
    const inCell = frame.inCell;
    if (node.type === "text") {
      // One text node may be megabytes (a run of spaces): keep only what fits, so later passes stay small.
      const data = (node as Text).data;
      const kept = data.length > max - length ? data.slice(0, max - length) : data;
      parts.push(kept);
      length += kept.length;
      continue;
    }
    if (node.type !== "tag" && node.type !== "root") continue;
    if (skip?.has(node)) continue;
    const el = node as Element;
    const name = el.name?.toLowerCase();
    if (name && INVISIBLE.has(name)) continue;
    if (name === "br") {
      parts.push(inCell ? " " : "\n");
      continue;
    }
    const block = node.type === "tag" && !INLINE.has(name);
    const isRow = name === "tr" || name === "table";
    const isCell = name === "td" || name === "th";
    const sep = !block ? "" : isRow ? "\n" : isCell ? "\t" : inCell ? " " : "\n";
    parts.push(sep);
    stack.push({ nodes: el.children, next: 0, inCell: isRow ? false : inCell || isCell, sep });
  }
  return parts.join("");
}

/** Horizontal spaces (not tabs: a tab marks a table-cell boundary). */
const SPACE_RUN = /[ \u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
/**
 * Tabs with the spaces around them, after SPACE_RUN has left at most one space between tabs. The pattern
 * starts at a tab (or the single space before one), so it never rescans a long run of spaces: the older
 * `[ …]*\t[\s…]*` tried every position of a run and was quadratic (0.25 MB of spaces took 52 s).
 */
const TAB_RUN = / ?\t[\t ]*/g;

/** Collapse spaces inside lines (a run with a tab becomes one tab: cell boundaries), drop empty lines. */
export function tidyLines(text: string): string {
  // Neither run crosses a line break, so both are replaced over the whole text at once, not line by line.
  // The includes()/test() guards only skip passes that would change nothing.
  let t = dropSoftHyphens(text).replace(SPACE_RUN, " ");
  if (t.includes("\t")) t = t.replace(TAB_RUN, "\t");
  if (OTHER_BREAK.test(t))
    return t
      .split(LINE_BREAK)
      .map((line) => line.trim()) // trim() drops edge tabs too: an empty first or last cell separates nothing.
      .filter(Boolean)
      .join("\n");
  // The same in one pass: only spaces, tabs and \n are whitespace to trim() now, so trimming every line and
  // dropping the empty ones is folding each line break with the blanks around it into one \n.
  return t.replace(LINE_EDGES, "\n").trim();
}

const LINE_EDGES = /[ \t]*\n[ \t\n]*/g;

const LINE_BREAK = /[\n\r\f\v\u2028\u2029]/;
const OTHER_BREAK = /[\r\f\v\u2028\u2029]/;

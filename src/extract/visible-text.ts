import type { AnyNode, Element, Text } from "domhandler";

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
  // Inside a table cell, blocks (a <p> in a <td>) separate with a space: a table row reads as one line.
  const walk = (node: AnyNode, inCell: boolean): void => {
    if (length >= max) return;
    if (node.type === "text") {
      const data = (node as Text).data;
      parts.push(data);
      length += data.length;
      return;
    }
    if (node.type !== "tag" && node.type !== "root") return;
    if (skip?.has(node)) return;
    const el = node as Element;
    const name = el.name?.toLowerCase();
    if (name && INVISIBLE.has(name)) return;
    if (name === "br") {
      parts.push(inCell ? " " : "\n");
      return;
    }
    const block = node.type === "tag" && !INLINE.has(name);
    const isRow = name === "tr" || name === "table";
    const isCell = name === "td" || name === "th";
    const sep = !block ? "" : isRow ? "\n" : isCell ? "\t" : inCell ? " " : "\n";
    const childInCell = isRow ? false : inCell || isCell;
    parts.push(sep);
    for (const child of el.children) walk(child, childInCell);
    parts.push(sep);
  };
  for (const root of roots) walk(root, false);
  return parts.join("");
}

/** Collapse spaces inside lines (a run with a tab becomes one tab: cell boundaries), drop empty lines. */
export function tidyLines(text: string): string {
  return text
    .replace(/\u00ad/g, "")
    .split(/[\n\r\f\v\u2028\u2029]/)
    .map((line) =>
      line
        .replace(
          /[ \u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]*\t[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]*/g,
          "\t",
        )
        .replace(/[ \u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, " ")
        .replace(/^\t+|\t+$/g, "")
        .trim(),
    )
    .filter(Boolean)
    .join("\n");
}

/**
 * A DOM depth cap applied to the HTML source before parsing. parse5 checks element scopes by scanning its
 * stack of open elements, so 100,000 nested `<div>`s cost it about a minute (quadratic), and every recursive
 * walk after it (cheerio's `.text()`, css-select) would exhaust the call stack. Start tags that would open an
 * element deeper than `maxDepth` are dropped together with their end tags; their text stays, so the words of
 * a deeply nested page are still read.
 *
 * The scan is a linear tokeniser, not an HTML parser: it only has to estimate depth. Elements whose end tag
 * browsers imply (`<p>`, `<li>`, `<td>`…) are not counted, so old pages that never close their paragraphs keep
 * every tag. A page under the cap is returned unchanged (the same string).
 */
export const MAX_NESTING = 400;

const VOID = new Set([
  "area",
  "base",
  "basefont",
  "bgsound",
  "br",
  "col",
  "embed",
  "frame",
  "hr",
  "image",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
/** Elements browsers close by themselves when a sibling starts: not counted as depth. */
const IMPLIED_END = new Set([
  "p",
  "li",
  "dt",
  "dd",
  "option",
  "optgroup",
  "tr",
  "td",
  "th",
  "tbody",
  "thead",
  "tfoot",
  "colgroup",
  "rb",
  "rt",
  "rp",
  "rtc",
]);
/** Their content is text up to the matching end tag (what looks like tags inside is not). */
const RAW_TEXT = new Set([
  "script",
  "style",
  "textarea",
  "title",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
]);

export function capNesting(html: string, maxDepth = MAX_NESTING): string {
  // Depth maxDepth needs more than maxDepth start tags: a page with fewer "<" is returned without a scan.
  if (fewerThan(html, "<", maxDepth + 1)) return html;
  const lower = html.toLowerCase();
  const kept: string[] = [];
  let keptTo = 0;
  const drop = (from: number, to: number): void => {
    kept.push(html.slice(keptTo, from));
    keptTo = to;
  };
  // Open counted elements (names), how many of each are open, and how many end tags of each to drop.
  const stack: string[] = [];
  const open = new Map<string, number>();
  const dropped = new Map<string, number>();
  let i = lower.indexOf("<");
  while (i >= 0 && i < lower.length) {
    if (lower.startsWith("<!--", i)) {
      const end = lower.indexOf("-->", i + 4);
      if (end < 0) break;
      i = lower.indexOf("<", end + 3);
      continue;
    }
    const close = lower.charCodeAt(i + 1) === 47; // "/"
    const nameStart = close ? i + 2 : i + 1;
    let nameEnd = nameStart;
    while (nameEnd < lower.length && isNameChar(lower.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === nameStart || !isLetter(lower.charCodeAt(nameStart))) {
      i = lower.indexOf("<", i + 1);
      continue;
    }
    const gt = lower.indexOf(">", nameEnd);
    if (gt < 0) break;
    const name = lower.slice(nameStart, nameEnd);
    const tagEnd = gt + 1;
    if (close) {
      const pending = dropped.get(name) ?? 0;
      if (pending > 0) {
        dropped.set(name, pending - 1);
        drop(i, tagEnd);
      } else if ((open.get(name) ?? 0) > 0) {
        // An end tag closes everything opened after its element, as browsers do.
        for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
          open.set(top, (open.get(top) ?? 1) - 1);
          if (top === name) break;
        }
      }
      i = lower.indexOf("<", tagEnd);
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, tagEnd);
      if (end < 0) break;
      i = end;
      // The raw-text element's own end tag is handled as an ordinary end tag (never counted: not pushed).
      const endGt = lower.indexOf(">", end);
      if (endGt < 0) break;
      i = lower.indexOf("<", endGt + 1);
      continue;
    }
    const selfClosing = lower.charCodeAt(gt - 1) === 47;
    if (!VOID.has(name) && !selfClosing) {
      if (stack.length >= maxDepth) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        drop(i, tagEnd);
      } else if (!IMPLIED_END.has(name)) {
        stack.push(name);
        open.set(name, (open.get(name) ?? 0) + 1);
      }
    }
    i = lower.indexOf("<", tagEnd);
  }
  if (kept.length === 0) return html;
  kept.push(html.slice(keptTo));
  return kept.join("");
}

/** Whether `text` holds fewer than `n` occurrences of `ch`. */
function fewerThan(text: string, ch: string, n: number): boolean {
  let count = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) if (++count >= n) return false;
  return true;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95;
}

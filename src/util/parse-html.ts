import type { CheerioAPI } from "cheerio";
import * as cheerio from "cheerio";
import { type AnyNode, type Document, DomHandler, type Element, Text } from "domhandler";
import { Parser } from "htmlparser2";
import { foreignContent } from "parse5";

/**
 * A page's HTML → cheerio. htmlparser2 builds the tree in a fraction of parse5's time, but only parse5 repairs
 * broken markup the way browsers do (formatting elements reopened after a misnested end tag, table content
 * moved out of a table, content after </body> moved into it, <noscript> read as text…). So htmlparser2 builds
 * the tree while a watcher looks for every construct on which the two parsers can disagree; on the first one
 * the page goes to parse5. Clean pages (most CMS output) take the fast path and get the tree parse5 would
 * build; the equivalence is tested on broken snippets and on the corpus (test/util/parse-html.test.ts).
 */
export function parseHtml(html: string): CheerioAPI {
  const fast = fastTree(html);
  return fast ? cheerio.load(fast) : cheerio.load(html);
}

/** Pages each parser built in this process: the equivalence test checks that clean pages took the fast path. */
export const parseCounts = { fast: 0, parse5: 0 };

/** The HTML spec's input preprocessing: parse5 turns CR LF and lone CR into LF. */
function normaliseNewlines(html: string): string {
  return html.includes("\r") ? html.replace(/\r\n?/g, "\n") : html;
}

/** Markup whose tokenising differs between the parsers: NUL, `--!>` comment ends, CDATA outside SVG/MathML. */
const TOKENISER_TRAPS = ["\0", "--!>", "<![CDATA["];

function fastTree(raw: string): Document | null {
  if (TOKENISER_TRAPS.some((t) => raw.includes(t))) return miss();
  const html = normaliseNewlines(raw);
  const handler = new WatchingHandler(html);
  const parser = new Parser(handler, { decodeEntities: true });
  try {
    parser.end(html);
  } catch (err) {
    if (err === DISAGREE) return miss();
    throw err;
  }
  if (!handler.finish()) return miss();
  parseCounts.fast++;
  return handler.root;
}

function miss(): null {
  parseCounts.parse5++;
  return null;
}

const DISAGREE = Symbol("parsers disagree");

const FORMATTING = new Set([
  "a",
  "b",
  "big",
  "code",
  "em",
  "font",
  "i",
  "nobr",
  "s",
  "small",
  "strike",
  "strong",
  "tt",
  "u",
]);

/** The HTML spec's "special" category (HTML namespace). */
const SPECIAL = new Set(
  (
    "address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup " +
    "dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head " +
    "header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes " +
    "noscript object ol p param plaintext pre script search section select source style summary table tbody td " +
    "template textarea tfoot th thead title tr track ul wbr xmp"
  ).split(" "),
);

/** Elements that bound "has an element in scope" (and button scope adds button). */
const SCOPE_BOUNDARY = new Set([
  "applet",
  "caption",
  "html",
  "table",
  "td",
  "th",
  "marquee",
  "object",
  "template",
]);

/** Start tags before which parse5 closes an open <p> in button scope. */
const CLOSES_P = new Set(
  (
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 " +
    "h2 h3 h4 h5 h6 header hgroup hr li dd dt listing main menu nav ol p plaintext pre search section summary " +
    "table ul xmp"
  ).split(" "),
);

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const TABLE_PARTS = new Set(["caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr", "td", "th"]);
const TABLE_CONTAINERS = new Set(["table", "tbody", "thead", "tfoot", "tr"]);
/** What parse5 inserts in place under table/tbody/thead/tfoot/tr (anything else is moved before the table). */
const TABLE_CHILDREN: Record<string, Set<string>> = {
  table: new Set(["caption", "colgroup", "tbody", "thead", "tfoot", "tr", "script", "style"]),
  tbody: new Set(["tr", "script", "style"]),
  thead: new Set(["tr", "script", "style"]),
  tfoot: new Set(["tr", "script", "style"]),
  tr: new Set(["td", "th", "script", "style"]),
};
const HEAD_CONTENT = new Set([
  "html",
  "head",
  "title",
  "meta",
  "link",
  "script",
  "style",
  "base",
  "noscript",
]);
/** parse5 reads these elements' content as text, or treats them in ways htmlparser2 does not imitate. */
const EXOTIC = new Set([
  "plaintext",
  "xmp",
  "noembed",
  "noframes",
  "frameset",
  "frame",
  "image",
  "isindex",
  "template",
  "math",
]);
/** HTML elements that break out of an <svg> in parse5. */
const SVG_BREAKOUT = new Set(
  (
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu " +
    "meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var font"
  ).split(" "),
);
/** Raw-text containers in parse5: an element opened inside one would be text there. */
const RAW_TEXT = new Set(["iframe", "noembed", "noframes", "xmp"]);

/**
 * A DomHandler that throws DISAGREE on the first event after which parse5's tree could differ. Every check
 * errs towards parse5: a false alarm costs time, a missed one a different tree.
 */
class WatchingHandler extends DomHandler {
  private readonly source: string;
  /** Elements htmlparser2 closed without their end tag since the last other event. */
  private implied: Element[] = [];
  /** Where parse5 puts text after </body>: the element it left open deepest (it closes nothing there). */
  private tail: Element | null = null;
  /** A doctype that keeps parse5 out of quirks mode (where a <table> does not close a <p>). */
  private standardsMode = false;
  private bodySeen = false;
  private afterBody = false;
  private htmlSeen = false;
  /** Where the open <noscript>'s content starts in the source (parse5 reads it as text). */
  private noscriptFrom = -1;
  private noscriptDepth = 0;
  private stripNewline = false;
  private headSeen = false;
  private body: Element | null = null;
  /** The <tbody> parse5 puts between a <table> and its first <tr>; htmlparser2's own stack never sees it. */
  private readonly syntheticBodies = new Set<AnyNode>();
  private reader: Parser | null = null;

  constructor(source: string) {
    super();
    this.source = source;
  }

  override onparserinit(parser: Parser): void {
    super.onparserinit(parser);
    this.reader = parser;
  }

  private get names(): Element[] {
    return this.tagStack as Element[];
  }

  private top(): string {
    const t = this.tagStack[this.tagStack.length - 1];
    return t && t.type !== "root" ? (t as Element).name : "";
  }

  private has(name: string): boolean {
    for (let i = this.tagStack.length - 1; i > 0; i--)
      if ((this.names[i] as Element).name === name) return true;
    return false;
  }

  /** parse5's "has an element in (button) scope". */
  private inScope(name: string, button: boolean): boolean {
    for (let i = this.tagStack.length - 1; i > 0; i--) {
      const n = (this.names[i] as Element).name;
      if (n === name) return true;
      if (SCOPE_BOUNDARY.has(n) || (button && n === "button")) return false;
    }
    return false;
  }

  /** An open li/dd/dt that parse5's start-tag walk would close (special elements other than address/div/p stop it). */
  private listItemOpen(closes: Set<string>): boolean {
    for (let i = this.tagStack.length - 1; i > 0; i--) {
      const n = (this.names[i] as Element).name;
      if (closes.has(n)) return true;
      if (SPECIAL.has(n) && n !== "address" && n !== "div" && n !== "p") return false;
    }
    return false;
  }

  private inSvg(): boolean {
    for (let i = this.tagStack.length - 1; i > 0; i--) {
      const n = (this.names[i] as Element).name;
      if (n === "svg") return true;
      if (n === "foreignObject" || n === "desc" || n === "title") return false;
    }
    return false;
  }

  /** Elements htmlparser2 closed because `tag` started (a <p> before a <div>, a cell before a cell). */
  private checkImplied(tag: string): void {
    for (const { name } of this.implied) {
      if (FORMATTING.has(name) || (SCOPE_BOUNDARY.has(name) && !TABLE_PARTS.has(tag))) throw DISAGREE;
      if (name === "p" && tag === "table" && !this.standardsMode) throw DISAGREE;
    }
    this.implied.length = 0;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.stripNewline = false;
    if (this.noscriptDepth > 0) {
      if (name === "noscript") this.noscriptDepth++;
      super.onopentag(name, attribs);
      return;
    }
    // htmlparser2 closed these because of this start tag (a <p> before a <div>, an <li> before an <li>): parse5
    // does the same for those; a formatting element closed on the way would be reopened by parse5.
    this.checkImplied(name);
    if (this.afterBody || EXOTIC.has(name) || RAW_TEXT.has(this.top())) throw DISAGREE;
    if (name === "html" || name === "body" || name === "head") {
      if ((name === "html" && this.htmlSeen) || (name === "body" && this.bodySeen)) throw DISAGREE;
      if ((name === "head" && (this.headSeen || this.bodySeen)) || (name === "body" && !this.headSeen))
        throw DISAGREE;
      if (name === "html") this.htmlSeen = true;
      else if (name === "head") this.headSeen = true;
      else this.bodySeen = true;
      // parse5 makes the <html> and <head> a page left out; the fast tree would lack them.
      if (!this.htmlSeen) throw DISAGREE;
    } else if (!this.bodySeen && !HEAD_CONTENT.has(name)) throw DISAGREE;
    let attrs = attribs;
    let tagName = name;
    if (name === "svg" || this.inSvg()) [tagName, attrs] = svgCase(name, attribs);
    if (this.syntheticOnTop() && name !== "tr") {
      // A section or caption after rows: parse5 closes its implied <tbody> first.
      if (!TABLE_SECTIONS.has(name)) throw DISAGREE;
      this.closeSyntheticBody();
    }
    const top = this.top();
    const allowed = TABLE_CHILDREN[top];
    if (allowed && !allowed.has(name) && !(name === "input" && attribs.type?.toLowerCase() === "hidden"))
      throw DISAGREE;
    if (TABLE_PARTS.has(name) && !this.has("table")) throw DISAGREE;
    if (CLOSES_P.has(name) && this.inScope("p", true)) throw DISAGREE;
    if (
      (name === "li" && this.listItemOpen(LI)) ||
      ((name === "dd" || name === "dt") && this.listItemOpen(DDT))
    )
      throw DISAGREE;
    if (HEADINGS.has(name) && HEADINGS.has(top)) throw DISAGREE;
    if ((name === "a" || name === "nobr" || name === "button" || name === "form") && this.has(name))
      throw DISAGREE;
    if (SVG_BREAKOUT.has(name) && this.inSvg()) throw DISAGREE;
    if (
      (this.has("select") && !IN_SELECT.has(name)) ||
      (name === "select" && this.has("select")) ||
      (name === "textarea" && this.has("select"))
    )
      throw DISAGREE;
    if (name === "tr" && top === "table") {
      super.onopentag("tbody", {});
      this.syntheticBodies.add(this.tagStack[this.tagStack.length - 1] as Element);
    }
    super.onopentag(tagName, attrs);
    if (name === "body") this.body = this.tagStack[this.tagStack.length - 1] as Element;
    if (name === "noscript") {
      this.noscriptDepth = 1;
      this.noscriptFrom = (this.reader?.endIndex ?? -1) + 1;
    } else if (name === "pre" || name === "listing" || name === "textarea") this.stripNewline = true;
  }

  private syntheticOnTop(): boolean {
    return (
      this.syntheticBodies.size > 0 &&
      this.syntheticBodies.has(this.tagStack[this.tagStack.length - 1] as Element)
    );
  }

  private closeSyntheticBody(): void {
    this.syntheticBodies.delete(this.tagStack[this.tagStack.length - 1] as Element);
    super.onclosetag();
  }

  // htmlparser2 passes the name and whether the end tag was implied; DomHandler declares neither.
  override onclosetag(...args: [name?: string, isImplied?: boolean]): void {
    const name = args[0] ?? "";
    const isImplied = args[1] ?? false;
    this.stripNewline = false;
    if (this.syntheticOnTop()) {
      // Only the <table> (or an element above it) can end here: the implied <tbody> ends with it.
      if (name === "tr") throw DISAGREE;
      this.closeSyntheticBody();
    }
    const el = this.tagStack[this.tagStack.length - 1] as Element;
    if (this.noscriptDepth > 0) {
      if (name === "noscript" && --this.noscriptDepth === 0) {
        // An implied close (the end of the page, an outer end tag) would leave parse5 reading other text.
        if (isImplied) throw DISAGREE;
        this.noscriptAsText(el);
      }
      super.onclosetag();
      return;
    }
    if (isImplied) {
      if (!VOID.has(name)) this.implied.push(el);
    } else {
      if (this.implied.length > 0) this.checkEndTag(name, this.implied);
      if ((name === "body" || name === "html") && !this.afterBody) {
        this.afterBody = true;
        this.tail = this.implied[0] ?? (name === "body" ? el : this.body);
      }
      this.implied = [];
    }
    super.onclosetag();
  }

  /**
   * An end tag that closed elements above its own. parse5 agrees when a special element's end tag closes
   * ordinary ones and <p>/<li>; a cell or table end closes what its cell holds (formatting elements included:
   * a cell is a formatting marker); the end of <body>/<html> leaves them open and nothing follows. It does
   * not agree for formatting elements closed elsewhere (it reopens them), across a table, a cell or a
   * button (the end tag is ignored), for an ordinary element's end tag over a special one (ignored too), and
   * for </form>.
   */
  private checkEndTag(name: string, popped: Element[]): void {
    if (name === "body" || name === "html") return;
    if (name === "form") throw DISAGREE;
    const tablePart = TABLE_ENDS.has(name);
    for (const { name: p } of popped) {
      if (FORMATTING.has(p)) {
        if (!tablePart) throw DISAGREE;
      } else if (SCOPE_BOUNDARY.has(p)) {
        if (!(tablePart && (p === "td" || p === "th"))) throw DISAGREE;
      } else if (p === "button" && name === "p") throw DISAGREE;
      else if (SPECIAL.has(p) && !SPECIAL.has(name)) throw DISAGREE;
    }
  }

  override onprocessinginstruction(name: string, data: string): void {
    // Standards or limited-quirks mode: the HTML5 doctype, or a public identifier with its system identifier.
    if (name.toLowerCase() === "!doctype")
      this.standardsMode = /^!doctype\s+html\s*$/i.test(data) || /"http:\/\/www\.w3\.org\/TR\//i.test(data);
    super.onprocessinginstruction(name, data);
  }

  override ontext(data: string): void {
    let text = data;
    if (this.stripNewline) {
      // parse5 drops the newline right after <pre> and <listing>.
      if (text.startsWith("\n")) text = text.slice(1);
      this.stripNewline = false;
      if (!text) return;
    }
    if (this.afterBody && this.tail && !text.trim()) {
      // parse5 closes nothing at </body>: the page's trailing whitespace ends up in the deepest open element.
      const into = this.tail;
      const last = into.children[into.children.length - 1];
      if (last?.type === "text") (last as Text).data += text;
      else {
        const node = new Text(text);
        node.parent = into;
        node.prev = last ?? null;
        if (last) last.next = node;
        into.children.push(node);
      }
      return;
    }
    if (this.noscriptDepth === 0 && text.trim()) {
      this.checkImplied("");
      const top = this.top();
      if (this.afterBody || TABLE_CONTAINERS.has(top)) throw DISAGREE;
      if (!this.bodySeen && !(top === "title" || top === "script" || top === "style")) throw DISAGREE;
      if (top === "script" && text.includes("<!--")) throw DISAGREE;
    }
    super.ontext(text);
  }

  /** parse5 (scripting on) keeps a <noscript>'s content as one text node, markup and all. */
  private noscriptAsText(el: Element): void {
    const end = this.source.lastIndexOf("<", this.reader?.endIndex ?? -1);
    if (this.noscriptFrom < 0 || end < this.noscriptFrom) throw DISAGREE;
    const raw = this.source.slice(this.noscriptFrom, end);
    for (const child of el.children) child.parent = null;
    if (!raw) {
      el.children = [];
      return;
    }
    const text = new Text(raw);
    text.parent = el;
    el.children = [text];
  }

  /** After the last event: false when the page had no <body> (parse5 would have made one). */
  finish(): boolean {
    return this.bodySeen;
  }
}

/** parse5's names for SVG elements and attributes (viewBox, clipPath, xlink:href → href). */
function svgCase(name: string, attribs: Record<string, string>): [string, Record<string, string>] {
  const token = { attrs: Object.entries(attribs).map(([n, value]) => ({ name: n, value })) };
  foreignContent.adjustTokenSVGAttrs(token as never);
  foreignContent.adjustTokenXMLAttrs(token as never);
  const adjusted: Record<string, string> = {};
  for (const a of token.attrs) if (!Object.hasOwn(adjusted, a.name)) adjusted[a.name] = a.value;
  return [foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP.get(name) ?? name, adjusted];
}

const LI = new Set(["li"]);
const TABLE_SECTIONS = new Set(["tbody", "thead", "tfoot", "caption", "colgroup"]);
const TABLE_ENDS = new Set(["table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"]);
const IN_SELECT = new Set(["option", "optgroup", "hr", "script"]);
const DDT = new Set(["dd", "dt"]);
const VOID = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

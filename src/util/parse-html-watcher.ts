import { type AnyNode, DomHandler, type Element, Text } from "domhandler";
import { appendChild } from "domutils";
import type { Parser } from "htmlparser2";
import {
  CLOSES_P,
  DDT,
  EXOTIC,
  FORM_OPENERS,
  FORMATTING,
  HEAD_CONTENT,
  HEADINGS,
  IN_SELECT,
  isBlank,
  LI,
  RAW_CONTENT,
  RAW_TEXT,
  SCOPE_BOUNDARY,
  SELECT_PARTS,
  SPECIAL,
  SVG_BREAKOUT,
  SVG_UNSAFE,
  TABLE_CHILDREN,
  TABLE_CONTAINERS,
  TABLE_ENDS,
  TABLE_PARTS,
  TABLE_SECTIONS,
  VOID,
} from "./html-tag-sets.ts";
import { svgCase } from "./svg-case.ts";

/** Element names whose open count the watcher keeps (each is looked for among the open elements). */
const COUNTED = new Set([
  "select",
  "p",
  "table",
  "a",
  "nobr",
  "button",
  "form",
  "td",
  "th",
  "tr",
  "svg",
  ...LI,
  ...DDT,
  ...HEADINGS,
]);

/** Thrown by the watcher on the first construct the two parsers could build differently. */
export const DISAGREE = Symbol("parsers disagree");

/**
 * A DomHandler that throws DISAGREE on the first event after which parse5's tree could differ. Every check
 * errs towards parse5: a false alarm costs time, a missed one a different tree.
 */
export class WatchingHandler extends DomHandler {
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
  /** parse5's form element pointer: set by <form>, cleared only by </form>. */
  private formOpen = false;
  /** The last start tag's name as htmlparser2 read it. */
  private opening = "";
  /** A start tag read with `/>`: htmlparser2 closes it on the spot in an <svg> (not something that followed). */
  private selfClosing = false;
  private selfClosed: Element | null = null;
  /** No `<svg` in the source: no <svg> can be open, and the per-tag walk of the open elements is skipped. */
  private readonly svgFree: boolean;

  constructor(source: string) {
    super();
    this.source = source;
    this.svgFree = !/<svg/i.test(source);
  }

  /**
   * Open elements by name, for the names the checks look for among the open elements: a zero answers without
   * walking the stack (every start tag asks whether a <select> is open, most ask for a <p>).
   */
  private readonly openCounts = new Map<string, number>();

  private openElement(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    const opened = (this.tagStack[this.tagStack.length - 1] as Element).name;
    if (COUNTED.has(opened)) this.openCounts.set(opened, (this.openCounts.get(opened) ?? 0) + 1);
  }

  private closeElement(): void {
    const closed = (this.tagStack[this.tagStack.length - 1] as Element).name;
    super.onclosetag();
    if (COUNTED.has(closed)) this.openCounts.set(closed, (this.openCounts.get(closed) ?? 1) - 1);
  }

  /** False when no element named `name` is open; true when one may be (names not counted always may). */
  private mayBeOpen(name: string): boolean {
    return !COUNTED.has(name) || (this.openCounts.get(name) ?? 0) > 0;
  }

  override onparserinit(parser: Parser): void {
    super.onparserinit(parser);
    this.reader = parser;
  }

  private top(): string {
    const t = this.tagStack[this.tagStack.length - 1];
    return t && t.type !== "root" ? (t as Element).name : "";
  }

  /** Walks the open elements from the current one down: true at the first `found`, false at the first `stop`. */
  private open(
    found: (name: string) => boolean,
    stop: (name: string) => boolean = () => false,
    skip = 0,
  ): boolean {
    for (let i = this.tagStack.length - 1 - skip; i > 0; i--) {
      const n = (this.tagStack[i] as Element).name;
      if (found(n)) return true;
      if (stop(n)) return false;
    }
    return false;
  }

  private has(name: string): boolean {
    return this.mayBeOpen(name) && this.open((n) => n === name);
  }

  /** parse5's "has an element in (button) scope". */
  private inScope(name: string, button: boolean): boolean {
    if (!this.mayBeOpen(name)) return false;
    return this.open(
      (n) => n === name,
      (n) => SCOPE_BOUNDARY.has(n) || (button && n === "button"),
    );
  }

  /** An open li/dd/dt parse5's start-tag walk would close (special elements but address/div/p stop it). */
  private listItemOpen(closes: Set<string>): boolean {
    let any = false;
    for (const n of closes) any ||= this.mayBeOpen(n);
    if (!any) return false;
    return this.open(
      (n) => closes.has(n),
      (n) => SPECIAL.has(n) && n !== "address" && n !== "div" && n !== "p",
    );
  }

  /** An open `name` with no table between it and the current element. */
  private inTableScope(name: string): boolean {
    if (!this.mayBeOpen(name)) return false;
    return this.open(
      (n) => n === name,
      (n) => n === "table" || n === "html" || n === "template",
    );
  }

  /** Inside an <svg> (and not in its HTML islands), looking from `skip` elements below the current one. */
  private inSvg(skip = 0): boolean {
    if (this.svgFree || !this.mayBeOpen("svg")) return false;
    return this.open(
      (n) => n === "svg",
      (n) => n === "foreignObject" || n === "desc" || n === "title",
      skip,
    );
  }

  /** Elements htmlparser2 closed because `tag` started (a <p> before a <div>, a cell before a cell). */
  private checkImplied(tag: string): void {
    if (this.implied.length > 0 && (this.inSvg() || (FORM_OPENERS.has(tag) && !this.formControlsAgree(tag))))
      throw DISAGREE;
    for (const { name } of this.implied) {
      // htmlparser2 leaves SVG mode only at </svg>: an <svg> closed otherwise keeps it there.
      if (name === "svg") throw DISAGREE;
      if (FORMATTING.has(name) || (SCOPE_BOUNDARY.has(name) && !TABLE_PARTS.has(tag))) throw DISAGREE;
      if (name === "p" && tag === "table" && !this.standardsMode) throw DISAGREE;
      // A form control closes a <select> in parse5 too; anything else inside one is dropped there.
      if (name === "select" && tag !== "input" && tag !== "keygen") throw DISAGREE;
    }
    this.implied.length = 0;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    this.stripNewline = false;
    if (this.noscriptDepth > 0) {
      // parse5's text ends at the first </noscript>: a nested one leaves different text and a stray end tag.
      if (name === "noscript") throw DISAGREE;
      this.openElement(name, attribs);
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
    // parse5 closes the open cell (and row) wherever it is; htmlparser2 only when it is the current element.
    if ((name === "td" || name === "th") && (this.inTableScope("td") || this.inTableScope("th")))
      throw DISAGREE;
    if (name === "tr" && (this.inTableScope("tr") || this.inTableScope("td") || this.inTableScope("th")))
      throw DISAGREE;
    // parse5 ignores a <form> while its form pointer is set (until a </form>), even if the form was closed.
    if (name === "form") {
      if (this.formOpen) throw DISAGREE;
      this.formOpen = true;
    }
    if ((name === "a" || name === "nobr" || name === "button" || name === "form") && this.has(name))
      throw DISAGREE;
    if ((SVG_BREAKOUT.has(name) || SVG_UNSAFE.has(name)) && this.inSvg()) throw DISAGREE;
    if (
      (this.has("select") && !IN_SELECT.has(name)) ||
      (name === "select" && this.has("select")) ||
      (name === "textarea" && this.has("select"))
    )
      throw DISAGREE;
    if (name === "tr" && top === "table") {
      this.openElement("tbody", {});
      this.syntheticBodies.add(this.tagStack[this.tagStack.length - 1] as Element);
    }
    this.openElement(tagName, attrs);
    this.selfClosed =
      this.selfClosing && this.inSvg() ? (this.tagStack[this.tagStack.length - 1] as Element) : null;
    this.selfClosing = false;
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
    this.closeElement();
  }

  // htmlparser2 passes the name and whether the end tag was implied; DomHandler declares neither.
  override onclosetag(...args: [name?: string, isImplied?: boolean]): void {
    const name = args[0] ?? "";
    const isImplied = args[1] ?? false;
    const selfClosed = this.selfClosed;
    this.selfClosed = null;
    this.stripNewline = false;
    if (this.syntheticOnTop()) {
      // Only the <table> (or an element above it) can end here: the implied <tbody> ends with it.
      if (name === "tr") throw DISAGREE;
      const tbody = this.tagStack[this.tagStack.length - 1] as Element;
      this.closeSyntheticBody();
      if (isImplied) this.implied.push(tbody);
    }
    const el = this.tagStack[this.tagStack.length - 1] as Element;
    if (this.noscriptDepth > 0) {
      if (name === "noscript" && --this.noscriptDepth === 0) {
        // An implied close (the end of the page, an outer end tag) would leave parse5 reading other text.
        if (isImplied) throw DISAGREE;
        this.noscriptAsText(el);
      }
      this.closeElement();
      return;
    }
    if (isImplied) {
      // A void element, or a `/>` in an <svg>: closed on the spot, not by what follows.
      // htmlparser2 stays in SVG mode after an `<svg/>` and would close the next `<sup/>` too.
      if (el === selfClosed && name === "svg") throw DISAGREE;
      if (!VOID.has(name) && el !== selfClosed) this.implied.push(el);
    } else {
      if (this.implied.length > 0) this.checkEndTag(name, this.implied);
      if (name === "form") this.formOpen = false;
      if ((name === "body" || name === "html") && !this.afterBody) {
        this.afterBody = true;
        this.tail = this.implied[0] ?? (name === "body" ? el : this.body);
      }
      this.implied = [];
    }
    this.closeElement();
  }

  /**
   * htmlparser2 closes form controls at the top when another starts; parse5 only closes a <button> on a
   * <button> and a whole <select> (with its options) on an <input>.
   */
  private formControlsAgree(tag: string): boolean {
    const names = this.implied.map((e) => e.name);
    if (tag === "button") return names.every((n) => n === "button");
    if (tag === "input") return names.includes("select") && names.every((n) => SELECT_PARTS.has(n));
    return false;
  }

  /** htmlparser2's tag name before the tag's attributes: `/>` needs it. */
  onopentagname(name: string): void {
    this.opening = name;
  }

  /** `<title/>` and the like: parse5 ignores the slash and reads raw text to the end tag. */
  onselfclosing(): void {
    if (this.noscriptDepth === 0 && RAW_CONTENT.has(this.opening)) throw DISAGREE;
    this.selfClosing = true;
  }

  /**
   * Every end tag, before htmlparser2 acts on it (or drops it): parse5 closes any open heading on any heading's
   * end tag, where htmlparser2 drops `</h1>` when only an <h2> is open.
   */
  onendtag(name: string): void {
    // parse5 keeps the newline after <pre> only when the very next token is text.
    this.stripNewline = false;
    this.selfClosed = null;
    if (this.noscriptDepth > 0) return;
    // After </html> parse5 goes back into the body for an end tag; htmlparser2 has closed everything.
    if (this.afterBody && name !== "body" && name !== "html") throw DISAGREE;
    // Raw text in parse5; and in a <select> parse5 drops every end tag but its own.
    if (RAW_TEXT.has(this.top())) throw DISAGREE;
    if (!SELECT_PARTS.has(name) && this.has("select")) throw DISAGREE;
    if (HEADINGS.has(name) && !this.has(name)) for (const h of HEADINGS) if (this.has(h)) throw DISAGREE;
  }

  override oncomment(data: string): void {
    this.stripNewline = false;
    // parse5 reads a comment inside an iframe (noembed, noframes) as the element's text.
    if (this.noscriptDepth === 0 && RAW_TEXT.has(this.top())) throw DISAGREE;
    super.oncomment(data);
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
    // parse5 ends a heading end tag at the nearest open heading, whichever it is.
    if (HEADINGS.has(name) && popped.some((e) => HEADINGS.has(e.name))) throw DISAGREE;
    const tablePart = TABLE_ENDS.has(name);
    for (const { name: p } of popped) {
      if (p === "svg") throw DISAGREE;
      if (FORMATTING.has(p)) {
        if (!tablePart) throw DISAGREE;
      } else if (SCOPE_BOUNDARY.has(p)) {
        if (!(tablePart && (p === "td" || p === "th"))) throw DISAGREE;
      } else if ((p === "button" && name === "p") || ((p === "ul" || p === "ol") && name === "li"))
        throw DISAGREE;
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
    this.selfClosed = null;
    let text = data;
    if (this.stripNewline) {
      // parse5 drops the newline right after <pre> and <listing>.
      if (text.startsWith("\n")) text = text.slice(1);
      this.stripNewline = false;
      if (!text) return;
    }
    if (this.afterBody && this.tail && isBlank(text)) {
      // parse5 closes nothing at </body>: the page's trailing whitespace ends up in the deepest open element.
      const last = this.tail.children.at(-1);
      if (last?.type === "text") (last as Text).data += text;
      else appendChild(this.tail, new Text(text));
      return;
    }
    if (this.noscriptDepth === 0 && RAW_TEXT.has(this.top())) throw DISAGREE;
    if (this.noscriptDepth === 0 && !isBlank(text)) {
      this.checkImplied("");
      const top = this.top();
      if (this.afterBody || TABLE_CONTAINERS.has(top)) throw DISAGREE;
      if (!this.bodySeen && !(top === "title" || top === "script" || top === "style")) throw DISAGREE;
      if (top === "script" && text.includes("<!--")) throw DISAGREE;
      // In an <svg>, parse5 reads <style> and <title> content as markup with entities.
      if ((top === "style" || top === "title") && /[&<]/.test(text) && this.inSvg(1)) throw DISAGREE;
    }
    super.ontext(text);
  }

  /** parse5 (scripting on) keeps a <noscript>'s content as one text node, markup and all. */
  private noscriptAsText(el: Element): void {
    const end = this.source.lastIndexOf("<", this.reader?.endIndex ?? -1);
    if (this.noscriptFrom < 0 || end < this.noscriptFrom) throw DISAGREE;
    const raw = this.source.slice(this.noscriptFrom, end);
    for (const child of el.children) child.parent = null;
    el.children = [];
    if (raw) appendChild(el, new Text(raw));
  }

  /** After the last event: false when the page had no <body> (parse5 would have made one). */
  finish(): boolean {
    return this.bodySeen;
  }
}

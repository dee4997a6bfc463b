import * as cheerio from "cheerio";
import type { Document } from "domhandler";
import { Parser } from "htmlparser2";
import { DISAGREE, WatchingHandler } from "./parse-html-watcher.ts";

/**
 * A page's HTML → its tree. htmlparser2 builds the tree in a fraction of parse5's time, but only parse5 repairs
 * broken markup the way browsers do (formatting elements reopened after a misnested end tag, table content
 * moved out of a table, content after </body> moved into it, <noscript> read as text…). So htmlparser2 builds
 * the tree while a watcher looks for every construct on which the two parsers can disagree; on the first one
 * the page goes to parse5 (through cheerio). Clean pages (most CMS output) take the fast path and get the tree
 * parse5 would build; the equivalence is tested on broken snippets and on the corpus
 * (test/util/parse-html.test.ts). Extraction walks the nodes (util/dom-query.ts): cheerio's API is not needed,
 * and its load() defines a class per call, a fixed cost on every page.
 */
export function parseHtmlDocument(html: string): Document {
  return fastTree(html) ?? (cheerio.load(html).root().get(0) as Document);
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
  const parser = new WatchedParser(handler, html);
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

/** htmlparser2 drops an end tag it has no open element for; the watcher must still see it. */
class WatchedParser extends Parser {
  constructor(
    private readonly watcher: WatchingHandler,
    private readonly source: string,
  ) {
    super(watcher, { decodeEntities: true });
  }

  override onclosetag(start: number, endIndex: number): void {
    this.watcher.onendtag(this.source.slice(start, endIndex).toLowerCase());
    super.onclosetag(start, endIndex);
  }

  override onselfclosingtag(endIndex: number): void {
    this.watcher.onselfclosing();
    super.onselfclosingtag(endIndex);
  }
}

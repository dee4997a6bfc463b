import * as cheerio from "cheerio";
import iconv from "iconv-lite";
import type { FetchedPage, LinkCandidate } from "../types/index.ts";

/**
 * A site's own search as a focused shortcut: one query finds what a crawl finds in a hundred requests. The form is
 * read from the home page (Bitrix `/search/?q=`, WordPress `?s=`, Госвеб and hand-made forms), queried with a few
 * НОК cues, and its result links become candidates.
 */

/** What the home page's search is queried with. */
export const DEFAULT_SEARCH_CUES = ["независимая оценка качества", "общественный совет"];

/** A floor under the priority of a search result link: a candidate, though not above a menu item that matches. */
export const SEARCH_RESULT_FLOOR = 5;

/** Names the query field usually has. */
const QUERY_NAMES =
  /^(?:q|s|query|search|searchstring|search_query|searchtext|text|keyword|keywords|sq|find|str|words|term|how)$/i;
const SEARCHY = /search|poisk|find|найти|поиск/i;
const TEXT_TYPES = new Set(["", "text", "search"]);

export interface SearchForm {
  action: string;
  field: string;
  hidden: [string, string][];
  /** The page's charset: an old windows-1251 site expects the query in it. */
  charset: string;
}

function charsetOf(page: FetchedPage, $: cheerio.CheerioAPI): string {
  const fromHeader = /charset=([\w-]+)/i.exec(page.headers["content-type"] ?? "")?.[1];
  const fromMeta =
    $("meta[charset]").attr("charset") ??
    /charset=([\w-]+)/i.exec(
      $("meta[http-equiv]")
        .filter((_, m) => /content-type/i.test($(m).attr("http-equiv") ?? ""))
        .attr("content") ?? "",
    )?.[1];
  const charset = (fromHeader ?? fromMeta ?? "utf-8").toLowerCase();
  return iconv.encodingExists(charset) ? charset : "utf-8";
}

/** The site's search form on this page (same host), or null. */
export function findSearchForm(page: FetchedPage): SearchForm | null {
  if (!page.body || page.contentKind !== "html") return null;
  // Form markup is ASCII: any decoding reads it.
  const $ = cheerio.load(new TextDecoder("utf-8").decode(page.body));
  const base = page.finalUrl || page.url;
  for (const el of $("form").toArray()) {
    const form = $(el);
    if ((form.attr("method") ?? "get").toLowerCase() !== "get") continue;
    const texts = form
      .find("input")
      .toArray()
      .filter((i) => TEXT_TYPES.has(($(i).attr("type") ?? "").toLowerCase()) && $(i).attr("name"));
    const marked = SEARCHY.test(
      `${form.attr("action") ?? ""} ${form.attr("id") ?? ""} ${form.attr("class") ?? ""} ${form.attr("role") ?? ""}`,
    );
    const field =
      texts.find((i) => QUERY_NAMES.test($(i).attr("name") ?? "")) ??
      (marked && texts.length === 1 ? texts[0] : undefined);
    if (!field) continue;
    let action: URL;
    try {
      action = new URL(form.attr("action") ?? "", base);
    } catch {
      continue;
    }
    if (action.host !== new URL(base).host || (action.protocol !== "http:" && action.protocol !== "https:"))
      continue;
    action.hash = "";
    const hidden = form
      .find("input[type=hidden][name]")
      .toArray()
      .map((i) => [$(i).attr("name")!, $(i).attr("value") ?? ""] as [string, string]);
    return { action: action.href, field: $(field).attr("name")!, hidden, charset: charsetOf(page, $) };
  }
  return null;
}

function encode(value: string, charset: string): string {
  if (charset === "utf-8" || charset === "utf8") return encodeURIComponent(value).replace(/%20/g, "+");
  return [...iconv.encode(value, charset)]
    .map((b) =>
      (b >= 0x30 && b <= 0x39) ||
      (b >= 0x41 && b <= 0x5a) ||
      (b >= 0x61 && b <= 0x7a) ||
      b === 0x2d ||
      b === 0x2e ||
      b === 0x5f
        ? String.fromCharCode(b)
        : b === 0x20
          ? "+"
          : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

/** The URL of one query through the form (the form's own hidden fields kept, as a browser would submit them). */
export function searchUrl(form: SearchForm, cue: string): string {
  const url = new URL(form.action);
  const pairs = [...url.searchParams.entries(), ...form.hidden].filter(([k]) => k !== form.field);
  const query = [...pairs, [form.field, cue] as [string, string]]
    .map(([k, v]) => `${encode(k, form.charset)}=${encode(v, form.charset)}`)
    .join("&");
  return `${url.origin}${url.pathname}?${query}`;
}

/** The in-page (not menu) link targets of a page: what a result list adds to the site's template. */
export function contentTargets(links: readonly LinkCandidate[]): Set<string> {
  return new Set(links.filter((l) => !l.inNav).map((l) => l.url.replace(/#.*$/, "")));
}

/**
 * Does the search ignore the query: nothing beyond the home page's own links, or the same links for every query
 * (the home page, or a fixed list, whatever was asked)? Such a form is dropped: its pages give no candidates.
 */
export function ignoresQuery(
  results: readonly (readonly LinkCandidate[])[],
  home: readonly LinkCandidate[],
): boolean {
  const homeTargets = contentTargets(home);
  const sets = results.map(contentTargets);
  const news = sets.some((s) => [...s].some((x) => !homeTargets.has(x)));
  if (!news) return true;
  const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
  return sets.length >= 2 && sets.every((s) => same(s, sets[0]!));
}

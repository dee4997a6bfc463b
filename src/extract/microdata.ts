import type { Document, Element } from "domhandler";
import { descendants, pageElements } from "../util/dom-query.ts";
import { resolveUrl } from "./links.ts";
import { collapseSpaces } from "./russian/normalize.ts";
import { visibleText } from "./visible-text.ts";

const VALUE_MAX = 500;
const VALUES_PER_KEY = 200;
const URL_ATTRS: Record<string, string> = {
  a: "href",
  area: "href",
  link: "href",
  img: "src",
  object: "data",
  embed: "src",
  iframe: "src",
  audio: "src",
  video: "src",
  source: "src",
};

/**
 * itemprop name → values, as education /sveden/ pages mark them up (Rosobrnadzor's methodological
 * recommendations). A value is the element's `content`/`datetime`, its link or source URL, or its text.
 * A container holding links (itemprop="licenseDocLink" on a <div>) also yields the links' URLs, because the
 * checks ask "is there a document behind this item". An empty item still records its name with "".
 */
export function extractMicrodata(doc: Document, baseUrl: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const push = (key: string, value: string): void => {
    const list = out[key] ?? [];
    out[key] = list;
    if (list.length < VALUES_PER_KEY && !list.includes(value)) list.push(value);
  };
  for (const el of pageElements(doc).filter((e) => e.attribs.itemprop != null)) {
    const names = (el.attribs.itemprop ?? "").split(/\s+/).filter(Boolean);
    if (names.length === 0) continue;
    const values = itemValues(el, baseUrl);
    for (const name of names) {
      if (values.length === 0) push(name, "");
      for (const v of values) push(name, v);
    }
  }
  return out;
}

function itemValues(el: Element, baseUrl: string): string[] {
  const tag = el.name.toLowerCase();
  if (el.attribs.content !== undefined) return [collapseSpaces(el.attribs.content)];
  if (tag === "time" && el.attribs.datetime) return [el.attribs.datetime.trim()];
  const urlAttr = URL_ATTRS[tag];
  if (urlAttr) {
    const url = el.attribs[urlAttr] ? resolveUrl(el.attribs[urlAttr], baseUrl) : null;
    return url ? [url] : [];
  }
  const values: string[] = [];
  const text = collapseSpaces(visibleText([el], undefined, VALUE_MAX * 4)).slice(0, VALUE_MAX);
  if (text) values.push(text);
  for (const a of descendants(el, (e) => e.name === "a" && e.attribs.href != null)) {
    const url = resolveUrl(a.attribs.href ?? "", baseUrl);
    if (url && !/^javascript:/i.test(url)) values.push(url);
  }
  return values;
}

/** Matching phrases against the items of a site: labels, body, context, exclusions; and evidence. */

import { excerptAround } from "../extract/russian/index.ts";
import type { Evidence, FoundDate, SitePage, Sphere } from "../types/index.ts";
import { nokContext } from "./nok.ts";
import {
  bodyText,
  boilerplateSpans,
  type Item,
  itemLinkText,
  itemSnapshot,
  type Label,
  type LabelSource,
  pageName,
  type SiteModel,
  urlKey,
} from "./site-model.ts";
import {
  type CompiledPhrase,
  clip,
  compileAll,
  findFirst,
  findFirstIn,
  hasAny,
  indexFor,
  indexOf,
  type PhraseMatch,
  type TokenIndex,
} from "./text.ts";
import { vocabulary } from "./vocabulary.ts";

export interface Hit {
  item: Item;
  /** The label that matched; null for a match in the body text. */
  label: Label | null;
  /** The text the match offsets refer to. */
  text: string;
  match: PhraseMatch;
}

const ALL_SOURCES: readonly LabelSource[] = ["title", "heading", "opening", "link", "parent", "document"];

/** First label of an item that matches any phrase (and no exclusion), in label order. */
export function labelHits(
  item: Item,
  phrases: readonly CompiledPhrase[],
  opts: {
    maxGap: number;
    exclude?: readonly CompiledPhrase[];
    sources?: readonly LabelSource[];
    accept?: (label: Label) => boolean;
  },
): Hit[] {
  const out: Hit[] = [];
  if (item.draft) return out;
  const sources = opts.sources ?? ALL_SOURCES;
  for (const label of item.labels) {
    if (!sources.includes(label.source)) continue;
    if (opts.accept && !opts.accept(label)) continue;
    const m = findFirstIn(label.text, phrases, opts.maxGap);
    if (!m) continue;
    if (opts.exclude?.length && findFirstIn(label.text, opts.exclude, 1)) continue;
    out.push({ item, label, text: label.text, match: m });
  }
  return out;
}

const cleanCache = new WeakMap<object, { signature: string; text: string }>();

/** Body text with menu-link texts blanked out (same length, so offsets stay valid). */
export function cleanBody(model: SiteModel, item: Item): string {
  const page = item.page;
  if (!page) return "";
  const text = bodyText(item);
  if (page.artifacts.kind !== "html") return text;
  const spans = boilerplateSpans(model, page).sort((a, b) => a.start - b.start);
  // Which links count as menu changes rarely as the crawl goes on: reuse while it has not.
  const signature = spans.map((s) => `${s.start}-${s.end}`).join(",");
  const hit = cleanCache.get(page.artifacts);
  if (hit && hit.signature === signature) return hit.text;
  let out = "";
  let cursor = 0;
  for (const s of spans) {
    if (s.end <= cursor) continue;
    const from = Math.max(s.start, cursor);
    out += text.slice(cursor, from) + " ".repeat(s.end - from);
    cursor = s.end;
  }
  out += text.slice(cursor);
  cleanCache.set(page.artifacts, { signature, text: out });
  return out;
}

export function bodyIndex(model: SiteModel, item: Item): TokenIndex | null {
  if (!item.page) return null;
  const text = cleanBody(model, item);
  if (!text) return null;
  return indexFor(item.page.artifacts, "clean-body", text);
}

/** Matches in the body text; a match whose surroundings carry an exclusion is dropped. */
export function bodyHits(
  model: SiteModel,
  item: Item,
  phrases: readonly CompiledPhrase[],
  opts: { maxGap: number; exclude?: readonly CompiledPhrase[]; limit?: number },
): Hit[] {
  const idx = item.draft ? null : bodyIndex(model, item);
  if (!idx) return [];
  const out: Hit[] = [];
  for (const p of phrases) {
    const m = findFirst(idx, [p], opts.maxGap);
    if (!m) continue;
    if (opts.exclude?.length) {
      const window = idx.text.slice(Math.max(0, m.start - 150), m.end + 150);
      if (hasAny(indexOf(window), opts.exclude, 1)) continue;
    }
    out.push({ item, label: null, text: idx.text, match: m });
    if (out.length >= (opts.limit ?? 3)) break;
  }
  return out.sort((a, b) => a.match.start - b.match.start);
}

const NEWS_URL =
  /(^|[/_\-=?&.])(news|novosti|novost|press|press-?center|smi|events|sobytiya|anons\w*|announcements?|article\w*|meropriyatiya)($|[/_\-.?&=]|\d)/i;
const NEWS_TRAIL =
  /(?:^|[\s›»>/|→-])(?:новости|пресс-центр|пресс-служба|события|анонсы|объявления|медиа)(?:$|[\s›»>/|→-])/iu;
const NEWS_WORDS = compileAll(vocabulary("navigation", "news-words"));

/** The page's opening says what it is about («опрос … органов местного самоуправления»): one of the phrases. */
export function openingHas(page: SitePage, phrases: readonly CompiledPhrase[]): boolean {
  return phrases.length > 0 && findFirstIn(page.artifacts.mainText.slice(0, 1200), phrases, 1) !== null;
}

/** A news item, press release or announcement (by its URL or a headline with an event verb). */
export function isNewsItem(item: Item): boolean {
  return isNewsAt(item.url, item.page);
}

/** The same for a URL and the page read there (when read), without a site model. */
export function isNewsAt(url: string, page: SitePage | null): boolean {
  let path = "";
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname + u.search).toLowerCase();
  } catch {
    path = url.toLowerCase();
  }
  if (NEWS_URL.test(path)) return true;
  // The site's own breadcrumb trail says so: «Главная › Новости › …», «Пресс-центр».
  const trail = page?.artifacts.breadcrumbs;
  if (trail && NEWS_TRAIL.test(trail)) return true;
  const name = page ? pageName(page.artifacts) : "";
  return name !== "" && hasAny(indexOf(name), NEWS_WORDS, 1);
}

/**
 * A label that may name an item: its own words, or a link from page content. A menu or footer link (a
 * bus.gov.ru banner, a menu entry) is not evidence that the thing is published.
 */
export function contentLinkLabel(model: SiteModel, item: Item): (label: Label) => boolean {
  const repeated = model.repeatedTargets.has(item.key);
  // Menus and footers lead the crawl but are never evidence: «Положение об общественном совете» in a
  // footer may lead to a stub. A read page is named by its own words; an unread one only by content links.
  return (l) => l.source !== "link" || (l.link !== undefined && !l.link.inNav && !repeated);
}

/** Pages that link to an item from their content (menus link from everywhere and say nothing). */
export function contentReferrers(item: Item): SitePage[] {
  const out: SitePage[] = [];
  for (const i of item.inbound) if (!i.link.inNav && !out.includes(i.from)) out.push(i.from);
  return out;
}

/** What names a page: its title, its main headings and its breadcrumb trail (the section it sits in). */
export function pageLabelTexts(page: SitePage): string[] {
  const a = page.artifacts;
  return [a.title, ...a.headings.filter((h) => h.level <= 2).map((h) => h.text), a.breadcrumbs ?? ""].filter(
    Boolean,
  );
}

/**
 * The texts that say what an item is about: its labels, its body, and the names of the pages that
 * link to it from their content (two levels up: section → subsection → document).
 */
export function contextTexts(model: SiteModel, item: Item): { indexes: TokenIndex[] } {
  const indexes: TokenIndex[] = item.labels.map((l) => indexOf(l.text));
  const body = bodyIndex(model, item);
  if (body) indexes.push(body);
  if (item.page?.artifacts.breadcrumbs) indexes.push(indexOf(item.page.artifacts.breadcrumbs));
  const seen = new Set<SitePage>();
  const level1 = contentReferrers(item);
  for (const p of level1) {
    seen.add(p);
    for (const t of pageLabelTexts(p)) indexes.push(indexOf(t));
  }
  for (const p of level1) {
    const parentItem = model.byKey.get(urlKey(p.artifacts.finalUrl || p.artifacts.url));
    if (!parentItem) continue;
    for (const g of contentReferrers(parentItem)) {
      if (seen.has(g)) continue;
      seen.add(g);
      for (const t of pageLabelTexts(g)) indexes.push(indexOf(t));
    }
  }
  return { indexes };
}

const COUNCIL = compileAll(["общественный совет"]);
/** Words that say what a document is; a file named by one of them is not a mystery. */
const DOCUMENT_NAMES = compileAll(vocabulary("nok", "document-names"));

/**
 * Unreadable documents (scans, extraction errors) that nothing names — «Приказ от 17.02.2025
 * № 123-о» — kept in NOK or council material. What a rule looks for may be inside one of them, so
 * not finding it elsewhere proves nothing.
 */
export function opaqueUnreadable(model: SiteModel, sphere: Sphere | null): Item[] {
  const out: Item[] = [];
  for (const item of model.items) {
    const doc = item.page?.artifacts.document;
    if (!item.isDocument || !(doc?.scanned || doc?.error)) continue;
    if (
      item.labels.some((l) =>
        l.source !== "link" || !l.link ? false : hasAny(indexOf(l.text), DOCUMENT_NAMES, 0),
      )
    )
      continue;
    const { indexes } = contextTexts(model, item);
    if (nokContext(indexes, sphere) || indexes.some((idx) => hasAny(idx, COUNCIL, 1))) out.push(item);
    // A «Документы» list that also holds NOK documents: an unnamed scan beside them may be one too.
    else if (contentReferrers(item).some((p) => listsNokDocuments(p, sphere))) out.push(item);
  }
  return out;
}

/** A page whose content links name NOK documents (not menus: they link from everywhere). */
function listsNokDocuments(page: SitePage, sphere: Sphere | null): boolean {
  const texts = page.artifacts.links.filter((l) => !l.inNav && l.text).map((l) => indexOf(l.text));
  return texts.length > 0 && nokContext(texts, sphere) !== null;
}

/** The message for an absence that unreadable documents leave open. */
export function opaqueNote(items: Item[]): string {
  const first = items[0]!;
  const name = first.labels.find((l) => l.source === "link")?.text ?? first.url;
  return `Не удалось прочитать документов в материалах о НОК или совете: ${items.length} (скан без текстового слоя или ошибка чтения), например «${clip(name, 100)}» (${first.url}); искомое может быть в них.`;
}

/** NOK context of an item (see nok.ts for what does not count). */
export function itemNokContext(model: SiteModel, item: Item, sphere: Sphere | null): boolean {
  return nokContext(contextTexts(model, item).indexes, sphere) !== null;
}

/**
 * NOK context of the matches themselves: the matched words, the item's own names, a file's text, and
 * the names of the pages that link to it — not the body of a page that lists many documents (a
 * «Документы» page mixing NOK acts with an anti-corruption order) nor pages two levels up.
 */
export function hitsNokContext(model: SiteModel, hits: readonly Hit[], sphere: Sphere | null): boolean {
  const item = hits[0]?.item;
  if (!item) return false;
  const indexes: TokenIndex[] = hits.map((h) => indexOf(h.text));
  if (item.page) for (const t of pageLabelTexts(item.page)) indexes.push(indexOf(t));
  if (item.isDocument) {
    for (const l of item.labels) indexes.push(indexOf(l.text));
    const body = bodyIndex(model, item);
    if (body) indexes.push(body);
  }
  for (const p of contentReferrers(item)) for (const t of pageLabelTexts(p)) indexes.push(indexOf(t));
  return nokContext(indexes, sphere) !== null;
}

export function itemHasPhrases(
  model: SiteModel,
  item: Item,
  phrases: readonly CompiledPhrase[],
  maxGap = 2,
): boolean {
  return contextTexts(model, item).indexes.some((idx) => hasAny(idx, phrases, maxGap));
}

const PLACEHOLDERS = compileAll(vocabulary("nok", "placeholders"));

/** A short text that only says «информация будет размещена позднее». */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  if (t.length > 400) return false;
  return hasAny(indexOf(t), PLACEHOLDERS, 1);
}

/**
 * A label match that introduces nothing: a heading followed only by a placeholder, or a page
 * named for the thing whose main text is a placeholder (or empty) and which links to no document.
 */
export function hitIsEmpty(hit: Hit): boolean {
  const { label, item } = hit;
  if (!label) return false;
  if ((label.source === "heading" || label.source === "document") && label.after !== undefined) {
    if (isPlaceholder(label.after)) return true;
  }
  if (item.page?.artifacts.kind !== "html") return false;
  // A read page is what it holds: a link «Положение об общественном совете» to a page that says «Раздел
  // находится в стадии наполнения» names a stub. The page's own name is left out of what it holds.
  const a = item.page.artifacts;
  const own = label.source === "link" || label.source === "parent" ? pageName(a) : label.text;
  const rest = (own ? a.mainText.replace(own, "") : a.mainText).trim();
  const contentLinks = a.links.filter((l) => !l.inNav).length;
  if (isPlaceholder(rest) && contentLinks <= 2) return true;
  if (rest.replace(/[^\p{L}]/gu, "").length < 15 && contentLinks === 0) return true;
  return false;
}

/** Evidence for a hit: where, the words around the match, the snapshot, how it was reached. */
export function evidenceOf(hit: Hit, date: FoundDate | null = null, note?: string): Evidence {
  const { item, label } = hit;
  let excerpt: string;
  if (label?.after) excerpt = clip(`${label.text}: ${label.after}`, 260);
  else if (label) excerpt = clip(label.text, 260);
  else excerpt = excerptAround(hit.text, hit.match.start, hit.match.end, 110);
  if (note) excerpt = `${excerpt} (${note})`;
  const linkSource = label?.source === "link" || label?.source === "parent";
  return {
    url: item.url,
    excerpt,
    snapshot:
      item.page?.snapshot ?? (linkSource ? (label.from?.snapshot ?? null) : null) ?? itemSnapshot(item),
    linkText: (label?.source === "link" ? label.link?.text : null) ?? itemLinkText(item),
    depth: item.depth,
    date: date ? date.date : null,
  };
}

/** Short human description of where a hit was found. */
export function describeHit(hit: Hit): string {
  const what = hit.label
    ? clip(hit.label.text, 120)
    : clip(excerptAround(hit.text, hit.match.start, hit.match.end, 40), 120);
  return `«${what}»`;
}

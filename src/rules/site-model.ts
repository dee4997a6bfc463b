/**
 * The site as the checks see it: one item per fetched page or document, plus one per linked but
 * unread target, each with its labels — what names it (title, headings, the opening lines of a
 * document, the anchor texts and the surrounding words of the links that point to it).
 * «Скачать (PDF, 245 Кб)» names nothing; the words beside it in the list item or table row do.
 */

import { documentName } from "../extract/official-documents.ts";
import { untypedHeadEnd } from "../extract/untyped-head.ts";
import type { ExtractedLink, PageArtifacts, SitePage, SiteView } from "../types/index.ts";
import { clip } from "./text.ts";
import { urlKey } from "./url-key.ts";

export { urlKey };

export type LabelSource = "title" | "heading" | "opening" | "link" | "parent" | "document";

export interface Label {
  source: LabelSource;
  text: string;
  /** For a heading: the main text that follows it (what the heading introduces). */
  after?: string;
  /** The page the label was read on (the referrer for link and parent labels). */
  from: SitePage | null;
  link?: ExtractedLink;
  /** A title-like text: a bare year in it is a year (НОК 2025). */
  titleLike: boolean;
}

export interface Inbound {
  from: SitePage;
  link: ExtractedLink;
}

export interface Item {
  key: string;
  url: string;
  /** Null when the target was linked but not read (not fetched, refused or out of scope). */
  page: SitePage | null;
  kind: string;
  isDocument: boolean;
  labels: Label[];
  inbound: Inbound[];
  depth: number | null;
  /** A draft put up for discussion («Проект приказа …», blank requisites): not a published document. */
  draft?: boolean;
}

export interface SiteModel {
  items: Item[];
  byKey: Map<string, Item>;
  htmlPages: number;
  /** Link targets linked from many pages (menus, footers): their texts are boilerplate, not content. */
  repeatedTargets: Set<string>;
}

/** The value under a key, created on first use. */
export function getOrCreate<K, V>(
  map: { get(k: K): V | undefined; set(k: K, v: V): unknown },
  key: K,
  make: () => V,
): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

const DOC_EXT = /\.(pdf|docx?|xlsx?|rtf|odt|ods|pptx?|zip|rar)(?:$|[?#])/i;
const OPENING_CHARS = 320;

export function kindFromUrl(url: string): string {
  const m = DOC_EXT.exec(url);
  if (!m) return "html";
  const ext = m[1]!.toLowerCase();
  return ext === "docx" || ext === "doc" || ext === "pdf" || ext === "xls" || ext === "xlsx" ? ext : "other";
}

export function isDocumentKind(kind: string): boolean {
  return kind !== "html";
}

const modelCache = new WeakMap<SitePage[], { count: number; model: SiteModel }>();

/** Built once per evaluation (cached by the pages array and its length: the crawl appends to it). */
export function siteModel(site: SiteView): SiteModel {
  const hit = modelCache.get(site.pages);
  if (hit && hit.count === site.pages.length) return hit.model;
  const model = buildModel(site.pages);
  modelCache.set(site.pages, { count: site.pages.length, model });
  return model;
}

function buildModel(pages: SitePage[]): SiteModel {
  const byKey = new Map<string, Item>();
  const items: Item[] = [];
  for (const page of pages) {
    const a = page.artifacts;
    const key = urlKey(a.finalUrl || a.url);
    if (byKey.has(key)) continue;
    const item: Item = {
      key,
      url: a.finalUrl || a.url,
      page,
      kind: a.kind,
      isDocument: a.kind !== "html",
      labels: [...ownLabelsOf(page)],
      inbound: [],
      depth: page.depth,
    };
    items.push(item);
    byKey.set(key, item);
    const k2 = urlKey(a.url);
    if (!byKey.has(k2)) byKey.set(k2, item);
  }
  const linkedFrom = new Map<string, Set<SitePage>>();
  let htmlPages = 0;
  for (const page of pages) {
    if (page.artifacts.kind !== "html") continue;
    htmlPages++;
    const segments = linkSegments(page.artifacts);
    const docLinks = mainDocumentLinks(page.artifacts);
    for (const link of page.artifacts.links) {
      if (!/^https?:/i.test(link.url)) continue;
      const key = urlKey(link.url);
      getOrCreate(linkedFrom, key, () => new Set<SitePage>()).add(page);
      let item = byKey.get(key);
      if (!item) {
        const kind = kindFromUrl(link.url);
        item = {
          key,
          url: link.url,
          page: null,
          kind,
          isDocument: isDocumentKind(kind),
          labels: [],
          inbound: [],
          depth: page.depth + 1,
        };
        items.push(item);
        byKey.set(key, item);
      } else if (item.page === null && item.depth !== null) item.depth = Math.min(item.depth, page.depth + 1);
      if (item.page === page) continue;
      item.inbound.push({ from: page, link });
      const segment = segments.get(link) ?? link.text;
      const text = [segment, link.title && !segment.includes(link.title) ? link.title : ""]
        .filter(Boolean)
        .join(" — ");
      if (text && !item.labels.some((l) => l.source === "link" && l.text === text))
        item.labels.push({ source: "link", text, from: page, link, titleLike: true });
      // A document card (Госвеб, Bitrix detail page): a page named for one document that links to
      // its file lends the file its name.
      if (item.isDocument && docLinks === 1 && !link.inNav) {
        const name = pageName(page.artifacts);
        if (name && !item.labels.some((l) => l.source === "parent" && l.text === name))
          item.labels.push({ source: "parent", text: name, from: page, titleLike: true });
      }
    }
  }
  // Pages reached without a referrer in the view (sitemap seeds) keep the anchor text they came with.
  for (const item of items) {
    const lt = item.page?.linkText;
    if (item.page && lt && !item.labels.some((l) => l.source === "link" && l.text.includes(lt)))
      item.labels.push({ source: "link", text: lt, from: null, titleLike: true });
  }
  for (const item of items) if (isDraftItem(item)) item.draft = true;
  const repeatedTargets = new Set<string>();
  const threshold = Math.max(3, Math.ceil(htmlPages * 0.5));
  for (const [key, set] of linkedFrom) if (set.size >= threshold) repeatedTargets.add(key);
  return { items, byKey, htmlPages, repeatedTargets };
}

const DRAFT_LINK = /^[«"]?проект(?:ы)?\s/iu;

/** A draft: its own head or name says so («Проекты нормативных актов»), or every link to it does. */
function isDraftItem(item: Item): boolean {
  const first = item.page?.artifacts.documents?.[0];
  if (first?.draft && first.at <= 400) return true;
  if (item.page && DRAFT_LINK.test(pageName(item.page.artifacts))) return true;
  const links = item.labels.filter((l) => l.source === "link");
  return links.length > 0 && links.every((l) => DRAFT_LINK.test(l.text.trim()));
}

/** A page's own name: its first h1, else its title. */
export function pageName(a: PageArtifacts): string {
  const h1 = a.headings.find((h) => h.level === 1);
  return clip(h1?.text || a.title || "", 300);
}

const ownLabelCache = new WeakMap<SitePage, readonly Label[]>();

/**
 * A page's own labels, worked out once per page: the model is built again after every page a crawl reads.
 * Copied into the item, which gains link labels; the labels themselves are never changed.
 */
function ownLabelsOf(page: SitePage): readonly Label[] {
  return getOrCreate(ownLabelCache, page, () => ownLabels(page));
}

function ownLabels(page: SitePage): Label[] {
  const a = page.artifacts;
  const out: Label[] = [];
  // A letter (a file whose head names no type) ends its name with its title «О …»: what its body asks
  // for («Просим разработать план …») is not its name, in its opening or a title from its first lines.
  const head =
    a.kind === "html" || (a.documents ?? []).some((d) => d.at < 400 && d.type)
      ? null
      : untypedHeadEnd(a.text);
  const flat = (x: string) => x.replace(/\s+/g, " ").trim();
  const derived = a.title && flat(a.text.slice(0, 300)).startsWith(flat(a.title).slice(0, 40));
  const fileTitle = head && derived ? a.text.slice(0, head) : a.title;
  if (fileTitle) out.push({ source: "title", text: fileTitle, from: page, titleLike: true });
  if (a.kind === "html") {
    const main = a.mainText;
    let cursor = 0;
    const heads = a.headings.filter((h) => h.level <= 3);
    heads.forEach((h, i) => {
      const at = main.indexOf(h.text, cursor);
      let after = "";
      if (at >= 0) {
        cursor = at + h.text.length;
        const next = heads[i + 1];
        const nextAt = next ? main.indexOf(next.text, cursor) : -1;
        after = main.slice(cursor, nextAt > cursor ? Math.min(nextAt, cursor + 600) : cursor + 600).trim();
      }
      out.push({ source: "heading", text: h.text, after, from: page, titleLike: true });
    });
  } else if (a.text) {
    out.push({
      source: "opening",
      text: opening(head ? a.text.slice(0, head) : a.text),
      from: page,
      titleLike: false,
    });
  }
  out.push(...documentLabels(page));
  return out;
}

/** Labels at most per page from its official documents: the first heads are the page's own. */
const MAX_DOCUMENT_LABELS = 12;

/**
 * The documents a page or file holds, each named as it names itself: «Приказ от 21.03.2018 № 454 Об
 * утверждении Положения об Общественном совете …». An appendix («ПОЛОЖЕНИЕ об …» after «Приложение к
 * приказу») carries the date of the act it belongs to.
 */
function documentLabels(page: SitePage): Label[] {
  const out: Label[] = [];
  let act: string | null = null;
  for (const d of page.artifacts.documents ?? []) {
    if (out.length >= MAX_DOCUMENT_LABELS) break;
    let text = documentName(d);
    // What the act approves in its clauses («1. Утвердить: Положение об Общественном совете …»).
    const approved = d.approves.map((a) => a.name).filter((n) => !(d.title ?? "").includes(n));
    if (approved.length) text = `${text} (утверждает: ${approved.join("; ")})`;
    if (!d.appendix && d.approves.length) act = d.date;
    else if (d.appendix && !d.date && act)
      text = `${text} (приложение к акту от ${act.split("-").reverse().join(".")})`;
    // What follows the head: a placeholder there («Информация будет размещена позднее») means a stub.
    const body = page.artifacts.kind === "html" ? page.artifacts.mainText : page.artifacts.text;
    const after = body.slice(d.at + d.head.length, d.at + d.head.length + 600).trim();
    if (text) out.push({ source: "document", text, after, from: page, titleLike: true });
  }
  return out;
}

export function opening(text: string): string {
  if (text.length <= OPENING_CHARS) return text.trim();
  const cut = text.lastIndexOf(" ", OPENING_CHARS);
  return text.slice(0, cut > 200 ? cut : OPENING_CHARS).trim();
}

/** Number of distinct document links in a page's main content. */
function mainDocumentLinks(a: PageArtifacts): number {
  const keys = new Set<string>();
  for (const l of a.links) if (!l.inNav && DOC_EXT.test(l.url)) keys.add(urlKey(l.url));
  return keys.size;
}

const segmentCache = new WeakMap<PageArtifacts, Map<ExtractedLink, string>>();

/**
 * The words that belong to each link in its context (list item, table row, paragraph). When one
 * context holds several links, it is cut between them: descriptions usually precede their
 * «Скачать» link; when the context starts with a link, descriptions follow it instead.
 */
export function linkSegments(a: PageArtifacts): Map<ExtractedLink, string> {
  const hit = segmentCache.get(a);
  if (hit) return hit;
  const out = new Map<ExtractedLink, string>();
  const groups = new Map<string, ExtractedLink[]>();
  for (const l of a.links) {
    if (!l.context) {
      out.set(l, l.text);
      continue;
    }
    getOrCreate(groups, l.context, () => [] as ExtractedLink[]).push(l);
  }
  for (const [ctx, links] of groups) {
    if (links.length === 1) {
      out.set(links[0]!, ctx);
      continue;
    }
    const spans: { start: number; end: number }[] = [];
    let cursor = 0;
    for (const l of links) {
      const at = l.text ? ctx.indexOf(l.text, cursor) : -1;
      if (at >= 0) {
        spans.push({ start: at, end: at + l.text.length });
        cursor = at + l.text.length;
      } else spans.push({ start: -1, end: -1 });
    }
    const firstAt = spans.find((s) => s.start >= 0)?.start ?? 0;
    const descriptionsFollow = !/\p{L}{3,}/u.test(ctx.slice(0, firstAt));
    links.forEach((l, i) => {
      const s = spans[i]!;
      if (s.start < 0) {
        out.set(l, l.text);
        return;
      }
      if (descriptionsFollow) {
        const next = spans.slice(i + 1).find((x) => x.start >= 0);
        out.set(l, ctx.slice(s.start, next ? next.start : ctx.length).trim());
      } else {
        const prev = spans
          .slice(0, i)
          .reverse()
          .find((x) => x.start >= 0);
        out.set(l, ctx.slice(prev ? prev.end : 0, s.end).trim());
      }
    });
  }
  segmentCache.set(a, out);
  return out;
}

/** The body text of an item: main text for pages, the whole text for documents; empty when unread. */
export function bodyText(item: Item): string {
  const a = item.page?.artifacts;
  if (!a) return "";
  return a.kind === "html" ? a.mainText : a.text;
}

interface LinkSpan {
  start: number;
  end: number;
  key: string;
  inNav: boolean;
}

const linkSpanCache = new WeakMap<PageArtifacts, LinkSpan[]>();

/** Where the texts of a page's links occur in its main text (once per page). */
function linkSpans(a: PageArtifacts): LinkSpan[] {
  return getOrCreate(linkSpanCache, a, () => {
    const spans: LinkSpan[] = [];
    if (a.kind !== "html") return spans;
    const seen = new Set<string>();
    for (const l of a.links) {
      if (l.text.length < 3) continue;
      const key = urlKey(l.url);
      const id = `${l.text}|${key}|${l.inNav}`;
      if (seen.has(id)) continue;
      seen.add(id);
      let from = 0;
      for (;;) {
        const at = a.mainText.indexOf(l.text, from);
        if (at < 0) break;
        spans.push({ start: at, end: at + l.text.length, key, inNav: l.inNav });
        from = at + l.text.length;
      }
    }
    return spans;
  });
}

/**
 * Spans of a page's main text that are only the texts of menu links (links marked as navigation
 * or linked from most pages): a left menu that the extractor could not tell from content must not
 * make every page look like a NOK page.
 */
export function boilerplateSpans(model: SiteModel, page: SitePage): { start: number; end: number }[] {
  return linkSpans(page.artifacts).filter((s) => s.inNav || model.repeatedTargets.has(s.key));
}

export function insideSpans(spans: { start: number; end: number }[], start: number, end: number): boolean {
  return spans.some((s) => start >= s.start && end <= s.end);
}

export function itemLinkText(item: Item): string | null {
  if (item.page?.linkText) return item.page.linkText;
  return item.inbound[0]?.link.text || null;
}

export function itemSnapshot(item: Item): string | null {
  return item.page?.snapshot ?? item.inbound[0]?.from.snapshot ?? null;
}

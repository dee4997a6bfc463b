/**
 * `document`: a page or attachment named for the thing (title, headings, opening lines of a file,
 * the words of the link that points to it), optionally tied to NOK, with exclusions and freshness.
 */
import { z } from "zod";
import { officialDocuments } from "../../extract/official-documents.ts";
import type {
  CheckContext,
  CheckOutcome,
  CheckType,
  Evidence,
  FoundDate,
  SiteView,
} from "../../types/index.ts";
import {
  bodyHits,
  bodyIndex,
  cleanBody,
  contentLinkLabel,
  describeHit,
  evidenceOf,
  type Hit,
  hitDates,
  hitIsEmpty,
  hitsNokContext,
  isNewsItem,
  itemHasPhrases,
  itemLabelDates,
  itemNokContext,
  labelHits,
  opaqueNote,
  opaqueUnreadable,
  personNames,
  unrelatedByContext,
  unrelatedCouncil,
} from "../match.ts";
import { type Item, type LabelSource, type SiteModel, siteModel, urlKey } from "../site-model.ts";
import { type CompiledPhrase, clip, findFirst, hasAny, indexOf } from "../text.ts";
import { judgeFreshness } from "./freshness.ts";
import {
  checkPhrases,
  compiled,
  type Freshness,
  freshnessSchema,
  optionalPhrases,
  parseWith,
  phraseList,
} from "./params.ts";

const LABEL_SOURCES = ["title", "heading", "opening", "link", "parent", "document"] as const;

export const documentSchema = z
  .object({
    /** What is sought, in Russian, for messages: «положение об общественном совете». */
    what: z.string().trim().min(1),
    /** Names of the thing, matched in labels (title, headings, opening lines, link words). */
    phrases: phraseList,
    /** Phrases that also count when found in the body text (main text or document text). */
    textPhrases: optionalPhrases,
    /** Where textPhrases count: any body, or only documents (a page's intro often quotes the law). */
    textIn: z.enum(["all", "documents"]).default("all"),
    /** Which labels `phrases` are matched in (default: all). */
    labels: z.array(z.enum(LABEL_SOURCES)).min(1).optional(),
    /**
     * The item (its labels, body or the pages linking to it) must carry NOK wording. `nok-near`: only
     * the match, the item's own names (a file's text too) and the names of the pages that list it
     * count — for generic names («об утверждении плана», «отчет о выполнении плана») whose subject
     * a NOK act elsewhere on a «Документы» page does not settle.
     */
    requireContext: z.enum(["nok", "nok-near"]).optional(),
    /** …and/or at least one of these phrases. */
    requirePhrases: optionalPhrases,
    /** A label (or the words around a body match) with one of these is not the thing. */
    excludePhrases: optionalPhrases,
    /** An item with one of these in any of its labels is not the thing (e.g. a regulation for proposals). */
    excludeItemPhrases: optionalPhrases,
    /** …unless one of these is in its labels too («приложение к протоколу» is not a protocol). */
    keepItemPhrases: optionalPhrases,
    /** A council of another body: these words right after the match exclude it (and other spheres' ministries). */
    unrelatedPhrases: optionalPhrases,
    /** News items and announcements do not count (a news item about results is not the results). */
    excludeNews: z.boolean().default(false),
    /**
     * What kind of official document the thing is (ГОСТ Р 7.0.97 types: протокол, положение, состав,
     * перечень, …). A read page or file that is itself an official document of another kind (an order on
     * a regulation is not minutes) is not the thing; an act counts by what it approves.
     */
    documentTypes: z.array(z.string().min(2)).min(1).optional(),
    /**
     * Names that a blank form carries too («Сведения о ходе реализации мероприятий» is a column of the
     * standard plan form): an item named only by these counts when its text also says what was done.
     */
    confirm: z.object({ phrases: phraseList, by: phraseList }).strict().optional(),
    /**
     * A mention in running text («с привлечением организации-оператора») names no one: such a hit counts
     * only when one of `by` (a legal form: ООО, АНО, ГБУ …) stands within `within` characters of it.
     * Names of pages, links and documents are not affected.
     */
    nameNear: z
      .object({
        phrases: phraseList,
        by: phraseList,
        within: z.number().int().min(20).max(1000).default(300),
      })
      .strict()
      .optional(),
    /** Only these content kinds (html, pdf, doc, docx, xls, xlsx, …). */
    kinds: z.array(z.string().min(1)).min(1).optional(),
    /** Also accept a page about the council that lists at least `min` people by name. */
    persons: z
      .object({ min: z.number().int().min(2).max(50), labelPhrases: phraseList })
      .strict()
      .optional(),
    freshness: freshnessSchema.optional(),
    /** URL fragments that lead to the thing (focused crawling only). */
    urlFragments: z.array(z.string().min(2)).optional(),
    maxGap: z.number().int().min(0).max(6).default(2),
  })
  .strict();

export type DocumentParams = z.output<typeof documentSchema> & {
  c: {
    phrases: CompiledPhrase[];
    textPhrases: CompiledPhrase[];
    requirePhrases: CompiledPhrase[];
    excludePhrases: CompiledPhrase[];
    excludeItemPhrases: CompiledPhrase[];
    keepItemPhrases: CompiledPhrase[];
    unrelatedPhrases: CompiledPhrase[];
    personsLabel: CompiledPhrase[];
    confirmWeak: CompiledPhrase[];
    /** Whole written words (not stems: «установлен» is done, «установить» is planned). */
    confirmBy: RegExp;
    nameWeak: CompiledPhrase[];
    nameBy: RegExp;
  };
};

export function parseDocumentParams(params: Record<string, unknown>): DocumentParams {
  const p = parseWith(documentSchema, params);
  for (const k of [
    "phrases",
    "textPhrases",
    "requirePhrases",
    "excludePhrases",
    "excludeItemPhrases",
    "keepItemPhrases",
    "unrelatedPhrases",
  ] as const)
    checkPhrases(p[k], k);
  return {
    ...p,
    c: {
      phrases: compiled(p.phrases),
      textPhrases: compiled(p.textPhrases),
      requirePhrases: compiled(p.requirePhrases),
      excludePhrases: compiled(p.excludePhrases),
      excludeItemPhrases: compiled(p.excludeItemPhrases),
      keepItemPhrases: compiled(p.keepItemPhrases),
      unrelatedPhrases: compiled(p.unrelatedPhrases),
      personsLabel: compiled(p.persons?.labelPhrases),
      confirmWeak: compiled(p.confirm?.phrases),
      confirmBy: wordsPattern(p.confirm?.by ?? []),
      nameWeak: compiled(p.nameNear?.phrases),
      nameBy: wordsPattern(p.nameNear?.by ?? [], true),
    },
  };
}

/** A pattern for whole words in any case («выполнено», not «выполнить»); matches nothing when empty. */
function wordsPattern(words: readonly string[], caseSensitive = false): RegExp {
  if (words.length === 0) return /(?!)/;
  const alt = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/е/g, "[её]")).join("|");
  return new RegExp(`(?<![\\p{L}])(?:${alt})(?![\\p{L}])`, caseSensitive ? "u" : "iu");
}

function linkOnlyUnconfirmed(model: SiteModel, item: Item, hits: Hit[], p: DocumentParams): boolean {
  if (item.page?.artifacts.kind !== "html") return false;
  if (!hits.every((h) => h.label?.source === "link" || h.label?.source === "parent")) return false;
  // «Протокол № 1 от 12.03.2025» names one document by its requisites: the list row is the evidence.
  if (hits.some((h) => officialDocuments(h.text).some((d) => d.at === 0 && (d.date || d.number))))
    return false;
  const own = labelHits(item, p.c.phrases, {
    maxGap: p.maxGap,
    sources: ["title", "heading", "opening", "document"],
  });
  if (own.length) return false;
  const all = [...p.c.phrases, ...p.c.textPhrases];
  return bodyHits(model, item, all, { maxGap: p.maxGap, limit: 1 }).length === 0;
}

/** Drops prose mentions of a weak phrase with no name (`nameNear`) around them. */
function namedHits(hits: Hit[], p: DocumentParams): Hit[] {
  if (!p.nameNear) return hits;
  const within = p.nameNear.within;
  return hits.filter((h) => {
    // A file's long «title» is its first lines of text (no metadata title), prose like its opening.
    const prose =
      !h.label ||
      h.label.source === "opening" ||
      (h.label.source === "title" && h.item.isDocument && h.label.text.length > 150);
    if (!prose) return true;
    if (!hasAny(indexOf(h.text.slice(h.match.start, h.match.end)), p.c.nameWeak, 1)) return true;
    const around = h.text.slice(Math.max(0, h.match.start - within), h.match.end + within);
    return p.c.nameBy.test(around);
  });
}

export interface Candidate {
  item: Item;
  hits: Hit[];
  dates: FoundDate[];
}

/** A target named as the thing by the links to it, whose own content could not be read. */
export interface UnreadCandidate extends Candidate {
  reason: string;
}

/**
 * Why a linked file that was fetched could not be read (a zip bomb, a broken or oversized file), or null.
 * A file whose request failed (404) stays a link to the thing — the list row that names it was read —
 * while a rule about the file's content (`nested-document`) never takes its words from the link.
 */
export function unreadTarget(site: SiteView, item: Item): string | null {
  if (site.coverage.failed?.some((f) => urlKey(f.url) === item.key)) return null;
  const doc = item.page?.artifacts.document;
  if (doc?.error && !item.page?.artifacts.text.trim()) return `файл не прочитан (${clip(doc.error, 80)})`;
  return null;
}

/** An `unknown` for things named only by links to targets that could not be read. */
export function unreadOutcome(
  what: string,
  unread: UnreadCandidate[],
  details: Record<string, unknown>,
): CheckOutcome {
  const first = unread[0]!;
  return {
    status: "unknown",
    message: `${what[0]!.toUpperCase()}${what.slice(1)}: есть ссылка (${describeHit(first.hits[0]!)}), но сам документ прочитать не удалось — ${first.reason}.`,
    evidence: unread.slice(0, 3).map((u) => evidenceOf(u.hits[0]!)),
    details: {
      ...details,
      unreadable: unread.slice(0, 5).map((u) => ({ url: u.item.url, reason: u.reason })),
    },
  };
}

export interface Rejection {
  url: string;
  reason: string;
}

/**
 * The first rejections by URL: pages arrive in a crawl-dependent order, and a resumed run must report
 * the same details as an uninterrupted one.
 */
export function firstRejections(rejected: readonly Rejection[], n = 5): Rejection[] {
  return [...rejected]
    .sort((a, b) => a.url.localeCompare(b.url) || a.reason.localeCompare(b.reason))
    .slice(0, n);
}

/** Finds every item that is the thing; shared by `document` and `nested-document`. */
export function findCandidates(
  site: SiteView,
  p: DocumentParams,
  ctx: CheckContext,
): { model: SiteModel; candidates: Candidate[]; rejected: Rejection[]; unreadable: UnreadCandidate[] } {
  const model = siteModel(site);
  const candidates: Candidate[] = [];
  const rejected: Rejection[] = [];
  const unreadable: UnreadCandidate[] = [];
  const sources = (p.labels ?? LABEL_SOURCES) as readonly LabelSource[];
  for (const item of model.items) {
    if (p.kinds && !p.kinds.includes(item.kind)) continue;
    let hits = labelHits(item, p.c.phrases, {
      maxGap: p.maxGap,
      exclude: p.c.excludePhrases,
      sources,
      accept: contentLinkLabel(model, item),
    });
    if (p.c.textPhrases.length && (p.textIn === "all" || item.isDocument))
      hits.push(...bodyHits(model, item, p.c.textPhrases, { maxGap: p.maxGap, exclude: p.c.excludePhrases }));
    if (p.persons && hits.length === 0) {
      const h = personsHit(model, item, p);
      if (h) hits.push(h);
    }
    if (hits.length === 0) continue;
    const nonEmpty = hits.filter((h) => !hitIsEmpty(h));
    if (nonEmpty.length === 0) {
      rejected.push({ url: item.url, reason: "раздел или страница без содержания (заглушка)" });
      continue;
    }
    // A read page is what it holds: a link «Протоколы» to a page that neither names nor holds minutes
    // (a tab that leads elsewhere, a generic page) names nothing there.
    if (linkOnlyUnconfirmed(model, item, nonEmpty, p)) {
      rejected.push({ url: item.url, reason: "страница по ссылке не содержит того, что названо в ссылке" });
      continue;
    }
    hits = namedHits(nonEmpty, p);
    if (hits.length === 0) {
      rejected.push({ url: item.url, reason: "упомянут, но не назван" });
      continue;
    }
    if (
      p.confirm &&
      hits.every((h) => hasAny(indexOf(h.text.slice(h.match.start, h.match.end)), p.c.confirmWeak, 1))
    ) {
      const body = bodyIndex(model, item);
      if (!body || !p.c.confirmBy.test(body.text)) {
        rejected.push({ url: item.url, reason: "форма без сведений о выполнении" });
        continue;
      }
    }
    const types = itemDocumentTypes(item);
    if (p.documentTypes && types && !p.documentTypes.some((t) => types.has(t))) {
      rejected.push({ url: item.url, reason: `документ другого вида: ${[...types].join(", ")}` });
      continue;
    }
    // A news item that is itself the document («Протокол № 3 заседания …» posted as news) still counts.
    const typed = Boolean(p.documentTypes && types);
    if (p.excludeNews && !typed && isNewsItem(item)) {
      rejected.push({ url: item.url, reason: "новость, а не публикация документа" });
      continue;
    }
    if (p.c.unrelatedPhrases.length) {
      // One name of the item saying «при министерстве транспорта» settles whose council it is.
      const other =
        hits.map((h) => unrelatedCouncil(h, p.c.unrelatedPhrases, ctx.sphere)).find((w) => w !== null) ??
        unrelatedByContext(item, p.c.unrelatedPhrases, ctx.sphere);
      if (other) {
        rejected.push({ url: item.url, reason: `совет другого органа: «…${clip(other, 80)}»` });
        continue;
      }
    }
    if (
      p.c.excludeItemPhrases.length &&
      item.labels.some((l) => hasAny(indexOf(l.text), p.c.excludeItemPhrases, 1)) &&
      !item.labels.some((l) => hasAny(indexOf(l.text), p.c.keepItemPhrases, 1))
    ) {
      rejected.push({ url: item.url, reason: "документ другого вида" });
      continue;
    }
    if (
      p.requireContext === "nok"
        ? !itemNokContext(model, item, ctx.sphere)
        : p.requireContext === "nok-near" && !hitsNokContext(model, hits, ctx.sphere)
    ) {
      rejected.push({ url: item.url, reason: "не связано с независимой оценкой качества условий" });
      continue;
    }
    if (p.c.requirePhrases.length && !itemHasPhrases(model, item, p.c.requirePhrases, p.maxGap)) {
      rejected.push({ url: item.url, reason: "нет обязательных признаков" });
      continue;
    }
    const dates = [...hitDates(hits), ...itemLabelDates(item)];
    const broken = unreadTarget(site, item);
    // Named only by the links to it, and the file is a 404, cut or unreadable: nothing says it is published.
    if (broken && hits.every((h) => h.label?.source === "link" || h.label?.source === "parent")) {
      unreadable.push({ item, hits, dates, reason: broken });
      continue;
    }
    candidates.push({ item, hits, dates });
  }
  return { model, candidates, rejected, unreadable };
}

/** How near the start of a text a document's head must stand for the text to be that document. */
const HEAD_WITHIN = 400;

/**
 * The kinds of official document a read page or file is: the head at its start, what that act
 * approves, and the appendices that follow it. Null when it is not one (or was not read).
 */
export function itemDocumentTypes(item: Item, within = HEAD_WITHIN): Set<string> | null {
  const docs = item.page?.artifacts.documents;
  if (!docs?.length || docs[0]!.at > within) return null;
  const out = new Set<string>();
  const first = docs[0]!;
  if (first.type) out.add(first.type);
  for (const a of first.approves) if (a.type) out.add(a.type);
  for (const d of docs.slice(1)) if (d.appendix && d.type) out.add(d.type);
  return out;
}

/** A page about the council (by its labels) whose text names enough people: a composition list. */
function personsHit(model: SiteModel, item: Item, p: DocumentParams): Hit | null {
  if (!item.page || !p.persons) return null;
  for (const label of item.labels) {
    const idx = indexOf(label.text);
    const m = findFirst(idx, p.c.personsLabel, p.maxGap);
    if (!m || (p.c.excludePhrases.length && hasAny(idx, p.c.excludePhrases, 1))) continue;
    const names = personNames(cleanBody(model, item));
    if (names.length < p.persons.min) return null;
    // The council's name is the hit (its window tells whose council it is); the names go to the excerpt.
    return {
      item,
      label: { ...label, after: `${names.slice(0, 5).join(", ")}${names.length > 5 ? "…" : ""}` },
      text: label.text,
      match: m,
    };
  }
  return null;
}

/** Read items first, then the newest. */
export function rankCandidates(cands: Candidate[]): Candidate[] {
  // ISO dates compare as strings.
  const newest = (c: Candidate): string =>
    c.dates
      .map((d) => d.date)
      .sort()
      .at(-1) ?? "";
  return [...cands].sort((a, b) => {
    const ra = a.item.page ? 0 : 1;
    const rb = b.item.page ? 0 : 1;
    if (ra !== rb) return ra - rb;
    return newest(b).localeCompare(newest(a));
  });
}

export function judgeCandidates(
  cands: Candidate[],
  what: string,
  freshness: Freshness | undefined,
  asOf: string,
): CheckOutcome {
  const ranked = rankCandidates(cands);
  const best = ranked[0]!;
  let status: "pass" | "warn" = "pass";
  let freshText = "";
  let newest: FoundDate | null = null;
  if (freshness) {
    const v = judgeFreshness(
      cands.flatMap((c) => c.dates),
      freshness,
      asOf,
    );
    status = v.status;
    freshText = ` ${v.message}`;
    newest = v.newest;
  }
  // Evidence: the item with the newest date first when freshness matters, then the best ranked.
  const order = newest
    ? [...ranked].sort((a, b) => Number(hasDate(b, newest)) - Number(hasDate(a, newest)))
    : ranked;
  const evidence: Evidence[] = order.slice(0, 3).map((c) => evidenceOf(c.hits[0]!, pickDate(c, newest)));
  const lead = order[0] ?? best;
  const unread = lead.item.page ? "" : " (по ссылке; сам файл не прочитан)";
  const more = cands.length > 1 ? ` Всего найдено: ${cands.length}.` : "";
  return {
    status,
    message: `Найдено: ${what} — ${describeHit(lead.hits[0]!)}${unread}.${freshText}${more}`,
    evidence,
    details: { found: cands.length, newest: newest?.date ?? null },
  };
}

function hasDate(c: Candidate, d: FoundDate): boolean {
  return c.dates.some((x) => x.date === d.date && x.precision === d.precision);
}

function pickDate(c: Candidate, newest: FoundDate | null): FoundDate | null {
  if (newest && hasDate(c, newest)) return newest;
  let best: FoundDate | null = null;
  for (const d of c.dates) if (!best || d.date > best.date) best = d;
  return best;
}

export const documentCheck: CheckType<DocumentParams> = {
  name: "document",
  parse: parseDocumentParams,
  evaluate(site, p, ctx) {
    const { candidates, rejected, unreadable } = findCandidates(site, p, ctx);
    if (candidates.length === 0) {
      const details = rejected.length ? { rejected: firstRejections(rejected) } : {};
      if (unreadable.length) return unreadOutcome(p.what, unreadable, details);
      const opaque = opaqueUnreadable(siteModel(site), ctx.sphere);
      if (opaque.length)
        return {
          status: "unknown",
          message: `Не найдено среди прочитанного: ${p.what}. ${opaqueNote(opaque)}`,
          evidence: [],
          details: { ...details, unreadable: opaque.slice(0, 5).map((i) => i.url) },
        };
      return { status: "fail", message: `Не найдено: ${p.what}.`, evidence: [], details };
    }
    const out = judgeCandidates(candidates, p.what, p.freshness, ctx.asOf);
    if (rejected.length) out.details = { ...out.details, rejected: firstRejections(rejected) };
    return out;
  },
  cues(p) {
    return {
      phrases: [...p.phrases, ...(p.persons?.labelPhrases ?? [])],
      urlFragments: p.urlFragments ?? [],
    };
  },
};

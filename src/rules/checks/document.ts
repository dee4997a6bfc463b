/**
 * `document`: a page or attachment named for the thing (title, headings, opening lines of a file,
 * the words of the link that points to it), optionally tied to NOK, with exclusions and freshness.
 */
import { z } from "zod";
import type {
  CheckContext,
  CheckOutcome,
  CheckType,
  Evidence,
  FoundDate,
  SiteView,
} from "../../types/index.ts";
import { hitDates, itemLabelDates } from "../item-dates.ts";
import {
  bodyHits,
  bodyIndex,
  contentLinkLabel,
  describeHit,
  evidenceOf,
  hitIsEmpty,
  hitsNokContext,
  isNewsItem,
  itemHasPhrases,
  itemNokContext,
  labelHits,
  opaqueNote,
  opaqueUnreadable,
} from "../match.ts";
import { unrelatedByContext, unrelatedCouncil } from "../other-councils.ts";
import { type LabelSource, type SiteModel, siteModel } from "../site-model.ts";
import { type CompiledPhrase, clip, hasAny, indexOf } from "../text.ts";
import {
  type Candidate,
  firstRejections,
  type Rejection,
  type UnreadCandidate,
  unreadOutcome,
  unreadTarget,
} from "./candidates.ts";
import {
  affirmed,
  isActPage,
  linkOnlyUnconfirmed,
  namedHits,
  personsHit,
  sectionsHit,
  wordsPattern,
} from "./document-hits.ts";
import { itemDocumentTypes } from "./document-types.ts";
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
    /** Also accept a file or act page whose text has these section heads in turn (a headless copy). */
    sections: z.array(phraseList).min(2).max(6).optional(),
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
    sections: CompiledPhrase[][];
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
      sections: (p.sections ?? []).map((x) => compiled(x)),
      confirmWeak: compiled(p.confirm?.phrases),
      confirmBy: wordsPattern(p.confirm?.by ?? []),
      nameWeak: compiled(p.nameNear?.phrases),
      nameBy: wordsPattern(p.nameNear?.by ?? [], true),
    },
  };
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
    if (p.c.textPhrases.length && (p.textIn === "all" || item.isDocument || isActPage(item)))
      hits.push(...bodyHits(model, item, p.c.textPhrases, { maxGap: p.maxGap, exclude: p.c.excludePhrases }));
    if (p.persons && hits.length === 0) {
      const h = personsHit(model, item, p);
      if (h) hits.push(h);
    }
    if (p.c.sections.length && hits.length === 0 && (item.isDocument || isActPage(item))) {
      const h = sectionsHit(model, item, p.c.sections);
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
      if (!body || !affirmed(body.text, p.c.confirmBy)) {
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

export {
  type Candidate,
  firstRejections,
  itemDocumentTypes,
  type Rejection,
  type UnreadCandidate,
  unreadOutcome,
  unreadTarget,
};

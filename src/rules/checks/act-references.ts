/**
 * `act-references`: the legal basis of NOK — references to its acts in NOK material (link texts,
 * headings, page and document text), told apart by period: current acts (392-ФЗ, 344н, 675н,
 * ПП 638…) pass; only acts of 2013–2014 (ПП 286, 256-ФЗ) are a leftover (`warn`, requirements
 * AUTH-10); a «Нормативные правовые акты» block without recognisable references still passes.
 */
import { z } from "zod";
import type { CheckType } from "../../types/index.ts";
import {
  bodyHits,
  describeHit,
  evidenceOf,
  type Hit,
  isNewsItem,
  itemNokContext,
  labelHits,
} from "../match.ts";
import { nokMentions } from "../nok.ts";
import { type Item, siteModel } from "../site-model.ts";
import { type CompiledPhrase, findFirst, indexOf } from "../text.ts";
import { itemDocumentTypes } from "./document.ts";
import { checkPhrases, compiled, optionalPhrases, parseWith, phraseList } from "./params.ts";

const HEAD_SOURCES = ["link", "parent", "document"] as const;
/** 392-ФЗ took effect in 2018: an act organising NOK before it belongs to the old regime. */
const CURRENT_FROM = "2018-01-01";

const schema = z
  .object({
    what: z.string().trim().min(1),
    /** References to acts in force (their numbers and dates, or their titles). */
    current: phraseList,
    /** References to superseded acts: alone they mean a stale section. */
    outdated: optionalPhrases,
    /** Names of a legal-acts block («Нормативные правовые акты»). */
    blockPhrases: optionalPhrases,
    /** Titles of an act that itself organises NOK («об организации проведения»): the act is the basis. */
    ownActs: optionalPhrases,
    requireContext: z.enum(["nok"]).optional(),
    /** Verdict when only superseded acts are cited (requirements AUTH-10: a stale leftover). */
    outdatedStatus: z.enum(["warn", "pass"]).default("warn"),
  })
  .strict();

export type ActParams = z.output<typeof schema> & {
  c: {
    current: CompiledPhrase[];
    outdated: CompiledPhrase[];
    block: CompiledPhrase[];
    ownActs: CompiledPhrase[];
  };
};

export const actReferencesCheck: CheckType<ActParams> = {
  name: "act-references",
  parse(params) {
    const p = parseWith(schema, params);
    for (const k of ["current", "outdated", "blockPhrases", "ownActs"] as const) checkPhrases(p[k], k);
    return {
      ...p,
      c: {
        current: compiled(p.current),
        outdated: compiled(p.outdated),
        block: compiled(p.blockPhrases),
        ownActs: compiled(p.ownActs),
      },
    };
  },
  evaluate(site, p, ctx) {
    const model = siteModel(site);
    const current: Hit[] = [];
    const outdated: Hit[] = [];
    const blocks: Hit[] = [];
    for (const item of model.items) {
      // An order's preamble cites the laws it rests on, and a news item retells them: neither publishes
      // the legal basis. Such items count by their own names only, never by the acts in their text.
      const citing = isNewsItem(item) || itemDocumentTypes(item) !== null;
      const body = (phrases: typeof p.c.current) =>
        citing ? [] : bodyHits(model, item, phrases, { maxGap: 2 });
      // A file's title and opening are its text (the preamble with the laws it cites): a citing act
      // counts by its links and its own head only.
      const sources = citing && item.isDocument ? HEAD_SOURCES : undefined;
      const cur = [...labelHits(item, p.c.current, { maxGap: 2, sources }), ...body(p.c.current)];
      const old = p.c.outdated.length
        ? [...labelHits(item, p.c.outdated, { maxGap: 2, sources }), ...body(p.c.outdated)]
        : [];
      // A regional act that itself organises the assessment («Об организации проведения независимой
      // оценки …») is the legal basis, whatever it cites.
      const own = citing && p.c.ownActs.length ? ownActHit(item, p) : null;
      if (own) (own.date && own.date < CURRENT_FROM ? old : cur).push(own.hit);
      const blk = p.c.block.length ? labelHits(item, p.c.block, { maxGap: 2 }) : [];
      if (!cur.length && !old.length && !blk.length) continue;
      if (p.requireContext === "nok" && !itemNokContext(model, item, ctx.sphere)) continue;
      current.push(...cur);
      outdated.push(...old);
      blocks.push(...blk);
    }
    // The words as the site wrote them («статьей 79.1», «№ 392-ФЗ»), not the rule's phrases.
    const names = (hits: Hit[]) => [...new Set(hits.map((h) => h.text.slice(h.match.start, h.match.end)))];
    if (current.length) {
      return {
        status: "pass",
        message: `Найдены ${p.what}: ${names(current).slice(0, 5).join("; ")} (${describeHit(current[0]!)}).`,
        evidence: pickEvidence(current),
        details: { current: names(current), outdated: names(outdated) },
      };
    }
    if (outdated.length) {
      return {
        status: p.outdatedStatus,
        message: `Найдены только акты 2013–2014 гг. (${names(outdated).slice(0, 4).join("; ")}); нет ссылок на действующие (392-ФЗ, приказы 344н/675н).`,
        evidence: pickEvidence(outdated),
        details: { current: [], outdated: names(outdated) },
      };
    }
    if (blocks.length) {
      return {
        status: "pass",
        message: `Найден блок нормативных актов о НОК: ${describeHit(blocks[0]!)}; реквизиты актов не распознаны.`,
        evidence: pickEvidence(blocks),
        details: { current: [], outdated: [] },
      };
    }
    return { status: "fail", message: `Не найдены ${p.what}.`, evidence: [], details: {} };
  },
  cues(p) {
    return {
      phrases: [...(p.blockPhrases ?? []), ...p.current.slice(0, 6)],
      urlFragments: ["normativ", "npa", "zakonodatel"],
    };
  },
};

/** The item's own act, when its title to the text organises NOK: a hit on its document label. */
function ownActHit(item: Item, p: ActParams): { hit: Hit; date: string | null } | null {
  const d = item.page?.artifacts.documents?.[0];
  if (!d?.title || d.appendix || d.draft || !d.type || !ACT_TYPES.has(d.type)) return null;
  const title = indexOf(d.title);
  const m = findFirst(title, p.c.ownActs, 1);
  // «… в 2026 году»: a year's round of the assessment is its work, not its rules.
  if (!m || m.start > 0 || nokMentions(title).length === 0 || ONE_YEAR.test(d.title)) return null;
  const label = item.labels.find((l) => l.source === "document");
  if (!label) return null;
  const at = label.text.indexOf(d.title);
  return {
    hit: {
      item,
      label,
      text: label.text,
      match: { phrase: m.phrase, start: Math.max(0, at), end: Math.max(0, at) + d.title.length },
    },
    date: d.date,
  };
}

const ONE_YEAR = /(?:^|\s)(?:в|на)\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*(?:год|гг?\.)/iu;
const ACT_TYPES = new Set(["приказ", "постановление", "распоряжение", "решение", "указ", "закон"]);

/** One piece of evidence per item, read items first. */
function pickEvidence(hits: Hit[]) {
  const seen = new Set<string>();
  const out = [];
  for (const h of [...hits].sort((a, b) => Number(!a.item.page) - Number(!b.item.page))) {
    if (seen.has(h.item.key)) continue;
    seen.add(h.item.key);
    out.push(evidenceOf(h));
    if (out.length >= 3) break;
  }
  return out;
}

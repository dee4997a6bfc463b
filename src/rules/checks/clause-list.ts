/**
 * `clause-list`: a list an act gives in its own clause — «1. Утвердить Общественный совет по независимой
 * оценке качества … в составе: 1.1. … (по согласованию); 1.2. …» or «Создать Общественный совет … в
 * следующем составе:» followed by names. The subject and the clause stand in one sentence that names NOK
 * itself (another body's council in the same act does not count), and at least `minItems` entries follow
 * (numbered items, lines or people's names). News items count only where the rule allows.
 */
import { z } from "zod";
import { excerptAround } from "../../extract/russian/index.ts";
import type { CheckType } from "../../types/index.ts";
import { bodyIndex, isNewsItem } from "../match.ts";
import { nokMentions } from "../nok.ts";
import { personNames } from "../person-names.ts";
import { siteModel } from "../site-model.ts";
import { type CompiledPhrase, findEvery, findFirstIn, indexOf, type TokenIndex } from "../text.ts";
import { checkPhrases, compiled, freshnessSchema, parseWith, phraseList } from "./params.ts";
import { newestYear, type TextFinding, textEvidence, textOutcome } from "./text-finding.ts";

const schema = z
  .object({
    what: z.string().trim().min(1),
    /** Whose list it is («общественный совет»). */
    subjectPhrases: phraseList,
    /** The words that open the list («в составе», «в следующем составе»), followed by a colon. */
    clausePhrases: phraseList,
    minItems: z.number().int().min(2).max(50).default(3),
    /** Most characters from the subject to the clause (one sentence). */
    window: z.number().int().min(40).max(600).default(300),
    /** Most characters from the clause words to the colon («в отношении 16 учреждений:»). */
    colonWithin: z.number().int().min(0).max(120).default(5),
    /** A news item that gives the list itself publishes it (a ministry's «в 2022 году оценка — в отношении: …»). */
    news: z.enum(["allow", "reject"]).default("reject"),
    /** Judged on the years the sentence names («В 2022 году … в отношении …:»). */
    freshness: freshnessSchema.optional(),
  })
  .strict();

export type ClauseListParams = z.output<typeof schema> & {
  c: { subject: CompiledPhrase[]; clause: CompiledPhrase[] };
};

/** «1.2.», «2)», «–» at a line's or an entry's start. */
const ENTRY = /(?:^|\n|[;:]\s*)\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]|[-–—•])\s+\S/gu;
const LIST_CHARS = 2000;

interface Found extends TextFinding {
  entries: number;
}

export const clauseListCheck: CheckType<ClauseListParams> = {
  name: "clause-list",
  parse(params) {
    const p = parseWith(schema, params);
    checkPhrases(p.subjectPhrases, "subjectPhrases");
    checkPhrases(p.clausePhrases, "clausePhrases");
    return { ...p, c: { subject: compiled(p.subjectPhrases), clause: compiled(p.clausePhrases) } };
  },
  evaluate(site, p, ctx) {
    const model = siteModel(site);
    const asOfYear = Number(ctx.asOf.slice(0, 4));
    const found: Found[] = [];
    for (const item of model.items) {
      if (!item.page || (p.news === "reject" && isNewsItem(item))) continue;
      const index = bodyIndex(model, item);
      if (!index) continue;
      const text = index.text;
      const hit = listAt(index, p);
      if (!hit) continue;
      found.push({ item, text, ...hit, year: newestYear(text.slice(hit.start, hit.end), asOfYear) });
    }
    return textOutcome(found, {
      notFound: `Не найден ${p.what}.`,
      foundMessage: (best) =>
        `Найден ${p.what}: «${excerptAround(best.text, best.start, best.end, 80)}» — ${best.entries} поз.`,
      // The act's own date: the head of the document the clause stands in.
      evidence: (f) =>
        textEvidence(
          f,
          { end: f.end + 120, radius: 40 },
          (f.item.page!.artifacts.documents ?? []).filter((d) => d.at <= f.start && d.date).at(-1)?.date,
        ),
      freshness: p.freshness,
      asOf: ctx.asOf,
      details: (items) => ({ items }),
    });
  },
  cues(p) {
    return { phrases: p.subjectPhrases, urlFragments: [] };
  },
};

function listAt(
  index: TokenIndex,
  p: ClauseListParams,
): { start: number; end: number; entries: number } | null {
  const text = index.text;
  for (const m of findEvery(index, p.c.subject, 1)) {
    const span = text.slice(m.start, m.end + p.window);
    const c = findFirstIn(span, p.c.clause, 1);
    if (!c) continue;
    const sentence = span.slice(0, c.end);
    // One sentence: no full stop followed by a capital between the subject and the clause.
    if (/[.!?]\s+\p{Lu}/u.test(sentence)) continue;
    if (nokMentions(indexOf(sentence)).length === 0) continue;
    const after = text.slice(m.start + c.end, m.start + c.end + p.colonWithin + 2);
    const colon = after.search(/:\s/);
    if (colon < 0 || /[.!?;]/.test(after.slice(0, colon))) continue;
    const listFrom = m.start + c.end + colon + 1;
    const list = text.slice(listFrom, listFrom + LIST_CHARS);
    // Entries: numbered or bulleted, people's names, or items closed by «;» as Russian enumerations are.
    const semicolons = list.match(/;(?=\s)/gu)?.length ?? 0;
    const entries = Math.max(
      list.match(ENTRY)?.length ?? 0,
      personNames(list).length,
      semicolons ? semicolons + 1 : 0,
    );
    if (entries >= p.minItems) return { start: m.start, end: m.start + c.end, entries };
  }
  return null;
}

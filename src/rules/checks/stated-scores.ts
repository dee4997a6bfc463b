/**
 * `stated-scores`: results written into a page's own text rather than published as a file — «По итогам
 * оценки, проведённой в 2024 году, школа получила: открытость … — 93,6% …», «набрал 88,3 балла из 100 и
 * занял 2 место». A results lead phrase followed closely by scores (points or per-criterion percentages)
 * on a NOK page's main content (menus and footers cut), in a news item only if allowed, not in a methodology
 * («от 0 до 100 баллов», «рассчитывается»). The year of the assessment stated there dates the evidence.
 */
import { z } from "zod";
import { excerptAround } from "../../extract/russian/index.ts";
import type { CheckType } from "../../types/index.ts";
import { bodyIndex, isNewsItem, itemNokContext } from "../match.ts";
import { siteModel } from "../site-model.ts";
import { type CompiledPhrase, findEvery, findFirstIn } from "../text.ts";
import { checkPhrases, compiled, freshnessSchema, optionalPhrases, parseWith, phraseList } from "./params.ts";
import { type TextFinding, textEvidence, textOutcome } from "./text-finding.ts";

const schema = z
  .object({
    what: z.string().trim().min(1),
    /** Words that open a statement of results («по итогам оценки», «итоговый балл»). */
    leadPhrases: phraseList,
    /** Words that make the figures a scale or a method, not an organisation's result. */
    excludePhrases: optionalPhrases,
    /** Scores that must follow a lead within `window` characters. */
    minScores: z.number().int().min(1).max(10).default(1),
    window: z.number().int().min(40).max(1000).default(400),
    /**
     * News items: an item stating the organisation's own score («заняла 3 место с результатом 93,8
     * балла») publishes it; a headline without figures does not (and is not matched: scores are required).
     */
    news: z.enum(["allow", "reject"]).default("reject"),
    freshness: freshnessSchema.optional(),
  })
  .strict();

export type StatedScoresParams = z.output<typeof schema> & {
  c: { lead: CompiledPhrase[]; exclude: CompiledPhrase[] };
};

/** «93,6%», «89,0 балла», «88 баллов» — a score, not a date or a count of people. */
const SCORE = /(?<![\d.,])\d{1,3}(?:[.,]\d{1,2})?\s*(?:%|процент|балл)/giu;
const YEAR = /(?<!\d)(20\d{2})(?:\s*(?:год|г\.))?/gu;

export const statedScoresCheck: CheckType<StatedScoresParams> = {
  name: "stated-scores",
  parse(params) {
    const p = parseWith(schema, params);
    checkPhrases(p.leadPhrases, "leadPhrases");
    checkPhrases(p.excludePhrases, "excludePhrases");
    return { ...p, c: { lead: compiled(p.leadPhrases), exclude: compiled(p.excludePhrases) } };
  },
  evaluate(site, p, ctx) {
    const model = siteModel(site);
    const found: TextFinding[] = [];
    for (const item of model.items) {
      if (item.page?.artifacts.kind !== "html" || (p.news === "reject" && isNewsItem(item))) continue;
      const index = bodyIndex(model, item);
      if (!index) continue;
      const text = index.text;
      const leads = findEvery(index, p.c.lead, 2);
      if (!leads.length) continue;
      let best: TextFinding | null = null;
      for (const m of leads) {
        const span = text.slice(m.start, m.end + p.window);
        const scores = span.match(SCORE)?.length ?? 0;
        if (scores < p.minScores) continue;
        if (p.c.exclude.length && findFirstIn(span, p.c.exclude, 2)) continue;
        // The year of the assessment: in the statement or just before it («2025 год … Итоговый балл»).
        const around = text.slice(Math.max(0, m.start - 120), m.end + Math.min(p.window, 200));
        const years = [...around.matchAll(YEAR)].map((y) => Number(y[1]));
        const year = years.length ? Math.max(...years) : null;
        // A page giving several years' results is evidence of the newest.
        if (!best || (year ?? 0) > (best.year ?? 0)) best = { item, text, start: m.start, end: m.end, year };
      }
      if (best && itemNokContext(model, item, ctx.sphere)) found.push(best);
    }
    return textOutcome(found, {
      notFound: `Не найдены ${p.what}.`,
      foundMessage: (best) => `Найдены ${p.what}: «${excerptAround(best.text, best.start, best.end, 90)}».`,
      evidence: (f) => textEvidence(f, { end: f.end + 160, radius: 60 }),
      freshness: p.freshness,
      asOf: ctx.asOf,
      details: (pages) => ({ pages }),
    });
  },
  cues(p) {
    return { phrases: p.leadPhrases, urlFragments: [] };
  },
};

/**
 * `table-form`: a document recognised by the columns of its prescribed form rather than by its title. The
 * improvement plan's form (Правила, утв. постановлением Правительства РФ от 17.04.2018 № 457) has the
 * columns «Недостатки, выявленные в ходе независимой оценки» | «Мероприятие по устранению» | «Плановый
 * срок» | «Ответственный»; a page headed «Сведения о ходе реализации плана …» whose table has those
 * columns holds the plan itself. Every column group must appear within `window` characters of the first
 * one, in a page's main content or a file's text, on a NOK page or file; news items do not count.
 */
import { z } from "zod";
import { excerptAround } from "../../extract/russian/index.ts";
import type { CheckType } from "../../types/index.ts";
import { bodyIndex, isNewsItem, itemNokContext } from "../match.ts";
import { type Item, pageName, siteModel } from "../site-model.ts";
import { type CompiledPhrase, findEvery, findFirstIn, type TokenIndex } from "../text.ts";
import { checkPhrases, compiled, freshnessSchema, optionalPhrases, parseWith, phraseList } from "./params.ts";
import { newestYear, type TextFinding, textEvidence, textOutcome } from "./text-finding.ts";

const schema = z
  .object({
    what: z.string().trim().min(1),
    /** The form's column heads: one phrase list per column, every column must be there. */
    columns: z.array(phraseList).min(2).max(8),
    window: z.number().int().min(60).max(2000).default(250),
    /**
     * A document that opens by naming itself otherwise («ОТЧЁТ о выполнении плана …», «ИНФОРМАЦИЯ о
     * выполнении …») is that other document, although it repeats the form's columns.
     */
    excludeNamePhrases: optionalPhrases,
    freshness: freshnessSchema.optional(),
  })
  .strict();

export type TableFormParams = z.output<typeof schema> & {
  c: CompiledPhrase[][];
  excludeName: CompiledPhrase[];
};

export const tableFormCheck: CheckType<TableFormParams> = {
  name: "table-form",
  parse(params) {
    const p = parseWith(schema, params);
    for (const [i, c] of p.columns.entries()) checkPhrases(c, `columns.${i}`);
    checkPhrases(p.excludeNamePhrases, "excludeNamePhrases");
    return { ...p, c: p.columns.map((c) => compiled(c)), excludeName: compiled(p.excludeNamePhrases) };
  },
  evaluate(site, p, ctx) {
    const model = siteModel(site);
    const asOfYear = Number(ctx.asOf.slice(0, 4));
    const found: TextFinding[] = [];
    for (const item of model.items) {
      if (!item.page || isNewsItem(item)) continue;
      const index = bodyIndex(model, item);
      if (!index) continue;
      const text = index.text;
      if (p.excludeName.length && namedOtherwise(item, p.excludeName)) continue;
      const at = formAt(index, p);
      if (!at || !itemNokContext(model, item, ctx.sphere)) continue;
      // The plan's period: years in its heading and rows («до 15.02.2025», «на 2025 год»).
      found.push({
        item,
        text,
        ...at,
        year: newestYear(text.slice(Math.max(0, at.start - 300), at.end + 2000), asOfYear),
      });
    }
    return textOutcome(found, {
      notFound: `Не найден ${p.what}.`,
      foundMessage: (best) =>
        `Найден ${p.what} (таблица установленной формы): «${excerptAround(best.text, best.start, best.end, 100)}».`,
      evidence: (f) => textEvidence(f, { end: f.end, radius: 60 }),
      freshness: p.freshness,
      asOf: ctx.asOf,
      details: (items) => ({ items }),
    });
  },
  cues(p) {
    return { phrases: p.columns.flat(), urlFragments: [] };
  },
};

/** Where every column head stands within the window after the first column's head, if anywhere. */
function formAt(index: TokenIndex, p: TableFormParams): { start: number; end: number } | null {
  const [first, ...rest] = p.c;
  for (const m of findEvery(index, first!, 2)) {
    const span = index.text.slice(m.start, m.end + p.window);
    let end = m.end;
    let all = true;
    for (const col of rest) {
      const hit = findFirstIn(span, col, 2);
      if (!hit) {
        all = false;
        break;
      }
      end = Math.max(end, m.start + hit.end);
    }
    if (all) return { start: m.start, end };
  }
  return null;
}

/** The item's own name — a page's heading or title, a file's first words — opens with another kind. */
function namedOtherwise(item: Item, phrases: CompiledPhrase[]): boolean {
  const a = item.page!.artifacts;
  const name = (a.kind === "html" ? pageName(a) : a.text.slice(0, 200)).trim();
  const m = findFirstIn(name, phrases, 1);
  return m !== null && m.start < 12;
}

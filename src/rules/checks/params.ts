/** Parameter parsing shared by the check types: zod schemas, Russian messages, paths for file:line errors. */
import { z } from "zod";
import type { CompiledPhrase } from "../text.ts";
import { compileAll } from "../text.ts";

export interface ParamIssue {
  /** Path inside the check's parameters, e.g. ["freshness", "maxAgeMonths"]. */
  path: (string | number)[];
  message: string;
}

/** Thrown by a check type's `parse`; the loader turns each issue into a file:line error. */
export class ParamError extends Error {
  readonly issues: ParamIssue[];
  constructor(issues: ParamIssue[]) {
    super(issues.map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`).join("; "));
    this.name = "ParamError";
    this.issues = issues;
  }
}

const ru = z.locales.ru();

/** Validates with a zod schema; issues become a ParamError with paths relative to the check. */
export function parseWith<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const r = schema.safeParse(params, { error: ru.localeError });
  if (r.success) return r.data;
  throw new ParamError(
    r.error.issues.map((i) => ({
      path: i.path.filter((p) => typeof p !== "symbol") as (string | number)[],
      message: i.message,
    })),
  );
}

/** A list of phrases in plain Russian (declensions match through stemming; «слово*» is a prefix). */
export const phraseList = z.array(z.string().trim().min(1)).min(1);
export const optionalPhrases = phraseList.optional();

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "ожидается дата ГГГГ-ММ-ДД");

export const freshnessSchema = z
  .object({
    /** Stale when the newest dated item is older than this many months (minutes: 12). */
    maxAgeMonths: z.number().int().positive().optional(),
    /** Stale when the newest year < as-of year + this offset (results: -1; lists: 0). */
    minYearOffset: z.number().int().min(-10).max(1).optional(),
    /** Stale when the newest date is before this day (a regulation before 392-ФЗ). */
    notBefore: isoDate.optional(),
    /** What the notBefore date stands for, for messages («вступления в силу 392-ФЗ»). */
    notBeforeLabel: z.string().optional(),
    /** Verdict when nothing found carries a date. */
    undated: z.enum(["pass", "warn"]).default("pass"),
  })
  .strict()
  .refine((f) => f.maxAgeMonths !== undefined || f.minYearOffset !== undefined || f.notBefore !== undefined, {
    message: "укажите maxAgeMonths, minYearOffset или notBefore",
  });

export type Freshness = z.output<typeof freshnessSchema>;

export function compiled(list: readonly string[] | undefined): CompiledPhrase[] {
  return list ? compileAll(list) : [];
}

/** Every phrase must give at least one word to match (a phrase of punctuation only is an error). */
export function checkPhrases(list: readonly string[] | undefined, path: string): void {
  if (!list) return;
  const bad = list.findIndex((p) => compileAll([p]).length === 0);
  if (bad >= 0) throw new ParamError([{ path: [path, bad], message: "во фразе нет ни одного слова" }]);
}

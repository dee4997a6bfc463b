/**
 * What the pipeline puts into `SiteView.data.busgov` for the `busgov-data` check: the answers of
 * bus.gov.ru, one part per question (card, НОК results, improvement plans). A part is either an
 * answer (`ok: true`, the value and the snapshot hash of its raw JSON) or "could not tell"
 * (`ok: false`, the error) — never confused with "absent". Validated with zod because the data also
 * comes from rule examples (YAML) and from older snapshots.
 */
import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const errorSchema = z.object({ code: z.string().min(1), message: z.string() });

function part<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion("ok", [
    z.object({
      ok: z.literal(true),
      /** The request whose raw JSON holds the value. */
      url: z.string().min(1),
      /** `sha256:` of that raw JSON in the snapshot store. */
      snapshot: z.string().nullish(),
      value,
    }),
    z.object({ ok: z.literal(false), url: z.string().min(1), error: errorSchema }),
  ]);
}

export const busgovCardSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  inn: z.string().nullish(),
  fullName: z.string().nullish(),
  /** The human card (https://bus.gov.ru/pub/info-card/{id}): evidence links point here. */
  cardUrl: z.string().min(1),
});

export const busgovResultSchema = z.object({
  year: z.number().int(),
  totalScore: z.number().nullish(),
  group: z.string().nullish(),
});

/** One item of a plan, reduced to what the report question needs (planShortcomingInfoType SHORTCOMINGS[]). */
export const busgovPlanItemSchema = z.object({
  /** PLAN_DATE: the item is due after it. */
  planDate: isoDate.nullish(),
  /** FACT_DATE: when it was actually done. */
  factDate: isoDate.nullish(),
  /** Whether MEASURES (what was done) is filled in. */
  measures: z.boolean().nullish(),
});

export const busgovPlanSchema = z.object({
  /** The НОК year the plan answers (RATING_YEAR). */
  year: z.number().int(),
  /** APPROVE_DATE. */
  approved: isoDate.nullish(),
  /** The items; the report on the plan is FACT_DATE/MEASURES filled in on them. */
  items: z.array(busgovPlanItemSchema).default([]),
});

export const busgovDataSchema = z.object({
  query: z.object({ inn: z.string().nullish(), id: z.string().nullish() }),
  /** `value: null` — the service answered that there is no such institution. */
  card: part(busgovCardSchema.nullable()),
  /** Absent when not asked (no card). */
  ratings: part(z.array(busgovResultSchema)).nullish(),
  plans: part(z.array(busgovPlanSchema)).nullish(),
});

export type BusgovData = z.output<typeof busgovDataSchema>;
export type BusgovCard = z.output<typeof busgovCardSchema>;
export type BusgovResult = z.output<typeof busgovResultSchema>;
export type BusgovPlan = z.output<typeof busgovPlanSchema>;
export type BusgovPlanItem = z.output<typeof busgovPlanItemSchema>;
/** One answered or failed question. */
export type BusgovPart<T> =
  | { ok: true; url: string; snapshot?: string | null | undefined; value: T }
  | { ok: false; url: string; error: { code: string; message: string } };

/** The key of `SiteView.data` the check reads. */
export const BUSGOV_DATA_KEY = "busgov";

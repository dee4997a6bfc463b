import { z } from "zod";

/*
 * JSON shapes of the bus.gov.ru endpoints we call. None is documented by the site: every shape below
 * was learnt from public third-party code (see /work/shared/domain/anchors.md §5.3) or is assumed, as
 * marked per schema. Only the fields we use are validated; unknown fields are ignored so that harmless
 * additions on the site do not break us, while a changed structure fails loudly as a `parse` error.
 */

/** Ids and INNs arrive as numbers in some scripts' data and as strings in others: accept both. */
const idLike = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform((v) => String(v));

/** Scores may be numbers or strings with a decimal comma (Russian formatting). */
const numberLike = z
  .union([z.number(), z.string().regex(/^\s*-?\d+(?:[.,]\d+)?\s*$/)])
  .transform((v) => (typeof v === "number" ? v : Number(v.trim().replace(",", "."))));

const yearLike = z
  .union([z.number().int(), z.string().regex(/^\d{4}$/)])
  .transform((v) => Number(v))
  .refine((y) => y >= 2000 && y <= 2100, "год вне диапазона 2000–2100");

const text = z.string().nullish();

/**
 * Agency search by INN: GET /public-rest/api/agency/extendedSearchAgencyNew?searchString={INN}&…
 * Learnt from: anchors.md §5.3 «Search by INN (current)» (a public contingent-history script reads
 * `agencies[0].agencyId`); `shortName`, `website`, `fullAddress`, `phone` from the legacy search used by
 * school-list scrapers and a zakupki/atlas join script (`agencies[].shortName/website`).
 * ASSUMED: `inn` on a search hit (not seen in public code) — used only when present.
 */
export const searchSchema = z.object({
  agencies: z
    .array(
      z.object({
        agencyId: idLike,
        shortName: text,
        fullName: text,
        inn: idLike.nullish(),
        website: text,
        fullAddress: text,
        phone: text,
      }),
    )
    .nullable(),
});
export type SearchJson = z.output<typeof searchSchema>;

/** The fields a card and its branch's head agency share. */
const agencyFields = {
  id: idLike.nullish(),
  inn: idLike.nullish(),
  shortClientName: text,
  shortClientAltName: text,
  fullClientName: text,
  agencyAddress: z.object({ fullAddress: text }).nullish(),
  phone: text,
  website: text,
  email: text,
};

/**
 * Agency card: GET /public/agency/agency.json?agency={agencyId}
 * Learnt from: anchors.md §5.3 «Agency card JSON»; public school scrapers read `agency.shortClientName`
 * (fallback `shortClientAltName`), `agency.fullClientName`, `agency.agencyAddress.fullAddress`,
 * `agency.phone`, `agency.website`, `agency.email`, `agency.id`; an org-sync script reads `agency.inn`.
 * Branch cards: `agency.id` / `phone` may be missing, and scrapers then read
 * `agency.branch.headAgency.{id, …}` (issue 14, from public scraper code) — so `id` is optional here
 * and mapCard falls back to the head agency.
 */
export const cardSchema = z.object({
  agency: z.object({
    ...agencyFields,
    branch: z.object({ headAgency: z.object(agencyFields).nullish() }).nullish(),
  }),
});
export type CardJson = z.output<typeof cardSchema>;

/**
 * One rating row of ratingCompare/commonInfo. Learnt from ohappykust/busgov-extractor `api.py`:
 * `organizationGroup.groupName`, `globalPlaceValue`, `opennessValue`, `comfortValue`, `timeoutValue`,
 * `goodwillValue`, `contentmentValue`. Other `…Value` fields are kept (loose) because the criterion set
 * differs by sector and regime (R256 vs R392); `timeoutValue` is probably sector-specific (anchors.md).
 * ASSUMED: a total score field — none is known; the client computes the mean of the criteria.
 */
const ratingDetailSchema = z.looseObject({
  organizationGroup: z.object({ groupName: text }).nullish(),
  globalPlaceValue: numberLike.nullish(),
});

/**
 * НОК results for many agencies: GET /public-rating/api/ratingCompare/commonInfo?compareAgencyIds={id}…
 * Learnt from: anchors.md §5.3 and ohappykust/busgov-extractor `api.py`: a map keyed by agency id, each
 * `{ ratingYear, scopeWithRatingsDtos: [{ ratingDetailsDto: [row…] }] }`; the extractor guards against an
 * empty/missing `scopeWithRatingsDtos` (no results) and against `organizationGroup: null`.
 * Only the latest rating year per agency is known to be returned (one `ratingYear` per entry).
 */
export const commonInfoSchema = z.record(
  z.string(),
  z
    .object({
      ratingYear: yearLike.nullish(),
      scopeWithRatingsDtos: z
        .array(z.object({ ratingDetailsDto: z.array(ratingDetailSchema).nullish() }))
        .nullish(),
    })
    .nullable(),
);
export type CommonInfoJson = z.output<typeof commonInfoSchema>;

/** Dates in the exchange format are xs:date (YYYY-MM-DD); Russian DD.MM.YYYY is accepted from exports. */
const dateText = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4})/, "дата в формате ГГГГ-ММ-ДД");
const requiredText = z.union([z.string(), z.number()]).transform((v) => String(v).trim());

/**
 * An improvement plan as the ГМУ exchange format defines it: `planShortcomingInfoType` (ТФФ 1.8.3,
 * Types.xsd; structure quoted in issue 14). The report on the plan is not a separate document: it is
 * `FACT_DATE` («фактический срок реализации») and `MEASURES` («меры по устранению недостатков»)
 * filled in on the items. Elements the type marks optional are `nullish` here; the required ones are
 * required, so an export or a stand-in that drifts from the type fails loudly as `parse`.
 */
export const planShortcomingSchema = z.object({
  RATING_YEAR: yearLike,
  SOCIAL_COUNCIL: requiredText,
  PLAN_PERIOD: requiredText,
  DESTINATION_ORGANIZATION: requiredText,
  SCOPE_ACTIVITY: requiredText,
  INN: idLike,
  KPP: idLike.nullish(),
  ORGANIZATION_APPROVED: requiredText,
  APPROVE_DATE: dateText,
  DESCRIPTION: text,
  GROUPS_SHORTCOMINGS: z.array(
    z.object({
      CRITERION_NAME: text,
      SHORTCOMINGS: z.array(
        z.object({
          CRITERION_NAME: text,
          /** The shortcoming found by the assessment. */
          NAME: requiredText,
          /** The measure planned against it. */
          ACTIVITY: requiredText,
          PLAN_DATE: dateText,
          FIO: requiredText,
          POSITION: requiredText,
          FACT_DATE: dateText.nullish(),
          MEASURES: text,
        }),
      ),
    }),
  ),
  PLAN_SHORTCOMING_DOCUMENTS: z
    .array(
      z.object({
        DOC_NAME: requiredText,
        DOC_TYPE: text,
        REG_DATE: dateText.nullish(),
        DOC_NUM: text,
      }),
    )
    .nullish(),
});
export type PlanShortcomingJson = z.output<typeof planShortcomingSchema>;

/**
 * Improvement plans of one agency over HTTP: NO PUBLIC ENDPOINT IS KNOWN. The client does not ask the
 * real bus.gov.ru (plans come out `unknown` there, or from an export: --busgov-plans). A stand-in — the
 * demo's mock — answers GET /public-rating/api/improvementPlan/list?agencyId={id} with
 * `{ plans: [planShortcomingInfoType as JSON] }`; that path is ours, not bus.gov.ru's.
 */
export const plansSchema = z.object({ plans: z.array(planShortcomingSchema) });
export type PlansJson = z.output<typeof plansSchema>;

/** A numeric criterion value from a loose rating row, or undefined. */
export const criterionValue = numberLike.nullish();

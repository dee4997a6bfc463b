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

/**
 * Agency card: GET /public/agency/agency.json?agency={agencyId}
 * Learnt from: anchors.md §5.3 «Agency card JSON»; public school scrapers read `agency.shortClientName`
 * (fallback `shortClientAltName`), `agency.agencyAddress.fullAddress`, `agency.phone`, `agency.website`,
 * `agency.email`, `agency.id`; an org-sync script reads `agency.inn`.
 * ASSUMED: `fullClientName` (by analogy with shortClientName), optional.
 */
export const cardSchema = z.object({
  agency: z.object({
    id: idLike,
    inn: idLike.nullish(),
    shortClientName: text,
    shortClientAltName: text,
    fullClientName: text,
    agencyAddress: z.object({ fullAddress: text }).nullish(),
    phone: text,
    website: text,
    email: text,
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

/**
 * Improvement plans: ENTIRELY ASSUMED. No public code reads the НОК improvement plans from bus.gov.ru
 * (requirements.md BUS-03 knows only that plans are placed on the card and can be commented on;
 * `/public/agency/last-agency-plan.json` is the financial plan, not this). Path and shape below are
 * what our mock serves: GET /public-rating/api/improvementPlan/list?agencyId={id} →
 * `{ plans: [{ ratingYear, approveDate?, items?: [{ shortcoming, measure, deadline?, responsible?, done? }],
 * executionReport?: { placedAt? } | null }] }`. Against the real site this will most likely answer 404
 * (→ `ok: false`, i.e. `unknown`) until the real endpoint is learnt.
 */
export const plansSchema = z.object({
  plans: z.array(
    z.object({
      ratingYear: yearLike,
      approveDate: text,
      items: z
        .array(
          z.object({
            shortcoming: z.string(),
            measure: z.string(),
            deadline: text,
            responsible: text,
            done: z.boolean().nullish(),
          }),
        )
        .nullish(),
      executionReport: z.object({ placedAt: text }).nullish(),
    }),
  ),
});
export type PlansJson = z.output<typeof plansSchema>;

/** A numeric criterion value from a loose rating row, or undefined. */
export const criterionValue = numberLike.nullish();

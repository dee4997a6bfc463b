import type { AgencyCard, ImprovementPlan, NokResult } from "../../types/busgov-answers.ts";
import type { CardJson, CommonInfoJson, PlanShortcomingJson, SearchJson } from "./schemas.ts";
import { criterionValue } from "./schemas.ts";

/*
 * URLs of the bus.gov.ru endpoints and the mapping of their validated JSON into our types.
 * Where each path and shape comes from is documented on the schemas (schemas.ts).
 */

function join(baseUrl: string, pathAndQuery: string): string {
  return baseUrl.replace(/\/+$/, "") + pathAndQuery;
}

export function searchUrl(baseUrl: string, inn: string): string {
  // Parameters as in the public script (anchors.md §5.3 «Search by INN (current)»).
  const q = new URLSearchParams({
    searchString: inn,
    withBranches: "true",
    page: "1",
    pageSize: "10",
    orderAttributeName: "rank",
    searchTermCondition: "or",
  });
  return join(baseUrl, `/public-rest/api/agency/extendedSearchAgencyNew?${q}`);
}

export function cardUrl(baseUrl: string, agencyId: string): string {
  return join(baseUrl, `/public/agency/agency.json?agency=${encodeURIComponent(agencyId)}`);
}

export function commonInfoUrl(baseUrl: string, agencyId: string): string {
  return join(
    baseUrl,
    `/public-rating/api/ratingCompare/commonInfo?compareAgencyIds=${encodeURIComponent(agencyId)}`,
  );
}

/** OUR stand-in's path, not bus.gov.ru's: no public plans endpoint is known (see plansSchema). */
export function plansUrl(baseUrl: string, agencyId: string): string {
  return join(baseUrl, `/public-rating/api/improvementPlan/list?agencyId=${encodeURIComponent(agencyId)}`);
}

/** The human card, for evidence links (anchors.md §5.3 «Human card»). */
export function infoCardUrl(baseUrl: string, agencyId: string): string {
  return join(baseUrl, `/pub/info-card/${encodeURIComponent(agencyId)}`);
}

const clean = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

export function mapCard(
  json: CardJson,
  baseUrl: string,
  fallbackName: string | null,
): AgencyCard | { problem: string } {
  const a = json.agency;
  // A branch card may lack its own id and phone: scrapers take them from the head agency.
  const head = a.branch?.headAgency ?? null;
  const id = a.id ?? head?.id ?? null;
  if (!id) return { problem: "в карточке учреждения нет идентификатора (agency.id, branch.headAgency.id)" };
  const name = clean(a.shortClientName) ?? clean(a.shortClientAltName) ?? clean(fallbackName);
  if (!name) return { problem: "в карточке учреждения нет наименования (shortClientName)" };
  return {
    id,
    inn: clean(a.inn),
    name,
    fullName: clean(a.fullClientName),
    address: clean(a.agencyAddress?.fullAddress) ?? clean(head?.agencyAddress?.fullAddress),
    website: clean(a.website),
    email: clean(a.email),
    phone: clean(a.phone) ?? clean(head?.phone),
    cardUrl: infoCardUrl(baseUrl, id),
    ...(head?.id ? { headAgencyId: head.id } : {}),
  };
}

export function searchHits(json: SearchJson): SearchJson["agencies"] & object {
  return json.agencies ?? [];
}

/** Fields of a rating row that are not criteria although they end in "Value". */
const NOT_CRITERIA = new Set(["globalPlaceValue"]);

/**
 * Maps the commonInfo entry of one agency. A missing entry is a shape we do not know (the public
 * extractor expects one for every requested id), so it is a problem, not "no results".
 */
export function mapRatings(json: CommonInfoJson, agencyId: string): NokResult[] | { problem: string } {
  if (!Object.hasOwn(json, agencyId)) {
    return { problem: `в ответе commonInfo нет записи для учреждения ${agencyId}` };
  }
  const entry = json[agencyId];
  const scopes = entry?.scopeWithRatingsDtos ?? [];
  const rows = scopes.flatMap((s) => s.ratingDetailsDto ?? []);
  if (rows.length === 0) return [];
  const year = entry?.ratingYear;
  if (year == null) return { problem: "в ответе commonInfo есть оценки, но нет года (ratingYear)" };

  // Every row of every scope is kept: a row without readable criteria still proves a result for the year.
  return rows.map((row) => {
    const criteria: Record<string, number> = {};
    for (const [key, value] of Object.entries(row)) {
      if (!key.endsWith("Value") || NOT_CRITERIA.has(key)) continue;
      const parsed = criterionValue.safeParse(value);
      if (parsed.success && parsed.data != null) criteria[key.slice(0, -"Value".length)] = parsed.data;
    }
    const values = Object.values(criteria);
    const totalScore =
      values.length === 0
        ? null
        : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
    const group = clean(row.organizationGroup?.groupName);
    return {
      year,
      totalScore,
      totalScoreSource: "computed" as const,
      criteria,
      ...(group ? { group } : {}),
      ...(row.globalPlaceValue != null ? { place: row.globalPlaceValue } : {}),
    };
  });
}

/** Dates arrive as YYYY-MM-DD or DD.MM.YYYY (Russian); anything else is dropped rather than guessed. */
function isoDate(v: string | null | undefined): string | undefined {
  const t = v?.trim();
  if (!t) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(t);
  if (ru) return `${ru[3]}-${ru[2]}-${ru[1]}`;
  return undefined;
}

const opt = <K extends string>(key: K, v: string | null | undefined): { [P in K]?: string } =>
  (clean(v) ? { [key]: clean(v)! } : {}) as { [P in K]?: string };

/** planShortcomingInfoType (validated) → ImprovementPlan. */
export function mapPlan(p: PlanShortcomingJson): ImprovementPlan {
  const items = p.GROUPS_SHORTCOMINGS.flatMap((g) =>
    g.SHORTCOMINGS.map((i) => ({
      ...opt("criterion", i.CRITERION_NAME ?? g.CRITERION_NAME),
      shortcoming: i.NAME,
      activity: i.ACTIVITY,
      ...opt("planDate", isoDate(i.PLAN_DATE)),
      ...opt("responsible", [i.FIO, i.POSITION].filter(Boolean).join(", ")),
      ...opt("factDate", isoDate(i.FACT_DATE)),
      ...opt("measures", i.MEASURES),
    })),
  );
  return {
    year: p.RATING_YEAR,
    ...opt("approved", isoDate(p.APPROVE_DATE)),
    ...opt("approvedBy", p.ORGANIZATION_APPROVED),
    ...opt("period", p.PLAN_PERIOD),
    inn: p.INN,
    ...opt("kpp", p.KPP),
    items,
    documents: (p.PLAN_SHORTCOMING_DOCUMENTS ?? []).map((d) => ({
      name: d.DOC_NAME,
      ...opt("type", d.DOC_TYPE),
      ...opt("date", isoDate(d.REG_DATE)),
      ...opt("number", d.DOC_NUM),
    })),
  };
}

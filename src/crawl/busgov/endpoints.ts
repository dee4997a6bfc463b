import type { CardJson, CommonInfoJson, PlansJson, SearchJson } from "./schemas.ts";
import { criterionValue } from "./schemas.ts";
import type { AgencyCard, ImprovementPlan, NokResult } from "./types.ts";

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

/** ASSUMED path (see plansSchema). */
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
  const name = clean(a.shortClientName) ?? clean(a.shortClientAltName) ?? clean(fallbackName);
  if (!name) return { problem: "в карточке учреждения нет наименования (shortClientName)" };
  return {
    id: a.id,
    inn: clean(a.inn),
    name,
    fullName: clean(a.fullClientName),
    address: clean(a.agencyAddress?.fullAddress),
    website: clean(a.website),
    email: clean(a.email),
    phone: clean(a.phone),
    cardUrl: infoCardUrl(baseUrl, a.id),
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

  const results: NokResult[] = [];
  for (const row of rows) {
    const criteria: Record<string, number> = {};
    for (const [key, value] of Object.entries(row)) {
      if (!key.endsWith("Value") || NOT_CRITERIA.has(key)) continue;
      const parsed = criterionValue.safeParse(value);
      if (!parsed.success) return { problem: `значение ${key} не число: ${JSON.stringify(value)}` };
      if (parsed.data != null) criteria[key.slice(0, -"Value".length)] = parsed.data;
    }
    const values = Object.values(criteria);
    if (values.length === 0) return { problem: "строка оценки без значений критериев" };
    const totalScore = Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
    const group = clean(row.organizationGroup?.groupName);
    results.push({
      year,
      totalScore,
      totalScoreSource: "computed",
      criteria,
      ...(group ? { group } : {}),
      ...(row.globalPlaceValue != null ? { place: row.globalPlaceValue } : {}),
    });
  }
  return results;
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

export function mapPlans(json: PlansJson): ImprovementPlan[] {
  return json.plans.map((p) => {
    const approved = isoDate(p.approveDate);
    return {
      year: p.ratingYear,
      ...(approved ? { approved } : {}),
      ...(p.items
        ? {
            items: p.items.map((i) => ({
              shortcoming: i.shortcoming,
              measure: i.measure,
              ...(clean(i.deadline) ? { deadline: clean(i.deadline)! } : {}),
              ...(clean(i.responsible) ? { responsible: clean(i.responsible)! } : {}),
              ...(i.done != null ? { done: i.done } : {}),
            })),
          }
        : {}),
      reportPlaced: p.executionReport != null,
    };
  });
}

/**
 * bus.gov.ru targets, the questions asked of the service (card, НОК results, plans) and the judging of the
 * `busgov/*` rules on `SiteView.data.busgov`. A question the service could not answer stays `unknown` (the
 * rules never turn it into `fail`). Shared by the live check (busgov.ts) and the offline one (busgov-replay.ts).
 */
import type { BusGovClient } from "../extract/busgov/client.ts";
import { infoCardUrl, searchUrl } from "../extract/busgov/endpoints.ts";
import { siteScore } from "../findings/score.ts";
import { evaluateRules } from "../rules/index.ts";
import { hashBody } from "../snapshot/index.ts";
import { BUSGOV_DATA_KEY, type BusgovData, type BusgovPart, type BusgovPlan } from "../types/busgov.ts";
import type { AgencyCard, BusGovAnswer, ImprovementPlan, NokResult } from "../types/busgov-answers.ts";
import type { CrawlError, ErrorCode, RuleDef, SiteResult, SiteView } from "../types/index.ts";
import type { SiteTarget } from "./site.ts";

export const DEFAULT_BUSGOV_URL = "https://bus.gov.ru";

/** A bus.gov.ru target: `url` is its stable key (see busgovTargetUrl), `site` the institution's own site. */
export interface BusgovTarget extends SiteTarget {
  inn?: string;
  busgovId?: string;
  site?: string | null;
}

/** `--busgov-url`, else NOK_BUSGOV_URL, else the real service; without a trailing slash. */
export function busgovBaseUrl(option?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const v = option?.trim() || env.NOK_BUSGOV_URL?.trim() || DEFAULT_BUSGOV_URL;
  return v.replace(/\/+$/, "");
}

/**
 * The stable URL of a bus.gov.ru target (its key in plans, manifests and results): the human card for an
 * agency id, the search request for an INN (the card is not known before asking).
 */
export function busgovTargetUrl(baseUrl: string, query: { inn?: string; busgovId?: string }): string {
  if (query.busgovId) return infoCardUrl(baseUrl, query.busgovId);
  if (query.inn) return searchUrl(baseUrl, query.inn);
  throw new Error("для bus.gov.ru нужен ИНН или идентификатор учреждения");
}

/** The bus.gov.ru target of an institution that has an INN or agency id, else null. */
export function busgovTargetFor(
  institution: SiteTarget & { inn?: string | undefined; busgovId?: string | undefined },
  baseUrl: string,
): BusgovTarget | null {
  const { inn, busgovId } = institution;
  if (!inn && !busgovId) return null;
  return {
    url: busgovTargetUrl(baseUrl, { ...(inn ? { inn } : {}), ...(busgovId ? { busgovId } : {}) }),
    kind: "busgov",
    sphere: institution.sphere,
    region: institution.region,
    name: institution.name,
    ...(inn ? { inn } : {}),
    ...(busgovId ? { busgovId } : {}),
    site: institution.url,
  };
}

/** The query behind a target URL (busgovTargetUrl in reverse): what a recheck asks the replaying client. */
export function busgovQueryFromUrl(url: string): { inn?: string; id?: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const card = /\/pub\/info-card\/(\d+)/.exec(u.pathname);
  if (card) return { id: card[1]! };
  const inn = u.searchParams.get("searchString");
  if (inn && /^\d{10}(\d{2})?$/.test(inn)) return { inn };
  const agency = u.searchParams.get("agency") ?? u.searchParams.get("agencyId");
  if (agency) return { id: agency };
  return null;
}

export interface Asked {
  data: BusgovData;
  answers: BusGovAnswer<unknown>[];
}

/** The questions, in the order the rules need them; plans and results only once the card is known. */
export async function ask(client: BusGovClient, query: { inn?: string; id?: string }): Promise<Asked> {
  const answers: BusGovAnswer<unknown>[] = [];
  const found = await client.findAgency(query);
  answers.push(found);
  const data: BusgovData = {
    query,
    card: part(found, (c) => (c ? cardOf(c) : null)),
  };
  if (found.ok && found.value) {
    const ratings = await client.ratings(found.value.id);
    const plans = await client.plans(found.value.id);
    answers.push(ratings, plans);
    data.ratings = part(ratings, (list) =>
      list.map((r: NokResult) => ({ year: r.year, totalScore: r.totalScore, group: r.group ?? null })),
    );
    data.plans = part(plans, (list) => list.map(planOf));
  }
  return { data, answers };
}

function part<T, U>(answer: BusGovAnswer<T>, map: (value: T) => U): BusgovPart<U> {
  if (!answer.ok) return { ok: false, url: answer.url, error: answer.error };
  return { ok: true, url: answer.url, snapshot: hashBody(answer.raw), value: map(answer.value) };
}

function cardOf(c: AgencyCard) {
  return { id: c.id, name: c.name, inn: c.inn, fullName: c.fullName, cardUrl: c.cardUrl };
}

/** The rules' view of a plan: year, approval date and, per item, the dates and whether measures are told. */
function planOf(p: ImprovementPlan): BusgovPlan {
  return {
    year: p.year,
    approved: p.approved ?? null,
    items: p.items.map((i) => ({
      planDate: i.planDate ?? null,
      factDate: i.factDate ?? null,
      measures: i.measures != null,
    })),
  };
}

const DOWN: ReadonlySet<ErrorCode> = new Set([
  "dns",
  "connect",
  "tls",
  "timeout",
  "reset",
  "http-5xx",
  "circuit-open",
]);

export function queryOf(target: BusgovTarget): { inn?: string; id?: string } {
  return { ...(target.busgovId ? { id: target.busgovId } : target.inn ? { inn: target.inn } : {}) };
}

export function judge(
  target: SiteTarget,
  data: BusgovData,
  o: {
    rules: RuleDef[];
    asOf: string;
    weights: Record<string, number>;
    pages: number;
    bytes: number;
    durationMs: number;
  },
): SiteResult {
  const failed = [data.card, data.ratings, data.plans].filter(
    (p): p is Extract<BusgovPart<unknown>, { ok: false }> => p != null && !p.ok,
  );
  const cardError: CrawlError | null = data.card.ok ? null : (data.card.error as CrawlError);
  const view: SiteView = {
    startUrl: target.url,
    pages: [],
    coverage: {
      pages: o.pages,
      documents: 0,
      adequate: cardError === null,
      reason: cardError ? `bus.gov.ru не ответил: ${cardError.message}` : null,
      unreadableDocuments: 0,
    },
    data: { [BUSGOV_DATA_KEY]: data },
  };
  const findings = evaluateRules(
    view,
    o.rules.filter((r) => r.appliesTo.kind === "busgov"),
    { asOf: o.asOf, sphere: target.sphere },
  );
  let status: SiteResult["status"] = failed.length > 0 ? "partial" : "ok";
  if (cardError)
    status = DOWN.has(cardError.code) ? "unreachable" : cardError.code === "http-429" ? "blocked" : "partial";
  const card = data.card.ok ? data.card.value : null;
  return {
    url: target.url,
    finalUrl: card?.cardUrl ?? target.url,
    kind: "busgov",
    region: target.region,
    sphere: target.sphere,
    name: target.name ?? card?.name ?? null,
    status,
    error: cardError,
    crawl: {
      pages: o.pages,
      documents: 0,
      bytes: o.bytes,
      errors: failed.length,
      skippedByRobots: 0,
      budgetExhausted: false,
      durationMs: o.durationMs,
    },
    score: siteScore(findings, o.weights),
    findings,
  };
}

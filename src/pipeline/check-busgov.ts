/**
 * bus.gov.ru for one institution: ask the service (card, НОК results, plans), store every raw JSON answer in
 * the run's snapshots (fetcher "busgov"), judge the `busgov/*` rules on `SiteView.data.busgov`. A question the
 * service could not answer stays `unknown` (the rules never turn it into `fail`). The same code re-judges a stored
 * run offline: a replaying client answers from the snapshots (recheckBusgovSite).
 */

import {
  answerPages,
  type BusGovAnswer,
  type BusGovClient,
  createBusGovClient,
  infoCardUrl,
} from "../crawl/busgov/index.ts";
import type { BusGovTransport } from "../crawl/busgov/transport.ts";
import { mapPlan, searchUrl } from "../extract/busgov/endpoints.ts";
import { plansSchema } from "../extract/busgov/schemas.ts";
import { siteScore } from "../findings/score.ts";
import { evaluateRules } from "../rules/index.ts";
import { hashBody, type SnapshotWriter } from "../snapshot/index.ts";
import { BUSGOV_DATA_KEY, type BusgovData, type BusgovPart, type BusgovPlan } from "../types/busgov.ts";
import type { AgencyCard, ImprovementPlan, NokResult } from "../types/busgov-answers.ts";
import type {
  CrawlError,
  CrawlRequest,
  ErrorCode,
  ManifestEntry,
  RuleDef,
  SiteResult,
  SiteView,
} from "../types/index.ts";
import { manifestEntry, type SiteTarget } from "./check-site.ts";

export const DEFAULT_BUSGOV_URL = "https://bus.gov.ru";

/** A bus.gov.ru target: `url` is its stable key (see busgovTargetUrl), `site` the institution's own site. */
export interface BusgovTarget extends SiteTarget {
  inn?: string;
  busgovId?: string;
  site?: string | null;
}

export interface CheckBusgovOptions {
  client: BusGovClient;
  rules: RuleDef[];
  asOf: string;
  writer: SnapshotWriter;
  weights: Record<string, number>;
}

/** `--busgov-url`, else NOK_BUSGOV_URL, else the real service; without a trailing slash. */
export function busgovBaseUrl(option?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const v = option?.trim() || env.NOK_BUSGOV_URL?.trim() || DEFAULT_BUSGOV_URL;
  return v.replace(/\/+$/, "");
}

/**
 * The client for a run: one per run, because pacing is global for bus.gov.ru. A local stand-in (the demo's
 * mock on 127.0.0.1) needs no pause between requests; the real service gets the client's polite default.
 */
export function createRunBusGovClient(baseUrl: string) {
  const local = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i.test(baseUrl);
  return createBusGovClient({ baseUrl, ...(local ? { minIntervalMs: 0, backoffMs: 50 } : {}) });
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

interface Asked {
  data: BusgovData;
  answers: BusGovAnswer<unknown>[];
}

/** The questions, in the order the rules need them; plans and results only once the card is known. */
async function ask(client: BusGovClient, query: { inn?: string; id?: string }): Promise<Asked> {
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

function queryOf(target: BusgovTarget): { inn?: string; id?: string } {
  return { ...(target.busgovId ? { id: target.busgovId } : target.inn ? { inn: target.inn } : {}) };
}

/** Asks bus.gov.ru about one institution, stores the raw answers, judges the busgov rules. */
export async function checkBusgov(target: BusgovTarget, options: CheckBusgovOptions): Promise<SiteResult> {
  const started = Date.now();
  const asked = await ask(options.client, queryOf(target));
  const request: CrawlRequest = {
    url: target.url,
    key: target.url,
    depth: 0,
    priority: 0,
    referrer: target.site ?? null,
    linkText: null,
    source: "seed",
  };
  let bytes = 0;
  let exchanges = 0;
  for (const answer of asked.answers) {
    for (const page of answerPages(answer)) {
      const body = page.body && page.body.length > 0 ? page.body : null;
      const hash = body ? await options.writer.putBody(body) : null;
      bytes += body?.length ?? 0;
      if (page.status > 0) exchanges++;
      await options.writer.append(
        manifestEntry(target.url, page, { ...request, url: page.url }, hash, body?.length ?? 0),
      );
    }
  }
  await options.writer.flush();
  return judge(target, asked.data, { ...options, pages: exchanges, bytes, durationMs: Date.now() - started });
}

function judge(
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

/** Codes the replaying transport throws so the client maps a stored network failure back to its kind. */
const SYS_CODE: Partial<Record<ErrorCode, string>> = {
  dns: "ENOTFOUND",
  connect: "ECONNREFUSED",
  timeout: "ETIMEDOUT",
  reset: "ECONNRESET",
  tls: "CERT_HAS_EXPIRED",
};

/**
 * A client that answers from a stored run's manifest entries instead of the network: the exchanges of the
 * original questions come back byte for byte, so mapping and judging run exactly as they did live.
 */
export function replayBusGovClient(
  entries: readonly ManifestEntry[],
  body: (hash: string) => Promise<Uint8Array>,
  baseUrl: string,
): BusGovClient {
  const byUrl = new Map(entries.filter((e) => e.fetcher === "busgov").map((e) => [e.url, e]));
  const transport: BusGovTransport = async (url) => {
    const e = byUrl.get(url);
    if (!e || e.status === 0) {
      const code = (e?.error && SYS_CODE[e.error.code]) ?? "ENOENT";
      throw Object.assign(new Error(e?.error?.message ?? "ответа нет в снимке"), { code });
    }
    return { status: e.status, headers: e.headers, body: e.hash ? await body(e.hash) : new Uint8Array() };
  };
  return createBusGovClient({ baseUrl, fetchImpl: transport, minIntervalMs: 0, retries: 0 });
}

/**
 * Plans that came from an export (--busgov-plans) are stored under `file:…#inn=…`: a recheck answers the
 * plan question from that stored body, as the live run did, instead of asking the service's path.
 */
function replayExportedPlans(
  client: BusGovClient,
  entries: readonly ManifestEntry[],
  body: (hash: string) => Promise<Uint8Array>,
): BusGovClient {
  const stored = entries.find(
    (e) => e.fetcher === "busgov" && e.url.startsWith("file:") && e.url.includes("#inn="),
  );
  if (!stored) return client;
  return {
    ...client,
    async plans() {
      const raw = stored.hash ? await body(stored.hash) : new Uint8Array();
      const parsed = plansSchema.safeParse(JSON.parse(new TextDecoder().decode(raw) || "{}"));
      if (!parsed.success)
        return {
          ok: false,
          url: stored.url,
          error: { code: "parse", message: "сохранённые планы из выгрузки не читаются" },
        };
      return {
        ok: true,
        value: parsed.data.plans.map(mapPlan),
        url: stored.url,
        fetchedAt: stored.fetchedAt,
        raw,
        trail: [{ url: stored.url, status: 200, fetchedAt: stored.fetchedAt, raw }],
      };
    },
  };
}

/** Re-judges a stored bus.gov.ru site offline (its manifest entries and bodies), e.g. for `nok recheck`. */
export async function recheckBusgovSite(
  site: SiteResult,
  entries: readonly ManifestEntry[],
  body: (hash: string) => Promise<Uint8Array>,
  options: { rules: RuleDef[]; asOf: string; weights: Record<string, number> },
): Promise<SiteResult> {
  const query = busgovQueryFromUrl(site.url);
  const baseUrl = new URL(site.url).origin;
  const replay = replayBusGovClient(entries, body, baseUrl);
  const asked = query ? await ask(replayExportedPlans(replay, entries, body), query) : null;
  if (!asked) return { ...site };
  const pages = entries.filter((e) => e.fetcher === "busgov" && e.status > 0).length;
  const judged = judge(site, asked.data, {
    ...options,
    pages,
    bytes: site.crawl.bytes,
    durationMs: site.crawl.durationMs,
  });
  return { ...judged, name: site.name };
}

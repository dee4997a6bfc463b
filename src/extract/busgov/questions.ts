import type { z } from "zod";
import type { AgencyCard, BusGovAnswer, BusGovExchange, BusGovResponse } from "../../types/busgov-answers.ts";
import type { CrawlError } from "../../types/common.ts";
import type { BusGovClient } from "./client.ts";
import {
  cardUrl,
  commonInfoUrl,
  mapCard,
  mapPlan,
  mapRatings,
  plansUrl,
  searchHits,
  searchUrl,
} from "./endpoints.ts";
import { cardSchema, commonInfoSchema, plansSchema, searchSchema } from "./schemas.ts";

/*
 * The questions put to bus.gov.ru and the reading of its answers: which URL answers what, status checks,
 * JSON, schema, mapping into our types. The network is a `get` passed in: the live one (crawl/busgov) or
 * one that replays a stored run's exchanges (a recheck never touches the network).
 */

type Parsed<T> = { ok: true; value: T; exchange: BusGovExchange } | { ok: false; error: CrawlError };

function httpError(status: number, label: string): CrawlError {
  if (status === 429)
    return { code: "http-429", message: `bus.gov.ru ограничил частоту запросов (429): ${label}` };
  if (status >= 500)
    return { code: "http-5xx", message: `bus.gov.ru ответил ошибкой сервера ${status}: ${label}` };
  return {
    code: "http-4xx",
    message: `bus.gov.ru ответил ${status} на запрос «${label}»: адрес или параметры API могли измениться`,
  };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join(".") : "(корень)"}: ${i.message}`)
    .join("; ");
}

/** Why live plans are `unknown`: said in every verdict that rests on them. */
export const LIVE_PLANS_UNKNOWN =
  "открытый адрес API bus.gov.ru для планов по устранению недостатков неизвестен: планы на bus.gov.ru не запрашивались (их можно передать выгрузкой: --busgov-plans ФАЙЛ)";

/** The real service (any scheme, with or without www). */
export function isRealBusGov(baseUrl: string): boolean {
  try {
    return /^(www\.)?bus\.gov\.ru$/i.test(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

/** The questions over a `get`: the live client and the replaying one share every line of reading. */
export function busgovQuestions(http: {
  baseUrl: string;
  get(url: string): Promise<BusGovResponse>;
}): BusGovClient {
  const { baseUrl, get } = http;

  /** GET + status check + JSON + schema. `notFound` statuses resolve to `value: null`. */
  async function getParsed<S extends z.ZodType>(
    url: string,
    schema: S,
    label: string,
    trail: BusGovExchange[],
    notFound: readonly number[] = [],
  ): Promise<Parsed<z.output<S> | null>> {
    const res = await get(url);
    if ("error" in res) return { ok: false, error: res.error };
    trail.push(res.exchange);
    if (notFound.includes(res.status)) return { ok: true, value: null, exchange: res.exchange };
    if (res.status !== 200) return { ok: false, error: httpError(res.status, label) };
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8").decode(res.exchange.raw));
    } catch {
      const type = res.headers["content-type"] ?? "без Content-Type";
      return {
        ok: false,
        error: {
          code: "parse",
          message: `ответ «${label}» не JSON (${type}): возможно, страница-заглушка или API изменился`,
        },
      };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: "parse",
          message: `неизвестная структура ответа «${label}»: ${describeIssues(parsed.error)}`,
        },
      };
    }
    return { ok: true, value: parsed.data, exchange: res.exchange };
  }

  function success<T>(value: T, exchange: BusGovExchange, trail: BusGovExchange[]): BusGovAnswer<T> {
    return { ok: true, value, url: exchange.url, fetchedAt: exchange.fetchedAt, raw: exchange.raw, trail };
  }

  function failure<T>(error: CrawlError, url: string, trail: BusGovExchange[]): BusGovAnswer<T> {
    return { ok: false, error, url, trail };
  }

  async function card(
    id: string,
    fallbackName: string | null,
    trail: BusGovExchange[],
  ): Promise<BusGovAnswer<AgencyCard | null>> {
    const url = cardUrl(baseUrl, id);
    // 404 for an unknown agency is what our mock does; the real site's answer is not known.
    const res = await getParsed(url, cardSchema, "карточка учреждения", trail, [404]);
    if (!res.ok) return failure(res.error, url, trail);
    if (res.value === null) return success(null, res.exchange, trail);
    const mapped = mapCard(res.value, baseUrl, fallbackName);
    if ("problem" in mapped) return failure({ code: "parse", message: mapped.problem }, url, trail);
    return success(mapped, res.exchange, trail);
  }

  async function findByInn(inn: string): Promise<BusGovAnswer<AgencyCard | null>> {
    const trail: BusGovExchange[] = [];
    const url = searchUrl(baseUrl, inn);
    const res = await getParsed(url, searchSchema, "поиск учреждения по ИНН", trail);
    if (!res.ok) return failure(res.error, url, trail);
    // The search is full-text: a hit may merely contain the digits. Hits that state another INN are
    // skipped; the card's INN decides for the rest (first three hits at most, to stay polite).
    const hits = searchHits(res.value!)
      .filter((h) => h.inn == null || h.inn === inn)
      .slice(0, 3);
    for (const hit of hits) {
      const answer = await card(hit.agencyId, hit.shortName ?? null, trail);
      if (!answer.ok) return answer;
      if (answer.value && (answer.value.inn === null || answer.value.inn === inn)) return answer;
    }
    return success(null, res.exchange, trail);
  }

  return {
    async findAgency(query) {
      if (query.id) return card(query.id, null, []);
      if (query.inn) {
        if (!/^\d{10}(\d{2})?$/.test(query.inn)) {
          return failure(
            { code: "invalid-url", message: `ИНН «${query.inn}» должен состоять из 10 или 12 цифр` },
            baseUrl,
            [],
          );
        }
        return findByInn(query.inn);
      }
      return failure(
        { code: "invalid-url", message: "для поиска на bus.gov.ru нужен ИНН или id учреждения" },
        baseUrl,
        [],
      );
    },

    async ratings(agencyId) {
      const trail: BusGovExchange[] = [];
      const url = commonInfoUrl(baseUrl, agencyId);
      const res = await getParsed(url, commonInfoSchema, "результаты НОК (ratingCompare/commonInfo)", trail);
      if (!res.ok) return failure(res.error, url, trail);
      const mapped = mapRatings(res.value!, agencyId);
      if ("problem" in mapped) return failure({ code: "parse", message: mapped.problem }, url, trail);
      return success(mapped, res.exchange, trail);
    },

    async plans(agencyId) {
      const trail: BusGovExchange[] = [];
      const url = plansUrl(baseUrl, agencyId);
      // No public endpoint for plans is known: the real site is not asked (a guessed path would only
      // add load and a 404). Plans come from an export instead (--busgov-plans), see plans-export.ts.
      if (isRealBusGov(baseUrl)) return failure({ code: "unknown", message: LIVE_PLANS_UNKNOWN }, url, trail);
      const res = await getParsed(url, plansSchema, "планы по устранению недостатков", trail);
      if (!res.ok) return failure(res.error, url, trail);
      return success(res.value!.plans.map(mapPlan), res.exchange, trail);
    },
  };
}

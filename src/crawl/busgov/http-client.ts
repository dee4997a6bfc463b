import type { z } from "zod";
import {
  cardUrl,
  commonInfoUrl,
  mapCard,
  mapPlan,
  mapRatings,
  plansUrl,
  searchHits,
  searchUrl,
} from "../../extract/busgov/endpoints.ts";
import { cardSchema, commonInfoSchema, plansSchema, searchSchema } from "../../extract/busgov/schemas.ts";
import type { AgencyCard, BusGovAnswer, BusGovExchange } from "../../types/busgov-answers.ts";
import type { CrawlError, ErrorCode } from "../../types/common.ts";
import type { BusGovClient } from "./client.ts";
import { networkError } from "./network-error.ts";
import { createPacer } from "./pacer.ts";
import { BodyTooLargeError, type BusGovTransport, createUndiciTransport } from "./transport.ts";

export interface BusGovClientOptions {
  baseUrl?: string;
  /** Minimum pause between the end of one request and the start of the next (retries included). */
  minIntervalMs?: number;
  /** Extra attempts on 5xx, 429, timeouts and resets. */
  retries?: number;
  /** First backoff; doubles per attempt, plus up to 25 % jitter. */
  backoffMs?: number;
  /** Cap on a server's Retry-After. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxBodyBytes?: number;
  userAgent?: string;
  /** Replaces the undici transport (tests, proxies). */
  fetchImpl?: BusGovTransport;
  /** Clock and sleep for pacing and backoff (tests inject fakes). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpBusGovClient extends BusGovClient {
  /** Start times of every request attempt, by the injected clock. */
  readonly requestStarts: readonly number[];
  close(): Promise<void>;
}

type Exchange = { status: number; headers: Record<string, string>; exchange: BusGovExchange };
type Parsed<T> = { ok: true; value: T; exchange: BusGovExchange } | { ok: false; error: CrawlError };

const RETRIABLE: ReadonlySet<ErrorCode> = new Set(["timeout", "reset"]);
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds or an HTTP date, in ms; null when absent or unreadable. */
function retryAfterMs(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

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

export function createBusGovClient(options: BusGovClientOptions = {}): HttpBusGovClient {
  const baseUrl = options.baseUrl ?? "https://bus.gov.ru";
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 2000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const owned = options.fetchImpl
    ? null
    : createUndiciTransport({
        connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
        timeoutMs: options.timeoutMs ?? 30_000,
        maxBodyBytes: options.maxBodyBytes ?? 20 * 1024 * 1024,
      });
  const transport = options.fetchImpl ?? owned!.transport;
  const pacer = createPacer({ minIntervalMs: options.minIntervalMs ?? 1500, now, sleep });
  const headers = {
    accept: "application/json, text/plain, */*",
    "user-agent": options.userAgent ?? "nok-monitor/0.1 (NOK publication monitor)",
  };

  /** One GET with pacing and retries; any HTTP status is an Exchange, network failures a CrawlError. */
  async function get(url: string): Promise<Exchange | { error: CrawlError }> {
    for (let attempt = 0; ; attempt++) {
      const fetchedAt = new Date().toISOString();
      const backoff = backoffMs * 2 ** attempt * (1 + Math.random() * 0.25);
      let res: Awaited<ReturnType<BusGovTransport>>;
      try {
        res = await pacer.run(() => transport(url, { headers }));
      } catch (err) {
        const error: CrawlError =
          err instanceof BodyTooLargeError
            ? { code: "too-large", message: `ответ bus.gov.ru больше ${err.limit} байт` }
            : networkError(err, url);
        if (RETRIABLE.has(error.code) && attempt < retries) {
          await sleep(backoff);
          continue;
        }
        return { error };
      }
      if ((res.status === 429 || res.status >= 500) && attempt < retries) {
        const hinted = retryAfterMs(res.headers["retry-after"], now());
        await sleep(Math.max(backoff, Math.min(hinted ?? 0, maxRetryAfterMs)));
        continue;
      }
      return {
        status: res.status,
        headers: res.headers,
        exchange: { url, status: res.status, fetchedAt, raw: res.body },
      };
    }
  }

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
    get requestStarts() {
      return pacer.starts;
    },

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

    async close() {
      await owned?.close();
    },
  };
}

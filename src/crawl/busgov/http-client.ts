import type { BusGovResponse } from "../../types/busgov-answers.ts";
import type { CrawlError, ErrorCode } from "../../types/common.ts";
import { networkError } from "./network-error.ts";
import { createPacer } from "./pacer.ts";
import { BodyTooLargeError, type BusGovTransport, createUndiciTransport } from "./transport.ts";

/*
 * The network side of bus.gov.ru: one GET with pacing (global for the service), retries with backoff and
 * Retry-After, and the mapping of network failures. What is asked and how the answers are read is the
 * extract stage's (extract/busgov/questions.ts); the pipeline joins the two (pipeline/busgov-client.ts).
 */

export interface BusGovHttpOptions {
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

/** GET for the bus.gov.ru questions: any HTTP status is a response, network failures a CrawlError. */
export interface BusGovHttp {
  baseUrl: string;
  get(url: string): Promise<BusGovResponse>;
  /** Start times of every request attempt, by the injected clock. */
  readonly requestStarts: readonly number[];
  close(): Promise<void>;
}

const RETRIABLE: ReadonlySet<ErrorCode> = new Set(["timeout", "reset"]);
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After as seconds or an HTTP date, in ms; null when absent or unreadable. */
function retryAfterMs(value: string | undefined, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function createBusGovHttp(options: BusGovHttpOptions = {}): BusGovHttp {
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
  async function get(url: string): Promise<BusGovResponse> {
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

  return {
    baseUrl,
    get,
    get requestStarts() {
      return pacer.starts;
    },
    async close() {
      await owned?.close();
    },
  };
}

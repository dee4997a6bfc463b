import type { LookupFunction } from "node:net";
import { Agent, request } from "undici";
import type { FetchedPage, Fetcher, FetchOptions, SiteCookies } from "../types/index.ts";
import { createAddressGuard, refuseUrl, type TargetPolicy } from "./address-policy.ts";
import { discard, readCapped } from "./body-reader.ts";
import { markBotWall } from "./bot-wall.ts";
import { detectContentKind, isUnsupportedResponse } from "./content-kind.ts";
import { DEFAULT_BUDGET, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUTS, USER_AGENT } from "./defaults.ts";
import { classifyError, crawlError, statusError, unfetchedPage } from "./errors.ts";
import { describeTlsError } from "./tls/tls-diagnosis.ts";
import { trustedCa } from "./tls/trusted-roots.ts";

export interface HttpFetcherOptions {
  userAgent?: string;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Whole-body deadline after the headers arrived (also the idle timeout between chunks). */
  bodyTimeoutMs?: number;
  maxRedirects?: number;
  /** Cap on raw and on decoded body bytes; the rest is never read. */
  maxBodyBytes?: number;
  /** Bodies of 4xx/5xx answers are kept up to this size (WAF and error pages), never flagged too-large. */
  maxErrorBodyBytes?: number;
  /** DNS resolution: tests map names to 127.0.0.1; a public server can refuse private addresses. */
  lookup?: LookupFunction;
  /**
   * The address policy (crawl/address-policy.ts), on by default: metadata and link-local addresses are never
   * fetched, and a site named at a public address never reaches a non-public one. `false` only for callers
   * that guard addresses themselves.
   */
  addressPolicy?: boolean;
  /**
   * TLS verification: Node's roots, the bundled Russian Trusted Root CA and Sub CA (tls/trusted-roots.ts),
   * NODE_EXTRA_CA_CERTS and `extraCa` (`--ca FILE`). `bundled: false` leaves out the Russian roots. There is no
   * way to turn verification off: an unverifiable site is a `tls` error that says which root to add.
   */
  tls?: { extraCa?: readonly string[]; bundled?: boolean };
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Called once per response whose body was read (or skipped): raw bytes off the wire, decoded bytes kept. */
  onResponseRead?: (info: ResponseReadInfo) => void;
}

export interface ResponseReadInfo {
  url: string;
  status: number;
  rawBytes: number;
  decodedBytes: number;
  truncated: boolean;
}

/** Headers worth keeping in a snapshot manifest. */
const KEPT_HEADERS = [
  "content-type",
  "etag",
  "last-modified",
  "content-length",
  "retry-after",
  "location",
  // The file name of a document served as octet-stream is its best type hint.
  "content-disposition",
  // Bot-wall vendors name themselves here (bot-wall.ts).
  "server",
  "cf-mitigated",
];

/** Response headers larger than this (all of them together) are refused as too-large. */
export const MAX_HEADER_BYTES = 256 * 1024;

type RawHeaders = Record<string, string | string[] | undefined>;

function headerValue(headers: RawHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

function keptHeaders(headers: RawHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = headerValue(headers, name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

function storeCookies(jar: SiteCookies | undefined, raw: RawHeaders, url: string): void {
  const set = raw["set-cookie"];
  if (!jar || set === undefined) return;
  jar.store(Array.isArray(set) ? set : [set], url);
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** An undici-based fetcher: manual redirects, streamed size cap, decompression, error taxonomy; never throws. */
export function createHttpFetcher(options: HttpFetcherOptions = {}): Fetcher & { readonly agent: Agent } {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_BUDGET.maxBodyBytes;
  const maxErrorBodyBytes = options.maxErrorBodyBytes ?? 64 * 1024;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_TIMEOUTS.bodyTimeoutMs;
  const makeAgent = (lookup: LookupFunction | undefined) =>
    new Agent({
      connect: {
        timeout: options.connectTimeoutMs ?? DEFAULT_TIMEOUTS.connectTimeoutMs,
        ...(lookup ? { lookup } : {}),
        ca: trustedCa({
          ...(options.tls?.extraCa ? { extraCa: options.tls.extraCa } : {}),
          ...(options.tls?.bundled === false ? { bundled: false } : {}),
        }),
      },
      headersTimeout: options.headersTimeoutMs ?? DEFAULT_TIMEOUTS.headersTimeoutMs,
      // Chromium's limit: sites with dozens of Set-Cookie lines still load; a cookie bomb beyond it is too-large.
      maxHeaderSize: MAX_HEADER_BYTES,
      bodyTimeout: bodyTimeoutMs,
      keepAliveTimeout: 4_000,
      // A server's own hint (nginx: 75 s) would keep every finished site's socket open: thousands in a
      // national run. A site's next request comes within its politeness interval or not at all.
      keepAliveMaxTimeout: 4_000,
    });
  // One agent per policy: the connect lookup is where DNS answers are checked, and it cannot see the request.
  const guard = options.addressPolicy === false ? null : createAddressGuard(options.lookup);
  const agents = new Map<TargetPolicy, Agent>();
  const agent = guard ? makeAgent(undefined) : makeAgent(options.lookup);
  const agentFor = (policy: TargetPolicy | null): Agent => {
    if (!guard || !policy) return agent;
    let a = agents.get(policy);
    if (!a) {
      a = makeAgent(guard.lookupFor(policy));
      agents.set(policy, a);
    }
    return a;
  };
  const baseHeaders: Record<string, string> = {
    "user-agent": options.userAgent ?? USER_AGENT,
    accept: "text/html,application/xhtml+xml,application/pdf,application/msword,*/*;q=0.8",
    "accept-language": "ru,en;q=0.5",
    "accept-encoding": "gzip, deflate, br",
    ...(options.headers ?? {}),
  };

  async function fetchOnce(url: string, fetchOptions: FetchOptions = {}): Promise<FetchedPage> {
    const started = Date.now();
    const redirects: string[] = [];
    // URL → the Cookie header it was requested with: coming back to a URL is a loop only when no cookie
    // changed in between (a cookie gate answers 302 to the same URL with Set-Cookie, then the page).
    const visited = new Map<string, string>();
    const jar = fetchOptions.cookies;
    let current = url;
    const page = (partial: Partial<FetchedPage>): FetchedPage => ({
      url,
      finalUrl: current,
      status: 0,
      headers: {},
      body: null,
      truncated: false,
      contentKind: "other",
      redirects,
      fetcher: "http",
      fetchedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      error: null,
      ...partial,
    });

    const headers: Record<string, string> = { ...baseHeaders };
    const cond = fetchOptions.conditional;
    if (cond?.etag) headers["if-none-match"] = cond.etag;
    if (cond?.lastModified) headers["if-modified-since"] = cond.lastModified;

    const policy = guard ? await guard.policyFor(fetchOptions.site ?? url) : null;
    const dispatcher = agentFor(policy);
    let lastStatus = 0;
    for (let hop = 0; ; hop++) {
      let parsed: URL;
      try {
        parsed = new URL(current);
      } catch {
        return page({ error: crawlError("invalid-url", `not a URL: ${current}`) });
      }
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
        return page({ error: crawlError("invalid-url", `unsupported scheme: ${parsed.protocol}`) });
      }
      parsed.hash = "";
      const cookie = jar?.header(parsed.href) ?? "";
      visited.set(parsed.href, cookie);
      // IP literals never reach the lookup: the policy checks them on every hop, before connecting.
      const refusal = policy ? refuseUrl(parsed.href, policy) : null;
      if (refusal) return page({ status: lastStatus, error: crawlError("invalid-url", refusal.message) });
      const hopRefusal = hop > 0 ? (fetchOptions.checkHop?.(parsed.href) ?? null) : null;
      // A hop out of the site's scope is where the fetch ends: the redirect is recorded, its target not fetched.
      if (hopRefusal !== null) return page({ status: lastStatus });

      let res: Awaited<ReturnType<typeof request>>;
      try {
        res = await request(parsed, {
          method: "GET",
          headers: cookie === "" ? headers : { ...headers, cookie },
          dispatcher,
          ...(fetchOptions.signal ? { signal: fetchOptions.signal } : {}),
        });
      } catch (err) {
        const error = classifyError(err);
        // A tls error names the certificate's issuer and the option that adds a root.
        return page({
          error: error.code === "tls" ? await describeTlsError(error, err, parsed, options.lookup) : error,
        });
      }
      const status = res.statusCode;
      const raw = res.headers as RawHeaders;
      const kept = keptHeaders(raw);
      const location = headerValue(raw, "location");
      storeCookies(jar, raw, parsed.href);

      if (isRedirect(status) && location) {
        discard(res.body);
        let next: URL;
        try {
          next = new URL(location, parsed);
        } catch {
          return page({
            status,
            headers: kept,
            error: crawlError("invalid-url", `bad Location: ${location}`),
          });
        }
        next.hash = "";
        if (visited.get(next.href) === (jar?.header(next.href) ?? "")) {
          redirects.push(next.href);
          return page({
            status,
            headers: kept,
            error: crawlError("redirect-loop", `redirect loop at ${next.href}`),
          });
        }
        if (hop + 1 > maxRedirects) {
          return page({
            status,
            headers: kept,
            error: crawlError("too-many-redirects", `more than ${maxRedirects} redirects`),
          });
        }
        redirects.push(next.href);
        current = next.href;
        lastStatus = status;
        continue;
      }

      const finalUrl = parsed.href;
      current = finalUrl;
      if (status === 304) {
        discard(res.body);
        options.onResponseRead?.({ url: finalUrl, status, rawBytes: 0, decodedBytes: 0, truncated: false });
        // No body to sniff: the headers and the URL say what the stored copy is.
        const contentKind = detectContentKind({
          url: finalUrl,
          contentType: kept["content-type"],
          contentDisposition: kept["content-disposition"],
        });
        return page({ status, headers: kept, notModified: true, contentKind });
      }

      const hints = {
        url: finalUrl,
        contentType: kept["content-type"],
        contentDisposition: kept["content-disposition"],
      };
      const httpError = statusError(status);
      if (httpError === null && isUnsupportedResponse(hints)) {
        // Headers are enough to know nobody reads this body (images, video, archives…).
        discard(res.body);
        options.onResponseRead?.({ url: finalUrl, status, rawBytes: 0, decodedBytes: 0, truncated: false });
        return page({
          status,
          headers: kept,
          contentKind: "other",
          error: crawlError("unsupported-type", `not downloaded: ${kept["content-type"] ?? "unknown type"}`),
        });
      }

      const cap = httpError === null ? maxBodyBytes : Math.min(maxBodyBytes, maxErrorBodyBytes);
      const read = await readCapped(res.body, headerValue(raw, "content-encoding"), cap, bodyTimeoutMs);
      options.onResponseRead?.({
        url: finalUrl,
        status,
        rawBytes: read.rawBytes,
        decodedBytes: read.bytes.length,
        truncated: read.truncated,
      });
      const body = new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
      const contentKind = detectContentKind({ ...hints, body });
      if (httpError !== null) {
        return page({
          status,
          headers: kept,
          body,
          truncated: read.truncated,
          contentKind,
          error: httpError,
        });
      }
      if (read.error !== null) {
        return page({
          status,
          headers: kept,
          body: read.bytes.length > 0 ? body : null,
          contentKind,
          error: read.error,
        });
      }
      if (read.truncated) {
        return page({
          status,
          headers: kept,
          body,
          truncated: true,
          contentKind,
          error: crawlError("too-large", `body larger than ${maxBodyBytes} bytes, cut`),
        });
      }
      return page({ status, headers: kept, body, contentKind });
    }
  }

  return {
    name: "http",
    agent,
    async fetch(url: string, fetchOptions?: FetchOptions): Promise<FetchedPage> {
      try {
        return markBotWall(await fetchOnce(url, fetchOptions));
      } catch (err) {
        // Belt and braces: the contract says a fetcher never throws.
        return unfetchedPage(url, classifyError(err));
      }
    },
    async close(): Promise<void> {
      await Promise.all([agent.close(), ...[...agents.values()].map((a) => a.close())]);
    },
  };
}

import type { CrawlError, ErrorCode, FetchedPage } from "../types/index.ts";

/** Failures where no HTTP answer came: they say the host is down, not that a page is missing. */
export const CONNECTION_CODES: ReadonlySet<ErrorCode> = new Set([
  "dns",
  "connect",
  "tls",
  "timeout",
  "reset",
]);

export function isConnectionError(code: ErrorCode | undefined | null): boolean {
  return code != null && CONNECTION_CODES.has(code);
}

export function crawlError(code: ErrorCode, message: string): CrawlError {
  return { code, message };
}

/** The error of an HTTP status, or null for 1xx–3xx. */
export function statusError(status: number): CrawlError | null {
  if (status === 429) return crawlError("http-429", "HTTP 429 Too Many Requests");
  if (status >= 400 && status < 500) return crawlError("http-4xx", `HTTP ${status}`);
  if (status >= 500) return crawlError("http-5xx", `HTTP ${status}`);
  return null;
}

const DNS = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "EAI_FAIL",
  "EAI_NODATA",
  "ENODATA",
  "ESERVFAIL",
]);
const CONNECT = new Set([
  "ECONNREFUSED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "EHOSTDOWN",
  "ENETDOWN",
]);
const RESET = new Set([
  "ECONNRESET",
  "EPIPE",
  "UND_ERR_SOCKET",
  "ECONNABORTED",
  "ERR_STREAM_PREMATURE_CLOSE",
]);
const TIMEOUT = new Set([
  "ETIMEDOUT",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "ESOCKETTIMEDOUT",
]);

function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = err;
  for (let i = 0; i < 5 && current && typeof current === "object"; i++) {
    const c = (current as { code?: unknown }).code;
    if (typeof c === "string") codes.push(c);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

function messageOf(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
    return `${err.message}${cause}`;
  }
  return String(err);
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith("ERR_TLS_") ||
    code.startsWith("ERR_SSL_") ||
    code.startsWith("CERT_") ||
    code.includes("CERT") ||
    code === "EPROTO" ||
    code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE" ||
    code === "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" ||
    code === "ERR_SSL_WRONG_VERSION_NUMBER"
  );
}

/** Map any thrown network error into the taxonomy. */
export function classifyError(err: unknown): CrawlError {
  const codes = codesOf(err);
  const message = messageOf(err);
  for (const code of codes) {
    // The address policy refused the connection (crawl/address-policy.ts): not a network failure to retry.
    if (code === "ERR_NOK_REFUSED_TARGET") return crawlError("invalid-url", message);
    if (DNS.has(code)) return crawlError("dns", message);
    if (TIMEOUT.has(code)) return crawlError("timeout", message);
    if (CONNECT.has(code)) return crawlError("connect", message);
    if (isTlsCode(code)) return crawlError("tls", message);
    if (RESET.has(code)) return crawlError("reset", message);
    if (code === "UND_ERR_HEADERS_OVERFLOW" || code === "HPE_HEADER_OVERFLOW") {
      return crawlError("too-large", `response headers too large (cookie bomb?): ${message}`);
    }
    if (code.startsWith("HPE_")) return crawlError("parse", message);
    if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR" || code.startsWith("ERR__")) {
      return crawlError("decode", message);
    }
  }
  if (err instanceof Error && (err.name === "TimeoutError" || /timed? ?out/i.test(err.message))) {
    return crawlError("timeout", message);
  }
  if (err instanceof Error && err.name === "AbortError") return crawlError("unknown", `aborted: ${message}`);
  return crawlError("unknown", message);
}

/** The page record of a request that got no HTTP answer (refused, aborted, failed before sending). */
export function unfetchedPage(
  url: string,
  error: CrawlError,
  fetcher: FetchedPage["fetcher"] = "http",
): FetchedPage {
  return {
    url,
    finalUrl: url,
    status: 0,
    headers: {},
    body: null,
    truncated: false,
    contentKind: "other",
    redirects: [],
    fetcher,
    fetchedAt: new Date().toISOString(),
    durationMs: 0,
    error,
  };
}

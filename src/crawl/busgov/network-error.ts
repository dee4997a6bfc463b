import type { CrawlError, ErrorCode } from "../../types/common.ts";

/** Node/undici error codes → our taxonomy. undici often wraps the system error in `cause`. */
const BY_CODE: Record<string, ErrorCode> = {
  ENOTFOUND: "dns",
  EAI_AGAIN: "dns",
  ECONNREFUSED: "connect",
  EHOSTUNREACH: "connect",
  ENETUNREACH: "connect",
  EADDRNOTAVAIL: "connect",
  ETIMEDOUT: "timeout",
  UND_ERR_CONNECT_TIMEOUT: "timeout",
  UND_ERR_HEADERS_TIMEOUT: "timeout",
  UND_ERR_BODY_TIMEOUT: "timeout",
  ABORT_ERR: "timeout",
  ECONNRESET: "reset",
  EPIPE: "reset",
  UND_ERR_SOCKET: "reset",
  UND_ERR_CLOSED: "reset",
};

const WHAT: Partial<Record<ErrorCode, string>> = {
  dns: "имя сервера не найдено",
  connect: "соединение не установлено",
  timeout: "нет ответа за отведённое время",
  reset: "соединение разорвано",
  tls: "ошибка TLS-сертификата",
};

function codeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code) return code;
    if ((e as { name?: unknown }).name === "TimeoutError") return "ETIMEDOUT";
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a network failure of `url`; `who` names the service in the (Russian) message. */
export function networkError(err: unknown, url: string, who = "bus.gov.ru"): CrawlError {
  const sysCode = codeOf(err);
  let code: ErrorCode = sysCode ? (BY_CODE[sysCode] ?? "unknown") : "unknown";
  if (sysCode && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(sysCode)) code = "tls";
  const what = WHAT[code] ?? `сетевая ошибка: ${err instanceof Error ? err.message : String(err)}`;
  return { code, message: `${who} (${new URL(url).host}): ${what}${sysCode ? ` (${sysCode})` : ""}` };
}

import type { CrawlError, ErrorCode } from "../../types/common.ts";

/** Chromium net error names (in Playwright's messages) → our taxonomy. First match wins. */
const NET_ERRORS: [RegExp, ErrorCode][] = [
  [/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED/, "dns"],
  [/ERR_CERT_|ERR_SSL_|ERR_BAD_SSL/, "tls"],
  [/ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT/, "timeout"],
  [/ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_ABORTED/, "reset"],
  [
    /ERR_CONNECTION_REFUSED|ERR_CONNECTION_FAILED|ERR_ADDRESS_UNREACHABLE|ERR_INTERNET_DISCONNECTED|ERR_PROXY_CONNECTION_FAILED|ERR_TUNNEL_CONNECTION_FAILED/,
    "connect",
  ],
  [/ERR_TOO_MANY_REDIRECTS/, "too-many-redirects"],
  [
    /ERR_INVALID_URL|invalid URL|ERR_UNSAFE_PORT|ERR_DISALLOWED_URL_SCHEME|ERR_UNKNOWN_URL_SCHEME/i,
    "invalid-url",
  ],
  [/Download is starting/, "unsupported-type"],
];

const WHAT: Partial<Record<ErrorCode, string>> = {
  dns: "имя сервера не найдено",
  tls: "ошибка TLS-сертификата",
  timeout: "страница не загрузилась за отведённое время",
  reset: "соединение разорвано",
  connect: "соединение не установлено",
  "too-many-redirects": "слишком много перенаправлений",
  "invalid-url": "недопустимый адрес",
  "unsupported-type": "по адресу файл для скачивания, а не страница",
};

/** Maps a Playwright navigation failure; anything unrecognised is a `browser` error. */
export function browserError(err: unknown): CrawlError {
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = message.split("\n")[0] ?? message;
  const isTimeout = err instanceof Error && err.name === "TimeoutError";
  const net = /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
  let code: ErrorCode = isTimeout ? "timeout" : "browser";
  if (!isTimeout) {
    for (const [re, c] of NET_ERRORS) {
      if (re.test(message)) {
        code = c;
        break;
      }
    }
  }
  const what = WHAT[code] ?? `ошибка браузера: ${firstLine}`;
  return { code, message: `Браузер: ${what}${net ? ` (${net})` : ""}` };
}

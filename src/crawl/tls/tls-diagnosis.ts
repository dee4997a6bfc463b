import { isIP, type LookupFunction } from "node:net";
import { connect, type PeerCertificate } from "node:tls";
import type { CrawlError } from "../../types/index.ts";

const DIAGNOSIS_TIMEOUT_MS = 5_000;

function codeOf(err: unknown): string {
  let current: unknown = err;
  for (let i = 0; i < 5 && current && typeof current === "object"; i++) {
    const c = (current as { code?: unknown }).code;
    if (typeof c === "string" && c !== "UND_ERR_SOCKET") return c;
    current = (current as { cause?: unknown }).cause;
  }
  return "TLS";
}

function nameOf(part: PeerCertificate["issuer"] | undefined): string {
  if (!part) return "неизвестен";
  const cn = [part.CN].flat().filter(Boolean).join(", ");
  const o = [part.O].flat().filter(Boolean).join(", ");
  return [cn && `CN=${cn}`, o && `O=${o}`].filter(Boolean).join(", ") || "неизвестен";
}

/**
 * Who issued the certificate a site presents: a TLS handshake that only reads the certificate (no HTTP
 * request is sent, nothing is trusted), through the same DNS lookup as the fetch. Null when it fails.
 */
export function peerCertificate(url: URL, lookup?: LookupFunction): Promise<PeerCertificate | null> {
  return new Promise((resolve) => {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const socket = connect({
      host,
      port: Number(url.port || 443),
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ...(lookup ? { lookup } : {}),
    });
    const done = (cert: PeerCertificate | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(cert);
    };
    const timer = setTimeout(() => done(null), DIAGNOSIS_TIMEOUT_MS);
    socket.once("secureConnect", () => {
      const cert = socket.getPeerCertificate();
      done(cert && Object.keys(cert).length > 0 ? cert : null);
    });
    socket.once("error", () => done(null));
  });
}

/**
 * The `tls` error in words a site owner or operator can act on: what failed, who issued the certificate, and
 * the option that adds a root. Verification is never turned off.
 */
export async function describeTlsError(
  error: CrawlError,
  cause: unknown,
  url: URL,
  lookup?: LookupFunction,
): Promise<CrawlError> {
  if (url.protocol !== "https:") return error;
  const code = codeOf(cause);
  const cert = await peerCertificate(url, lookup);
  const issuer = nameOf(cert?.issuer);
  const hostMismatch = code === "ERR_TLS_CERT_ALTNAME_INVALID";
  const what = hostMismatch
    ? `сертификат выдан для другого имени (${cert?.subjectaltname ?? nameOf(cert?.subject)})`
    : "сертификат сайта не удалось проверить";
  const hint = hostMismatch
    ? "это ошибка настройки сайта"
    : "если этот удостоверяющий центр доверенный, укажите его корневой сертификат: --ca FILE (или NODE_EXTRA_CA_CERTS)";
  return { code: "tls", message: `TLS (${code}): ${what}; издатель: ${issuer}; ${hint}` };
}

/**
 * One registry site as a person checking the list would see it: does the address answer, does it send us to
 * another host (the site moved: the registry should be updated), is its TLS certificate accepted. Redirects
 * are followed by hand (up to 5) so every hop is seen; only GET of the start page, nothing else is crawled.
 */
import { rootCertificates } from "node:tls";
import { Agent, request } from "undici";

export type SiteVerdict = "ok" | "moved" | "redirected" | "http-error" | "tls" | "unreachable";

export interface SiteCheck {
  url: string;
  verdict: SiteVerdict;
  /** The last URL reached (after redirects). */
  finalUrl: string;
  status: number | null;
  /** Redirect hops, in order. */
  redirects: string[];
  /** Russian: what went wrong, or null. */
  problem: string | null;
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i;

const host = (u: string) => new URL(u).hostname.toLowerCase().replace(/^www\./, "");

export function createVerifyAgent(options: { timeoutMs: number; extraCa?: string[] }): Agent {
  return new Agent({
    connect: {
      timeout: options.timeoutMs,
      ...(options.extraCa?.length ? { ca: [...rootCertificates, ...options.extraCa] } : {}),
    },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
}

function describe(err: unknown): { verdict: SiteVerdict; problem: string } {
  const e = err as { code?: string; cause?: { code?: string; message?: string }; message?: string };
  const code = e.cause?.code ?? e.code ?? "";
  const message = e.cause?.message ?? e.message ?? String(err);
  if (TLS_CODES.test(code) || TLS_CODES.test(message))
    return {
      verdict: "tls",
      problem: `сертификат TLS не принят (${code || message}); если сайт использует сертификат Минцифры, укажите корневой сертификат через --ca`,
    };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return { verdict: "unreachable", problem: "домен не найден (DNS)" };
  if (code === "ECONNREFUSED") return { verdict: "unreachable", problem: "соединение отклонено" };
  if (/TIMEOUT/i.test(code)) return { verdict: "unreachable", problem: "нет ответа за отведённое время" };
  return { verdict: "unreachable", problem: `ошибка соединения: ${code || message}` };
}

export async function checkSite(url: string, agent: Agent): Promise<SiteCheck> {
  const redirects: string[] = [];
  let current = url;
  for (let hop = 0; hop <= 5; hop++) {
    let status: number;
    let location: string | undefined;
    try {
      const res = await request(current, {
        method: "GET",
        dispatcher: agent,
        headers: { "user-agent": "nok-monitor/0.1 (registry verify)", accept: "text/html,*/*" },
      });
      status = res.statusCode;
      const loc = res.headers.location;
      location = Array.isArray(loc) ? loc[0] : loc;
      await res.body.dump();
    } catch (err) {
      return { url, finalUrl: current, status: null, redirects, ...describe(err) };
    }
    if (status >= 300 && status < 400 && location) {
      current = new URL(location, current).href;
      redirects.push(current);
      continue;
    }
    const base = { url, finalUrl: current, status, redirects };
    if (status >= 400) return { ...base, verdict: "http-error", problem: `сайт ответил ${status}` };
    if (host(current) !== host(url))
      return { ...base, verdict: "moved", problem: `переадресует на другой адрес: ${current}` };
    return { ...base, verdict: redirects.length > 0 ? "redirected" : "ok", problem: null };
  }
  return {
    url,
    finalUrl: current,
    status: null,
    redirects,
    verdict: "http-error",
    problem: "более 5 переадресаций",
  };
}

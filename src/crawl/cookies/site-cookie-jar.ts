import { Cookie, CookieJar } from "tough-cookie";
import type { SiteCookies } from "../../types/index.ts";

/**
 * Caps that keep a hostile or broken site from growing the jar without bound. RFC 6265 §6.1 asks user agents
 * for at least 4096 bytes per cookie, 50 cookies per domain and 3000 in total; one site's crawl needs far less.
 */
export const COOKIE_LIMITS = {
  /** Set-Cookie headers read from one response; the rest are ignored. */
  maxSetCookiePerResponse: 50,
  /** A longer Set-Cookie line (name, value and attributes) is dropped whole. */
  maxCookieBytes: 4096,
  /** Distinct cookies kept for one site; later new ones are ignored (existing ones still update). */
  maxCookies: 100,
  /** The Cookie header sent is cut (whole cookies) to this length. */
  maxHeaderBytes: 8192,
} as const;

export type CookieLimits = { -readonly [K in keyof typeof COOKIE_LIMITS]: number };

/**
 * One site's cookies (RFC 6265, tough-cookie): sent on every request and redirect hop of that site's crawl,
 * never shared with another site. Cookie gates («302 to the same URL with Set-Cookie») and bot-wall clearance
 * cookies depend on it.
 */
export function createSiteCookieJar(limits: Partial<CookieLimits> = {}): SiteCookies & { size(): number } {
  const cap: CookieLimits = { ...COOKIE_LIMITS, ...limits };
  // Loose mode accepts the `=value` cookies old CMSs send; public-suffix checks stay on.
  const jar = new CookieJar(undefined, { looseMode: true });
  const kept = new Set<string>();
  const id = (c: Cookie) => `${c.domain ?? ""};${c.path ?? ""};${c.key}`;

  return {
    store(setCookie: readonly string[], url: string): number {
      let stored = 0;
      for (const line of setCookie.slice(0, cap.maxSetCookiePerResponse)) {
        if (Buffer.byteLength(line) > cap.maxCookieBytes) continue;
        if (kept.size >= cap.maxCookies) {
          // Full: only cookies already kept may still change (a session id refreshed), no new ones.
          const name = Cookie.parse(line, { loose: true })?.key;
          if (name === undefined || ![...kept].some((k) => k.endsWith(`;${name}`))) continue;
        }
        let cookie: Cookie | undefined;
        try {
          cookie = jar.setCookieSync(line, url, { ignoreError: true });
        } catch {
          continue;
        }
        if (!cookie) continue;
        const key = id(cookie);
        kept.add(key);
        stored++;
      }
      return stored;
    },
    header(url: string): string {
      // Every cookie the jar took is in `kept`: most sites set none, and tough-cookie's lookup is not free.
      if (kept.size === 0) return "";
      let cookies: Cookie[];
      try {
        cookies = jar.getCookiesSync(url);
      } catch {
        return "";
      }
      const parts: string[] = [];
      let length = 0;
      for (const c of cookies) {
        const part = c.cookieString();
        if (length + part.length + 2 > cap.maxHeaderBytes) break;
        parts.push(part);
        length += part.length + 2;
      }
      return parts.join("; ");
    },
    all(url: string) {
      try {
        return jar.getCookiesSync(url).map((c) => ({
          name: c.key,
          value: c.value,
          // A leading dot marks a domain cookie for the browser; without it the cookie is host-only.
          domain: c.hostOnly === false ? `.${c.domain}` : (c.domain ?? new URL(url).hostname),
          path: c.path ?? "/",
          ...(c.secure ? { secure: true } : {}),
          ...(c.httpOnly ? { httpOnly: true } : {}),
        }));
      } catch {
        return [];
      }
    },
    size: () => kept.size,
  };
}

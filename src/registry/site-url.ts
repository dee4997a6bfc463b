/** Validation of the site address cell: http(s) only, a missing scheme is added (and reported). */

export type SiteUrlResult = { ok: true; url: string; addedScheme: boolean } | { ok: false; reason: string };

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

export function parseSiteUrl(input: string): SiteUrlResult {
  const text = input.trim();
  if (!text) return { ok: false, reason: "адрес сайта не указан" };
  if (/\s/.test(text))
    return { ok: false, reason: `в адресе сайта «${text}» есть пробелы (один адрес в ячейке)` };
  // "site.ru:8080" looks like a scheme to a URL parser; only a real "scheme://" counts.
  const hasScheme =
    SCHEME.test(text) && (text.includes("://") || /^(mailto|tel|javascript|data):/i.test(text));
  const candidate = hasScheme ? text : `https://${text.replace(/^\/+/, "")}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: `«${text}» — не адрес сайта` };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, reason: `«${text}»: нужен адрес http:// или https://` };
  }
  const host = url.hostname;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith("[");
  if (!isIp && host !== "localhost" && !/\.[a-z\d-]{2,}$/i.test(host)) {
    return { ok: false, reason: `«${text}»: в адресе нет домена` };
  }
  return { ok: true, url: candidate, addedScheme: !hasScheme };
}

/** Key under which two addresses of one site are the same: no scheme, no "www.", no trailing slash, host lower-case. */
export function siteUrlKey(url: string): string {
  try {
    const u = new URL(url);
    const host = u.host.toLowerCase().replace(/^www\./, "");
    const path = u.pathname.replace(/\/+$/, "");
    return `${host}${path}${u.search}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

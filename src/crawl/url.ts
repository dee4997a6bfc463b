import { StringMemo } from "../util/memo.ts";

/**
 * URL normalisation and the dedup key of the frontier.
 *
 * Government CMSs (Bitrix above all) expose one page under many spellings:
 * `index.php`, session ids, tracking tags, doubled slashes, `www.` or not.
 * Normalising them keeps the page budget for distinct pages.
 */

/** Query parameters that never change what a page shows (session ids, ad/analytics tags). */
const DROPPED_PARAMS = new Set([
  "phpsessid",
  "sid",
  "jsessionid",
  "sessionid",
  "session_id",
  "yclid",
  "ysclid",
  "gclid",
  "dclid",
  "fbclid",
  "msclkid",
  "_openstat",
  "openstat",
  "from",
  "erid",
  "etext",
  "_ga",
  "_gl",
  "mc_cid",
  "mc_eid",
  "rb_clickid",
  "bxajaxid",
  "clear_cache",
]);

const DROPPED_PREFIXES = ["utm_", "aspsessionid"];

const INDEX_FILE = /\/(?:index\.(?:php|html?)|default\.aspx)$/i;
const PATH_SESSION = /;jsessionid=[^/?#]*/gi;
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Decode %XX of unreserved characters, upper-case the hex of the others (RFC 3986 §6.2.2). */
function normalizePercent(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const ch = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

function isDroppedParam(rawKey: string): boolean {
  let key: string;
  try {
    key = decodeURIComponent(rawKey.replace(/\+/g, " ")).toLowerCase();
  } catch {
    key = rawKey.toLowerCase();
  }
  return DROPPED_PARAMS.has(key) || DROPPED_PREFIXES.some((p) => key.startsWith(p));
}

function normalizeQuery(search: string): string {
  if (search.length <= 1) return "";
  const params = search
    .slice(1)
    .split("&")
    .filter((p) => p.length > 0)
    .map(normalizePercent)
    .filter((p) => !isDroppedParam(p.split("=", 1)[0] ?? ""));
  if (params.length === 0) return "";
  // Sort by key, keeping the relative order of repeated keys (arrays like a[]=1&a[]=2).
  const keyed = params.map((p, i) => ({ p, k: p.split("=", 1)[0] ?? "", i }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  return `?${keyed.map((x) => x.p).join("&")}`;
}

function normalizePath(pathname: string): string {
  let path = pathname.replace(PATH_SESSION, "");
  path = path.replace(/\/{2,}/g, "/");
  path = normalizePercent(path);
  path = path.replace(INDEX_FILE, "/");
  return path === "" ? "/" : path;
}

const NOT_WEB = /^(?:javascript|mailto|tel|data|ftp|file|about|blob|sms|callto|skype|viber|tg):/i;

/**
 * The URL to request for a link: absolute, http(s), without fragment or credentials, and otherwise exactly
 * as the page named it. Normalisation is for the dedup key only — a Joomla site answers
 * `index.php?option=com_content&view=article&id=207` and 404s the "same" `/?id=207&option=…`.
 */
export function requestUrl(input: string, base?: string): string | null {
  // An input that starts with `http(s)://` ignores its base: the same link on every page is one entry.
  // (A base that is no URL fails every input, absolute ones too: those are keyed with their base.)
  const key =
    base === undefined || (ABSOLUTE.test(input) && validBases.get(base, () => URL.canParse(base)))
      ? input
      : `${base}\u0000${input}`;
  return requested.get(key, () => requestUrlOnce(input, base));
}

const ABSOLUTE = /^https?:\/\//i;
const requested = new StringMemo<string | null>();
const normalized = new StringMemo<string | null>();
const keys = new StringMemo<string>();
const validBases = new StringMemo<boolean>(2_000);

function requestUrlOnce(input: string, base?: string): string | null {
  const raw = input.trim();
  if (raw === "" || NOT_WEB.test(raw)) return null;
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.hostname === "") return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  return url.href;
}

/**
 * Absolute, canonical http(s) URL, or null when the input is not a fetchable web page
 * (other schemes, `javascript:`, `mailto:`, `tel:`, malformed).
 */
export function normalizeUrl(input: string, base?: string): string | null {
  const linked = requestUrl(input, base);
  return linked === null ? null : normalized.get(linked, () => normalizeLinked(linked));
}

function normalizeLinked(linked: string): string {
  // The URL as linked, then canonicalised: the two never disagree on what is a fetchable URL.
  const url = new URL(linked);
  if (url.hostname.endsWith(".")) url.hostname = url.hostname.replace(/\.+$/, "");
  const path = normalizePath(url.pathname);
  const query = normalizeQuery(url.search);
  // WHATWG URL already lower-cases scheme/host and drops default ports.
  return `${url.protocol}//${url.host}${path}${query}`;
}

/** Host without a leading `www.` (ports kept). */
export function stripWww(host: string): string {
  return host.replace(/^www\./i, "");
}

/**
 * The frontier's dedup key: the normalised URL minus its scheme, a leading `www.`
 * and a trailing slash, so http↔https and www/non-www spellings of a page collapse.
 * Inputs that cannot be normalised get a key of their own that never collides with a page.
 */
export function urlKey(url: string): string {
  return keys.get(url, () => urlKeyOnce(url));
}

function urlKeyOnce(url: string): string {
  const normalized = normalizeUrl(url);
  if (normalized === null) return `invalid:${url}`;
  const u = new URL(normalized);
  const path = u.pathname.replace(/\/+$/, "");
  return `${stripWww(u.host)}${path}${u.search}`;
}

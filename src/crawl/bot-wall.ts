import type { CrawlError, FetchedPage } from "../types/index.ts";
import { crawlError } from "./errors.ts";

/**
 * Challenge pages of the anti-bot services in front of Russian government and institution sites. A challenge is
 * not the site: reading it as content would turn «section missing» into a verdict about a page never seen.
 */
interface Vendor {
  name: string;
  /** Markers in the `server` (or `cf-mitigated`) header. */
  header?: RegExp;
  /** Markers in the challenge page's HTML. */
  body: RegExp;
}

const VENDORS: readonly Vendor[] = [
  { name: "DDoS-Guard", header: /ddos-guard/i, body: /ddos-guard|__ddg\d|check\.ddos-guard/i },
  {
    name: "Servicepipe",
    header: /servicepipe/i,
    body: /servicepipe|spinfo\.|__spsc|id="spsc/i,
  },
  { name: "Qrator", header: /qrator/i, body: /qrator|__qrator|qauth_/i },
  { name: "Variti", header: /variti/i, body: /variti/i },
  { name: "StormWall", header: /stormwall/i, body: /stormwall|swp_token/i },
  {
    name: "Cloudflare",
    header: /cf-mitigated/i,
    body: /cf-browser-verification|challenge-platform|cf_chl_|cf-turnstile|<title>\s*Just a moment\.\.\.\s*<\/title>/i,
  },
];

/** Generic wording of a browser check, Russian and English. */
const GENERIC =
  /проверк[аи]\s+(?:вашего\s+)?браузера|проверяем\s+(?:ваш\s+)?браузер|идёт\s+проверка|checking\s+(?:if\s+the\s+site\s+connection\s+is\s+secure|your\s+browser)|please\s+enable\s+(?:javascript\s+and\s+)?cookies|DDoS\s+protection\s+by/i;

/** Challenge statuses: a wall on a real page is what makes these unusual. */
const WALL_STATUSES = new Set([401, 403, 429, 503]);

/** A challenge page is small: a script, a spinner and a line of text. Real pages with a «защищено» badge are not. */
const MAX_CHALLENGE_TEXT = 1500;
const MAX_CHALLENGE_LINKS = 5;

function visibleText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const UTF8 = new TextDecoder("utf-8");
const LINK = /<a\s[^>]*href=/gi;

/** Matches of a global regex in `text`, counted up to `limit`. */
function countUpTo(re: RegExp, text: string, limit: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < limit && re.exec(text) !== null) n++;
  re.lastIndex = 0;
  return n;
}

/** The wall in front of a page, or null. Looks only at answers that could be one (HTML or no body, small). */
export function detectBotWall(
  page: Pick<FetchedPage, "status" | "headers" | "body" | "contentKind">,
): string | null {
  if (page.status === 0 || (page.contentKind !== "html" && page.contentKind !== "other")) return null;
  const headerText = `${page.headers.server ?? ""} ${page.headers["cf-mitigated"] ? "cf-mitigated" : ""}`;
  const html = page.body && page.body.length < 256 * 1024 ? UTF8.decode(page.body) : "";
  // A page with more links than a challenge has is not small whatever its text: its text is not needed then.
  const manyLinks = countUpTo(LINK, html, MAX_CHALLENGE_LINKS + 1) > MAX_CHALLENGE_LINKS;
  const wallStatus = WALL_STATUSES.has(page.status);
  if (manyLinks && !wallStatus) return null;
  const text = manyLinks ? "" : visibleText(html);
  const small = !manyLinks && text.length <= MAX_CHALLENGE_TEXT;
  if (!small && !wallStatus) return null;

  for (const v of VENDORS) {
    const inBody = v.body.test(html);
    const inHeader = v.header?.test(headerText) ?? false;
    // A vendor's server header alone also marks ordinary error pages it proxies: it needs a wall status too.
    if ((inBody && small) || (inHeader && wallStatus && (inBody || small))) return v.name;
  }
  if (small && html !== "" && GENERIC.test(text)) return "проверка браузера";
  return null;
}

export function botWallError(vendor: string): CrawlError {
  return crawlError(
    "bot-wall",
    `сайт закрыт защитой от ботов (${vendor}): вместо страницы — проверка браузера`,
  );
}

/** The page with its error set to `bot-wall` when a challenge stands in for it. */
export function markBotWall(page: FetchedPage): FetchedPage {
  if (page.error && !["http-4xx", "http-5xx", "http-429"].includes(page.error.code)) return page;
  const vendor = detectBotWall(page);
  return vendor ? { ...page, error: botWallError(vendor) } : page;
}

/** The key the rules match links and pages by (site-model.ts and the checks). */

/**
 * Keys by URL: the checks key a site's links again on every judgement of it (one WHATWG parse each). Bounded:
 * emptied when full, which only costs parses again.
 */
const keyCache = new Map<string, string>();
const KEY_CACHE_MAX = 20_000;

/** A URL key for matching links to pages: no fragment, no www., no trailing slash, lower-case host. */
export function urlKey(raw: string): string {
  let key = keyCache.get(raw);
  if (key === undefined) {
    key = computeUrlKey(raw);
    if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
    keyCache.set(raw, key);
  }
  return key;
}

function computeUrlKey(raw: string): string {
  try {
    const u = new URL(raw);
    const host = u.hostname.toLowerCase().replace(/^www\./, "");
    let path = u.pathname.replace(/\/+$/, "");
    if (/\/index\.(php|html?|aspx?)$/i.test(path)) path = path.replace(/\/index\.[a-z]+$/i, "");
    return `${host}${path}${u.search}`;
  } catch {
    return raw.trim();
  }
}

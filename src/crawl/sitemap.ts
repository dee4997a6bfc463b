import { gunzipSync } from "node:zlib";
import { load } from "cheerio";
import type { CrawlError } from "../types/index.ts";
import { DEFAULT_SITEMAP_LIMITS } from "./defaults.ts";
import type { FetchFn } from "./fetch-fn.ts";

export interface SitemapEntry {
  url: string;
  lastmod: string | null;
}

export interface ParsedSitemap {
  /** Page URLs (`<urlset>` or a plain-text sitemap). */
  urls: SitemapEntry[];
  /** Child sitemaps (`<sitemapindex>`). */
  sitemaps: string[];
}

export interface SitemapLimits {
  maxUrls: number;
  maxSitemaps: number;
  /** Depth of sitemap-index nesting followed (0: only the given sitemaps). */
  maxNesting: number;
  /** Cap on a decompressed sitemap. */
  maxBytes: number;
}

function isGzip(body: Uint8Array): boolean {
  return body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b;
}

/** Parse a sitemap or sitemap index (XML, gzipped XML, or plain text); at most `maxUrls` page URLs. */
export function parseSitemap(body: Uint8Array, limits: Partial<SitemapLimits> = {}): ParsedSitemap {
  const maxUrls = limits.maxUrls ?? DEFAULT_SITEMAP_LIMITS.maxUrls;
  const maxBytes = limits.maxBytes ?? DEFAULT_SITEMAP_LIMITS.maxBytes;
  let bytes = body;
  if (isGzip(bytes)) {
    // maxOutputLength makes a gzip bomb throw instead of filling memory.
    bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
  }
  const text = new TextDecoder("utf-8").decode(bytes.subarray(0, maxBytes)).replace(/^\uFEFF/, "");
  const urls: SitemapEntry[] = [];
  const sitemaps: string[] = [];
  if (!text.trimStart().startsWith("<")) {
    for (const line of text.split(/\r?\n/)) {
      const url = line.trim();
      if (/^https?:\/\//i.test(url)) urls.push({ url, lastmod: null });
      if (urls.length >= maxUrls) break;
    }
    return { urls, sitemaps };
  }
  const $ = load(text, { xml: true });
  $("sitemapindex > sitemap").each((_i, el) => {
    const loc = $(el).children("loc").first().text().trim();
    if (loc !== "") sitemaps.push(loc);
  });
  $("urlset > url").each((_i, el) => {
    if (urls.length >= maxUrls) return false;
    const node = $(el);
    const loc = node.children("loc").first().text().trim();
    const lastmod = node.children("lastmod").first().text().trim();
    if (loc !== "") urls.push({ url: loc, lastmod: lastmod === "" ? null : lastmod });
    return undefined;
  });
  return { urls, sitemaps };
}

export interface SitemapCollection {
  urls: SitemapEntry[];
  /** Sitemap files fetched. */
  fetched: number;
  errors: Array<{ url: string; error: CrawlError }>;
}

/** Fetch sitemaps (and indexes they list) breadth-first within the limits; duplicates removed. */
export async function collectSitemapUrls(
  roots: readonly string[],
  fetch: FetchFn,
  limits: Partial<SitemapLimits> = {},
): Promise<SitemapCollection> {
  const lim: SitemapLimits = { ...DEFAULT_SITEMAP_LIMITS, ...limits };
  const seenSitemaps = new Set<string>();
  const seenUrls = new Set<string>();
  const result: SitemapCollection = { urls: [], fetched: 0, errors: [] };
  let level: string[] = [...new Set(roots)];
  for (let nesting = 0; nesting <= lim.maxNesting && level.length > 0; nesting++) {
    const next: string[] = [];
    for (const sitemapUrl of level) {
      if (seenSitemaps.has(sitemapUrl) || result.fetched >= lim.maxSitemaps) continue;
      if (result.urls.length >= lim.maxUrls) return result;
      seenSitemaps.add(sitemapUrl);
      result.fetched++;
      const page = await fetch(sitemapUrl);
      if (page.error !== null || page.body === null) {
        result.errors.push({
          url: sitemapUrl,
          error: page.error ?? { code: "unknown", message: "empty sitemap response" },
        });
        continue;
      }
      let parsed: ParsedSitemap;
      try {
        parsed = parseSitemap(page.body, { ...lim, maxUrls: lim.maxUrls - result.urls.length });
      } catch (err) {
        result.errors.push({ url: sitemapUrl, error: { code: "parse", message: String(err) } });
        continue;
      }
      for (const entry of parsed.urls) {
        if (seenUrls.has(entry.url)) continue;
        seenUrls.add(entry.url);
        result.urls.push(entry);
      }
      next.push(...parsed.sitemaps);
    }
    level = next;
  }
  return result;
}

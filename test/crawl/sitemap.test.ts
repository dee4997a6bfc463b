import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { collectSitemapUrls, parseSitemap } from "../../src/crawl/sitemap.ts";
import type { FetchedPage, Fetcher } from "../../src/types/index.ts";
import { startTestWeb, type TestWeb } from "../fixtures/testweb/index.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const urlset = (n: number, base = "http://x.ru") =>
  `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${Array.from(
    { length: n },
    (_v, i) => `<url><loc>${base}/p/${i}</loc><lastmod>2025-0${(i % 9) + 1}-01</lastmod></url>`,
  ).join("")}</urlset>`;

describe("parseSitemap", () => {
  it("reads a urlset with lastmod", () => {
    const parsed = parseSitemap(enc(urlset(3)));
    expect(parsed.urls).toEqual([
      { url: "http://x.ru/p/0", lastmod: "2025-01-01" },
      { url: "http://x.ru/p/1", lastmod: "2025-02-01" },
      { url: "http://x.ru/p/2", lastmod: "2025-03-01" },
    ]);
    expect(parsed.sitemaps).toEqual([]);
  });

  it("reads a sitemap index", () => {
    const parsed = parseSitemap(
      enc(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc> http://x.ru/a.xml </loc></sitemap><sitemap><loc>http://x.ru/b.xml.gz</loc></sitemap></sitemapindex>',
      ),
    );
    expect(parsed.sitemaps).toEqual(["http://x.ru/a.xml", "http://x.ru/b.xml.gz"]);
  });

  it("reads gzipped and plain-text sitemaps", () => {
    expect(parseSitemap(gzipSync(urlset(2))).urls).toHaveLength(2);
    expect(parseSitemap(enc("http://x.ru/a\nhttps://x.ru/b\n# comment\n")).urls.map((u) => u.url)).toEqual([
      "http://x.ru/a",
      "https://x.ru/b",
    ]);
  });

  it("is bounded in URLs and decompressed size", () => {
    expect(parseSitemap(enc(urlset(100)), { maxUrls: 10 }).urls).toHaveLength(10);
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20));
    expect(() => parseSitemap(bomb, { maxBytes: 1024 * 1024 })).toThrow();
  });
});

describe("collectSitemapUrls", () => {
  let web: TestWeb;
  let fetcher: Fetcher;
  beforeAll(async () => {
    web = await startTestWeb();
    fetcher = createHttpFetcher({ lookup: web.lookup });
  });
  afterAll(async () => {
    await fetcher.close?.();
    await web.close();
  });

  it("follows an index into plain and gzipped sitemaps on the test web", async () => {
    const origin = `http://127.0.0.1:${web.ministry.port}`;
    const result = await collectSitemapUrls([`${origin}/sitemap.xml`], (u) => fetcher.fetch(u));
    expect(result.fetched).toBe(3);
    expect(result.errors).toEqual([]);
    expect(result.urls.map((u) => u.url).sort()).toEqual(
      [
        `${origin}/`,
        `${origin}/about/`,
        `${origin}/hidden/orphan/`,
        `${origin}/activity/public-council/nok/`,
        `${origin}/documents/`,
      ].sort(),
    );
  });

  it("bounds nesting, sitemap count and URL count", async () => {
    const served: string[] = [];
    // Every sitemap is an index pointing to two deeper ones, plus one page URL.
    const fake = async (url: string): Promise<FetchedPage> => {
      served.push(url);
      const n = served.length;
      const xml = `<sitemapindex><sitemap><loc>${url}/a</loc></sitemap><sitemap><loc>${url}/b</loc></sitemap></sitemapindex>`;
      const body = n % 2 === 0 ? urlset(3, `http://x.ru/${n}`) : xml;
      return {
        url,
        finalUrl: url,
        status: 200,
        headers: {},
        body: enc(body),
        truncated: false,
        contentKind: "other",
        redirects: [],
        fetcher: "http",
        fetchedAt: "",
        durationMs: 0,
        error: null,
      };
    };
    const deep = await collectSitemapUrls(["http://x.ru/s"], fake, { maxNesting: 2, maxSitemaps: 100 });
    expect(Math.max(...served.map((u) => u.split("/").length - 4))).toBeLessThanOrEqual(2);
    served.length = 0;
    const few = await collectSitemapUrls(["http://x.ru/s"], fake, { maxNesting: 10, maxSitemaps: 4 });
    expect(few.fetched).toBe(4);
    expect(served).toHaveLength(4);
    const capped = await collectSitemapUrls(["http://x.ru/s"], fake, {
      maxNesting: 10,
      maxSitemaps: 50,
      maxUrls: 5,
    });
    expect(capped.urls.length).toBeLessThanOrEqual(5);
    expect(deep.urls.length).toBeGreaterThan(0);
  });
});

import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawlSite, type SiteCrawlSummary } from "../../src/crawl/crawler.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { createPool } from "../../src/crawl/politeness.ts";
import type { PriorityFn } from "../../src/crawl/priority.ts";
import { DEFAULT_SEARCH_CUES, findSearchForm, ignoresQuery, searchUrl } from "../../src/crawl/site-search.ts";
import type { FetchedPage, Fetcher } from "../../src/types/index.ts";
import { sendHtml, startSite, type TestSite } from "../fixtures/testweb/server.ts";

const menu = Array.from({ length: 10 }, (_, i) => `<a href="/section-${i}/">Раздел ${i}</a>`).join("");

function htmlPage(form: string, body = ""): string {
  return `<html><head><meta charset="utf-8"></head><body><header>${form}</header><nav>${menu}</nav><main>${body}</main></body></html>`;
}

const bitrixForm =
  '<form class="search-form" action="/search/" method="get"><input type="text" name="q"><button>Найти</button></form>';
const wpForm = '<form role="search" method="get" action="/"><input type="search" name="s"></form>';

let bitrix: TestSite;
let wordpress: TestSite;
let closed: TestSite;
let legacy: TestSite;
let fetcher: Fetcher;

beforeAll(async () => {
  bitrix = await startSite((_req, res, url) => {
    if (url.pathname === "/search/") {
      const q = url.searchParams.get("q") ?? "";
      // The NOK page is deep and linked from nowhere a short crawl would reach: only the search finds it.
      const hit = /оценк/i.test(q)
        ? '<div class="search-page"><a href="/activity/deep/nok-2024/">Результаты НОК 2024</a></div>'
        : "<p>Ничего не найдено</p>";
      return sendHtml(res, htmlPage(bitrixForm, hit));
    }
    return sendHtml(res, htmlPage(bitrixForm, "<p>Главная</p>"));
  });
  // A WordPress theme whose search ignores the query and shows the home page.
  wordpress = await startSite((_req, res) =>
    sendHtml(res, htmlPage(wpForm, '<a href="/post-1/">Запись</a>')),
  );
  closed = await startSite((_req, res, url) => {
    if (url.pathname === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("User-agent: *\nDisallow: /search/\n");
      return;
    }
    sendHtml(res, htmlPage(bitrixForm));
  });
  legacy = await startSite((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=windows-1251" });
    res.end(
      iconv.encode(htmlPage(bitrixForm).replace('charset="utf-8"', 'charset="windows-1251"'), "win1251"),
    );
  });
  fetcher = createHttpFetcher();
});

afterAll(async () => {
  await fetcher.close?.();
  await Promise.all([bitrix, wordpress, closed, legacy].map((s) => s.close()));
});

const priority: PriorityFn = (link, depth) => (/нок|оценк/i.test(link.text) ? 10 : 0) - depth;

function linksOf(page: FetchedPage) {
  const html = new TextDecoder().decode(page.body ?? new Uint8Array());
  return [...html.matchAll(/<a href="([^"]+)">([^<]*)</g)].map((m) => ({
    url: new URL(m[1]!, page.finalUrl).href,
    text: m[2]!,
    inNav: m[1]!.startsWith("/section-"),
  }));
}

async function crawl(site: TestSite, maxPages = 4, respectRobots = false): Promise<SiteCrawlSummary> {
  return crawlSite(`${site.origin}/`, {
    fetcher,
    priority,
    pool: createPool({ perHostConcurrency: 1, minIntervalMs: 0 }),
    respectRobots,
    useSitemaps: false,
    retry: false,
    budget: { maxPages },
    siteSearch: { cues: DEFAULT_SEARCH_CUES },
    onPage: (page) => ({ links: linksOf(page) }),
  });
}

describe("site search", () => {
  it("finds the form (Bitrix, WordPress, Госвеб) and builds the query as the form would", () => {
    const page = (html: string): FetchedPage => ({
      url: "https://min.ru/",
      finalUrl: "https://min.ru/",
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: new TextEncoder().encode(html),
      truncated: false,
      contentKind: "html",
      redirects: [],
      fetcher: "http",
      fetchedAt: "",
      durationMs: 0,
      error: null,
    });
    const gosweb = findSearchForm(
      page('<form class="gw-search" action="/poisk/"><input name="query"></form>'),
    )!;
    expect(searchUrl(gosweb, "общественный совет")).toBe(
      "https://min.ru/poisk/?query=%D0%BE%D0%B1%D1%89%D0%B5%D1%81%D1%82%D0%B2%D0%B5%D0%BD%D0%BD%D1%8B%D0%B9+%D1%81%D0%BE%D0%B2%D0%B5%D1%82",
    );
    expect(searchUrl(findSearchForm(page(wpForm))!, "нок")).toBe("https://min.ru/?s=%D0%BD%D0%BE%D0%BA");
    expect(findSearchForm(page('<form method="post" action="/search/"><input name="q"></form>'))).toBeNull();
    expect(
      findSearchForm(page('<form action="https://other.ru/search/"><input name="q"></form>')),
    ).toBeNull();
  });

  it("queries the site's search with НОК cues and follows its results within the page budget", async () => {
    const summary = await crawl(bitrix);
    const paths = bitrix.requests.map((r) => decodeURIComponent(r.path.replace(/\+/g, " ")));
    expect(paths).toContain("/search/?q=независимая оценка качества");
    expect(paths).toContain("/activity/deep/nok-2024/");
    expect(summary.siteSearch).toEqual({ form: `${bitrix.origin}/search/`, queries: 2, used: true });
    expect(summary.pages).toBeLessThanOrEqual(4);
  });

  it("tells a search that ignores the query from one that answers it", () => {
    const a = { url: "https://min.ru/a/", text: "a" };
    const b = { url: "https://min.ru/b/", text: "b" };
    expect(ignoresQuery([[a], []], [])).toBe(false);
    expect(ignoresQuery([[a], [b]], [])).toBe(false);
    expect(ignoresQuery([[a], [a]], [])).toBe(true); // a fixed list, whatever was asked
    expect(ignoresQuery([[a], [a]], [a])).toBe(true); // the home page's own links
  });

  it("drops a search that returns the same page for every query", async () => {
    const summary = await crawl(wordpress, 6);
    expect(summary.siteSearch?.used).toBe(false);
    // Nothing from the ignored search was queued as a candidate above the rest: the post is reached only as a link.
    expect(wordpress.requests.filter((r) => r.path.startsWith("/?s=")).length).toBe(2);
  });

  it("respects robots.txt: a disallowed search is never queried", async () => {
    const summary = await crawl(closed, 4, true);
    expect(closed.requests.some((r) => r.path.startsWith("/search/"))).toBe(false);
    expect(summary.siteSearch?.queries).toBe(0);
    expect(summary.skippedByRobots).toBe(0);
  });

  it("sends the query in the site's charset (windows-1251)", async () => {
    await crawl(legacy, 2);
    const q = legacy.requests.find((r) => r.path.startsWith("/search/"))?.path ?? "";
    // «независимая» in windows-1251
    expect(q).toContain("q=%ED%E5%E7%E0%E2%E8%F1%E8%EC%E0%FF+");
  });
});

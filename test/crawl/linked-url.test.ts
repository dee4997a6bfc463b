import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawlSite } from "../../src/crawl/crawler.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { createPool } from "../../src/crawl/politeness.ts";
import { requestUrl, urlKey } from "../../src/crawl/url.ts";
import { manifestEntry } from "../../src/pipeline/site.ts";
import type { CrawlRequest, FetchedPage, Fetcher } from "../../src/types/index.ts";
import { sendHtml, startSite, type TestSite } from "../fixtures/testweb/server.ts";

const ARTICLE = "/index.php?option=com_content&view=article&id=207&Itemid=101";

/** A Joomla site: the article answers only under the spelling its menu links; any rewrite is a 404. */
let joomla: TestSite;
let fetcher: Fetcher;

beforeAll(async () => {
  joomla = await startSite((_req, res, url) => {
    const path = `${url.pathname}${url.search}`;
    if (path === "/") {
      return sendHtml(
        res,
        `<html><body><a href="${ARTICLE.replace(/&/g, "&amp;")}#top">Независимая оценка качества</a>
         <a href="/index.php?option=com_content&amp;view=article&amp;id=207&amp;Itemid=101&amp;utm_source=vk">то же</a></body></html>`,
      );
    }
    if (path === ARTICLE) return sendHtml(res, "<html><body><h1>НОК</h1></body></html>");
    res.writeHead(404, { "content-type": "text/html" });
    res.end("<html><body>404</body></html>");
  });
  fetcher = createHttpFetcher();
});

afterAll(async () => {
  await fetcher.close?.();
  await joomla.close();
});

describe("fetching what was linked", () => {
  it("requestUrl keeps the linked spelling and drops only the fragment", () => {
    expect(requestUrl(`${ARTICLE}#x`, "http://j.test/")).toBe(`http://j.test${ARTICLE}`);
    expect(requestUrl("mailto:a@b.ru")).toBeNull();
    // the key still collapses spellings
    expect(urlKey(`http://j.test${ARTICLE}`)).toBe(
      urlKey(`http://j.test/?Itemid=101&id=207&option=com_content&view=article`),
    );
  });

  it("requests a Joomla index.php?option=… link as linked, once, and records URL and key", async () => {
    const handled: { page: FetchedPage; req: CrawlRequest }[] = [];
    const summary = await crawlSite(`${joomla.origin}/`, {
      fetcher,
      pool: createPool({ perHostConcurrency: 1, minIntervalMs: 0 }),
      respectRobots: false,
      useSitemaps: false,
      retry: false,
      onPage: (page, req) => {
        handled.push({ page, req });
        return { links: page.url.endsWith("/") ? linksOf(page, req) : [] };
      },
    });
    const paths = joomla.requests.map((r) => r.path);
    expect(paths).toEqual(["/", ARTICLE]);
    expect(summary.errors).toBe(0);
    const article = handled.find((h) => h.req.url.includes("index.php"))!;
    const entry = manifestEntry(joomla.origin, article.page, article.req, null, 0);
    expect(entry.url).toBe(`${joomla.origin}${ARTICLE}`);
    expect(entry.key).toBe(urlKey(`${joomla.origin}${ARTICLE}`));
    expect(entry.status).toBe(200);
  });
});

function linksOf(page: FetchedPage, _req: CrawlRequest) {
  const html = Buffer.from(page.body ?? new Uint8Array()).toString("utf8");
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => ({
    url: new URL(m[1]!.replace(/&amp;/g, "&"), page.finalUrl).href,
    text: "",
  }));
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawlSite } from "../../src/crawl/crawler.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { isNewsList, isPaginationLink } from "../../src/crawl/pagination.ts";
import { createPool } from "../../src/crawl/politeness.ts";
import type { PriorityFn } from "../../src/crawl/priority.ts";
import type { Fetcher } from "../../src/types/index.ts";
import { sendHtml, startSite, type TestSite } from "../fixtures/testweb/server.ts";

describe("isPaginationLink", () => {
  const list = "https://min.ru/nok/docs/";
  const cases: [string, string, string, boolean][] = [
    ["Bitrix PAGEN_1", "?PAGEN_1=2", "2", true],
    ["?page=3", "?page=3", "3", true],
    ["WordPress /page/2/", "/nok/docs/page/2/", "2", true],
    ["«Следующая»", "?PAGEN_1=2", "Следующая", true],
    ["«Показать ещё»", "?PAGEN_1=2", "Показать ещё", true],
    ["«»»", "?page=2", "»", true],
    ["another list", "/nok/plans/?PAGEN_1=2", "2", false],
    ["a document of the list", "/upload/rezultaty.pdf", "Результаты", false],
    ["back to page 1", "?PAGEN_1=1", "1", false],
  ];
  it.each(cases)("%s", (_name, href, text, expected) => {
    expect(isPaginationLink({ url: new URL(href, list).href, text }, list)).toBe(expected);
  });

  it("tells a news archive from a document list", () => {
    expect(isNewsList("https://min.ru/press/news/", "Новости")).toBe(true);
    expect(isNewsList("https://min.ru/nok/docs/", "Документы НОК")).toBe(false);
  });
});

const docsPage = (n: number) =>
  `<html><body><a href="/nok/docs/upload/doc-${n}.html">Документ ${n}</a>${n < 3 ? `<a href="/nok/docs/?PAGEN_1=${n + 1}">${n + 1}</a>` : ""}</body></html>`;
const newsPage = (n: number) =>
  `<html><body><a href="/news/item-${n}/">Новость ${n}</a><a href="/news/?PAGEN_1=${n + 1}">Следующая</a></body></html>`;

let site: TestSite;
let fetcher: Fetcher;

beforeAll(async () => {
  site = await startSite((_req, res, url) => {
    const n = Number(url.searchParams.get("PAGEN_1") ?? 1);
    if (url.pathname === "/") {
      const neutral = Array.from({ length: 12 }, (_, i) => `<a href="/about/${i}/">О нас ${i}</a>`).join("");
      sendHtml(
        res,
        `<html><body><a href="/news/">Новости оценки качества</a><a href="/nok/docs/">Независимая оценка качества: документы</a>${neutral}</body></html>`,
      );
    } else if (url.pathname === "/nok/docs/") sendHtml(res, docsPage(n));
    else if (url.pathname === "/news/") sendHtml(res, newsPage(n));
    else sendHtml(res, "<html><body>страница</body></html>");
  });
  fetcher = createHttpFetcher();
});

afterAll(async () => {
  await fetcher.close?.();
  await site.close();
});

/** Cue priority: «оценк» in the link text scores, everything else falls with depth. */
const priority: PriorityFn = (link, depth) => (/оценк/i.test(link.text) ? 10 : 0) - depth;

describe("pagination under focus", () => {
  it("follows the next pages of a NOK document list before other pages, not a news archive's", async () => {
    await crawlSite(`${site.origin}/`, {
      fetcher,
      priority,
      pool: createPool({ perHostConcurrency: 1, minIntervalMs: 0 }),
      respectRobots: false,
      useSitemaps: false,
      retry: false,
      budget: { maxPages: 6 },
      onPage: (page) => {
        const html = new TextDecoder().decode(page.body ?? new Uint8Array());
        const links = [...html.matchAll(/href="([^"]+)">([^<]*)</g)].map((m) => ({
          url: new URL(m[1]!, page.finalUrl).href,
          text: m[2]!,
        }));
        return { links };
      },
    });
    const paths = site.requests.map((r) => r.path);
    // The two lists tie at priority, so they may come in either order; page 2 of the documents comes before
    // any neutral page, page 2 of the news never within the budget.
    expect(new Set(paths.slice(0, 4))).toEqual(
      new Set(["/", "/news/", "/nok/docs/", "/nok/docs/?PAGEN_1=2"]),
    );
    expect(paths).toContain("/nok/docs/?PAGEN_1=3");
    expect(paths).not.toContain("/news/?PAGEN_1=2");
  });
});

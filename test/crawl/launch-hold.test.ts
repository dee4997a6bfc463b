import { describe, expect, it } from "vitest";
import { crawlSite } from "../../src/crawl/crawler.ts";
import { createPool, POLITENESS_OFF } from "../../src/crawl/politeness.ts";
import type { CrawlRequest, FetchedPage, Fetcher } from "../../src/types/index.ts";
import { extractTestLinks } from "./link-handler.ts";

const ORIGIN = "http://hold.test";
const SITE: Record<string, string[]> = {
  "/": ["/seed-1/", "/seed-2/", "/seed-3/", "/new-1/", "/new-2/", "/new-3/"],
};

/** An in-memory site: each page links what SITE says, after a short wait so requests overlap. */
function fakeFetcher(events: string[]): Fetcher {
  return {
    name: "http",
    async fetch(url: string): Promise<FetchedPage> {
      const path = new URL(url).pathname;
      events.push(`start ${path}`);
      await new Promise((r) => setTimeout(r, 10));
      events.push(`end ${path}`);
      const html = `<html><body>${(SITE[path] ?? []).map((p) => `<a href="${p}">${p}</a>`).join(" ")}</body></html>`;
      return {
        url,
        finalUrl: url,
        status: 200,
        headers: { "content-type": "text/html" },
        body: Buffer.from(html),
        truncated: false,
        contentKind: "html",
        redirects: [],
        fetcher: "http",
        fetchedAt: new Date().toISOString(),
        durationMs: 10,
        error: null,
      };
    },
  };
}

describe("crawlSite: seeds and the launch hold", () => {
  it("starts nothing below the floor beside the seeds in flight, and seeds keep their referrer", async () => {
    const events: string[] = [];
    const handled: CrawlRequest[] = [];
    await crawlSite(`${ORIGIN}/`, {
      fetcher: fakeFetcher(events),
      pool: createPool(POLITENESS_OFF),
      respectRobots: false,
      useSitemaps: false,
      retry: false,
      priority: () => 0,
      seeds: ["/seed-1/", "/seed-2/", "/seed-3/"].map((p) => ({
        url: `${ORIGIN}${p}`,
        depth: 2,
        bias: 500,
        referrer: `${ORIGIN}/section/`,
      })),
      mayLaunchBeside: (priority) => priority >= 250,
      onPage: (page, req) => {
        handled.push(req);
        return { links: extractTestLinks(page) };
      },
    });
    // The seeds start together; a new page only once every seed is done.
    const firstNew = events.findIndex((e) => e.startsWith("start /new-"));
    const lastSeedEnd = events.findLastIndex((e) => e.startsWith("end /seed-"));
    expect(firstNew).toBeGreaterThan(lastSeedEnd);
    const seedStarts = events.slice(0, lastSeedEnd).filter((e) => e.startsWith("start /seed-"));
    expect(seedStarts).toHaveLength(3);
    // Below the floor, one at a time.
    const news = events.filter((e) => e.includes("/new-"));
    expect(news).toHaveLength(6);
    for (let i = 0; i < news.length; i += 2) {
      expect(news[i]).toMatch(/^start /);
      expect(news[i + 1]).toBe(news[i]!.replace("start", "end"));
    }
    const seed = handled.find((r) => r.url.endsWith("/seed-2/"));
    expect(seed?.referrer).toBe(`${ORIGIN}/section/`);
    expect(seed?.depth).toBe(2);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { RobotsCache } from "../../src/crawl/robots.ts";
import type { FetchedPage, Fetcher } from "../../src/types/index.ts";
import { startTestWeb, type TestWeb } from "../fixtures/testweb/index.ts";

let web: TestWeb;
let fetcher: Fetcher;

beforeAll(async () => {
  web = await startTestWeb();
  fetcher = createHttpFetcher({ lookup: web.lookup, connectTimeoutMs: 1_000 });
});

afterAll(async () => {
  await fetcher.close?.();
  await web.close();
});

const fetch = (url: string) => fetcher.fetch(url);

describe("RobotsCache", () => {
  it("parses Disallow, Crawl-delay and Sitemap, fetching robots.txt once per origin", async () => {
    const cache = new RobotsCache(fetch);
    const origin = web.ministry.origin;
    const [robots, again] = await Promise.all([cache.forUrl(`${origin}/a/`), cache.forUrl(`${origin}/b/`)]);
    expect(robots).toBe(again);
    await cache.forUrl(`${origin}/c/`);
    expect(web.ministry.paths().filter((p) => p === "/robots.txt")).toHaveLength(1);
    expect(robots.status).toBe("ok");
    expect(robots.isAllowed(`${origin}/bitrix/admin/`)).toBe(false);
    expect(robots.isAllowed(`${origin}/private/report.html`)).toBe(false);
    expect(robots.isAllowed(`${origin}/activity/`)).toBe(true);
    expect(robots.crawlDelay()).toBe(1);
    expect(robots.sitemaps()).toEqual([`http://127.0.0.1:${web.ministry.port}/sitemap.xml`]);
    expect(cache.peek(`${origin}/x`)).toBe(robots);
  });

  it("disallow-all is honoured", async () => {
    const robots = await new RobotsCache(fetch).forUrl(`${web.robotsBlocked.origin}/`);
    expect(robots.isAllowed(`${web.robotsBlocked.origin}/`)).toBe(false);
    expect(robots.isAllowed(`${web.robotsBlocked.origin}/page/`)).toBe(false);
  });

  it("a 4xx robots.txt allows everything", async () => {
    const robots = await new RobotsCache(fetch).forUrl(`${web.forbidden.origin}/`);
    expect(robots.status).toBe("missing");
    expect(robots.error).toBeNull();
    expect(robots.isAllowed(`${web.forbidden.origin}/a/`)).toBe(true);
  });

  it("a 5xx robots.txt disallows everything (RFC 9309) and is recorded", async () => {
    const fake = async (url: string): Promise<FetchedPage> => ({
      ...(await fetcher.fetch(url)),
      status: 503,
      error: { code: "http-5xx", message: "HTTP 503" },
    });
    const robots = await new RobotsCache(fake).forUrl(`${web.ministry.origin}/`);
    expect(robots.status).toBe("error");
    expect(robots.error?.code).toBe("robots");
    expect(robots.error?.message).toContain("HTTP 503");
    expect(robots.isAllowed(`${web.ministry.origin}/bitrix/`)).toBe(false);
    expect(robots.isAllowed(`${web.ministry.origin}/`)).toBe(false);
  });

  it("an unreachable host allows everything but is recorded", async () => {
    const robots = await new RobotsCache(fetch).forUrl(`${web.down}/`);
    expect(robots.status).toBe("error");
    expect(robots.error?.code).toBe("connect");
    expect(robots.isAllowed(`${web.down}/x`)).toBe(true);
  });

  it("matches our own user-agent group", async () => {
    const page = (body: string): FetchedPage => ({
      url: "http://x.ru/robots.txt",
      finalUrl: "http://x.ru/robots.txt",
      status: 200,
      headers: {},
      body: new TextEncoder().encode(body),
      truncated: false,
      contentKind: "other",
      redirects: [],
      fetcher: "http",
      fetchedAt: "",
      durationMs: 0,
      error: null,
    });
    const robots = await new RobotsCache(async () =>
      page("User-agent: *\nDisallow: /\n\nUser-agent: nok-monitor\nDisallow: /tmp/\nCrawl-delay: 3\n"),
    ).forUrl("http://x.ru/");
    expect(robots.isAllowed("http://x.ru/nok/")).toBe(true);
    expect(robots.isAllowed("http://x.ru/tmp/a")).toBe(false);
    expect(robots.crawlDelay()).toBe(3);
  });
});

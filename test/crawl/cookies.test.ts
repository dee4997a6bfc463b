import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COOKIE_LIMITS, createSiteCookieJar } from "../../src/crawl/cookies/site-cookie-jar.ts";
import { crawlSite } from "../../src/crawl/crawler.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { createPool } from "../../src/crawl/politeness.ts";
import type { Fetcher } from "../../src/types/index.ts";
import { sendHtml, startSite, type TestSite } from "../fixtures/testweb/server.ts";

let site: TestSite;
let fetcher: Fetcher;

const cookieOf = (site: TestSite, path: string) =>
  site.requests.filter((r) => r.path === path).map((r) => r.headers.cookie ?? "");

beforeAll(async () => {
  site = await startSite((req, res, url) => {
    const cookie = req.headers.cookie ?? "";
    switch (url.pathname) {
      case "/gate/":
        // A cookie gate: the first visit gets a cookie and a 302 to the very same URL.
        if (!cookie.includes("gate=ok")) {
          res.writeHead(302, { location: "/gate/", "set-cookie": "gate=ok; Path=/; HttpOnly" });
          res.end();
          return;
        }
        return sendHtml(res, "<html><body>За воротами</body></html>");
      case "/login-hop/":
        res.writeHead(302, { location: "/needs-cookie/", "set-cookie": "hop=1; Path=/" });
        res.end();
        return;
      case "/needs-cookie/":
        if (!cookie.includes("hop=1")) {
          res.writeHead(403);
          res.end();
          return;
        }
        return sendHtml(res, "<html><body>ok</body></html>");
      case "/bomb/": {
        const many = Array.from({ length: 400 }, (_, i) => `c${i}=${"x".repeat(20)}; Path=/`);
        many.push(`huge=${"y".repeat(6000)}; Path=/`);
        res.writeHead(200, { "content-type": "text/html", "set-cookie": many });
        res.end("<html><body>bomb</body></html>");
        return;
      }
      case "/megacookie/":
        res.writeHead(200, { "content-type": "text/html", "set-cookie": `mega=${"z".repeat(1024 * 1024)}` });
        res.end("<html><body>mega</body></html>");
        return;
      case "/":
        res.writeHead(200, { "content-type": "text/html", "set-cookie": "sess=site-a; Path=/" });
        res.end('<html><body><a href="/second/">дальше</a></body></html>');
        return;
      default:
        return sendHtml(res, "<html><body>page</body></html>");
    }
  });
  fetcher = createHttpFetcher();
});

afterAll(async () => {
  await fetcher.close?.();
  await site.close();
});

describe("cookies", () => {
  it("passes a cookie gate (302 to the same URL with Set-Cookie) that is a redirect loop without a jar", async () => {
    const gated = await fetcher.fetch(`${site.origin}/gate/`, { cookies: createSiteCookieJar() });
    expect(gated.error).toBeNull();
    expect(gated.status).toBe(200);
    expect(gated.redirects).toEqual([`${site.origin}/gate/`]);
    const bare = await fetcher.fetch(`${site.origin}/gate/`);
    expect(bare.error?.code).toBe("redirect-loop");
  });

  it("sends a cookie set on a redirect hop to the next hop", async () => {
    const page = await fetcher.fetch(`${site.origin}/login-hop/`, { cookies: createSiteCookieJar() });
    expect(page.status).toBe(200);
    expect(cookieOf(site, "/needs-cookie/").at(-1)).toBe("hop=1");
  });

  it("keeps cookies across one site's crawl and never carries them into another crawl", async () => {
    const crawl = () =>
      crawlSite(`${site.origin}/`, {
        fetcher,
        pool: createPool({ perHostConcurrency: 1, minIntervalMs: 0 }),
        respectRobots: false,
        useSitemaps: false,
        retry: false,
        onPage: (page) =>
          page.url.endsWith("/second/")
            ? { links: [] }
            : { links: [{ url: `${site.origin}/second/`, text: "" }] },
      });
    await crawl();
    expect(cookieOf(site, "/").at(-1)).toBe("");
    expect(cookieOf(site, "/second/").at(-1)).toBe("sess=site-a");
    await crawl();
    // The second crawl starts with an empty jar: its home-page request carries no cookie.
    expect(cookieOf(site, "/")).toEqual(["", ""]);
  });

  it("caps a cookie bomb: hundreds of Set-Cookie headers and an oversized cookie", async () => {
    const jar = createSiteCookieJar();
    const page = await fetcher.fetch(`${site.origin}/bomb/`, { cookies: jar });
    expect(page.status).toBe(200);
    expect(jar.size()).toBeLessThanOrEqual(COOKIE_LIMITS.maxSetCookiePerResponse);
    const header = jar.header(`${site.origin}/`);
    expect(header).not.toContain("huge=");
    expect(header.length).toBeLessThanOrEqual(COOKIE_LIMITS.maxHeaderBytes);
    // The jar as a whole stays bounded, whatever further responses send.
    for (let i = 0; i < 5; i++)
      jar.store(
        Array.from({ length: 50 }, (_, j) => `n${i}_${j}=1`),
        `${site.origin}/`,
      );
    expect(jar.size()).toBeLessThanOrEqual(COOKIE_LIMITS.maxCookies);
  });

  it("refuses a 1 MB cookie as too-large without keeping it", async () => {
    const jar = createSiteCookieJar();
    const page = await fetcher.fetch(`${site.origin}/megacookie/`, { cookies: jar });
    expect(page.error?.code).toBe("too-large");
    expect(jar.size()).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectBotWall } from "../../src/crawl/bot-wall.ts";
import { createRenderingFetcher } from "../../src/crawl/browser/render-policy.ts";
import { createSiteCookieJar } from "../../src/crawl/cookies/site-cookie-jar.ts";
import { crawlSite } from "../../src/crawl/crawler.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { createPool } from "../../src/crawl/politeness.ts";
import type { FetchedPage, Fetcher } from "../../src/types/index.ts";
import { sendHtml, startSite, type TestSite } from "../fixtures/testweb/server.ts";

const enc = new TextEncoder();
const answer = (status: number, html: string, headers: Record<string, string> = {}) => ({
  status,
  headers: { "content-type": "text/html", ...headers },
  body: enc.encode(html),
  contentKind: "html" as const,
});
const longPage = (extra: string) =>
  `<html><body>${Array.from({ length: 30 }, (_, i) => `<a href="/p${i}">Раздел ${i}</a>`).join("")}<p>${"Министерство социального развития. ".repeat(80)}</p>${extra}</body></html>`;

describe("detectBotWall", () => {
  const walls: [string, ReturnType<typeof answer>][] = [
    [
      "DDoS-Guard",
      answer(
        403,
        '<html><head><title>DDoS-Guard</title></head><body><div id="ddg-l10n-title">Проверка</div><script src="/.well-known/ddos-guard/check?context=free_splash"></script></body></html>',
        { server: "ddos-guard" },
      ),
    ],
    [
      "Servicepipe",
      answer(
        200,
        '<html><body><script src="https://servicepipe.ru/static/checkjs/no_bot.js"></script></body></html>',
      ),
    ],
    [
      "Qrator",
      answer(401, "<html><body><script>window.__qrator_challenge=1</script></body></html>", {
        server: "QRATOR",
      }),
    ],
    [
      "Variti",
      answer(200, '<html><body><script src="/variti/js/challenge.js"></script>Подождите…</body></html>'),
    ],
    [
      "StormWall",
      answer(200, "<html><body><script>var swp_token='x';</script>StormWall DDoS protection</body></html>"),
    ],
    [
      "Cloudflare",
      answer(
        403,
        "<html><head><title>Just a moment...</title></head><body><script src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1'></script></body></html>",
        { "cf-mitigated": "challenge" },
      ),
    ],
    [
      "проверка браузера",
      answer(
        200,
        "<html><body><h1>Проверка браузера</h1><p>Пожалуйста, подождите…</p><script>setTimeout(()=>location.reload(),3000)</script></body></html>",
      ),
    ],
    [
      "проверка браузера",
      answer(503, "<html><body>Checking your browser before accessing the site.</body></html>"),
    ],
  ];
  it.each(walls)("recognises %s", (vendor, page) => {
    expect(detectBotWall(page)).toBe(vendor);
  });

  it("leaves real pages alone, even with a «protected by» badge or a vendor's server header", () => {
    expect(detectBotWall(answer(200, longPage("<footer>Сайт защищён DDoS-Guard</footer>")))).toBeNull();
    expect(detectBotWall(answer(200, longPage(""), { server: "ddos-guard" }))).toBeNull();
    expect(
      detectBotWall(answer(404, "<html><body><h1>404 Not Found</h1><hr>nginx</body></html>")),
    ).toBeNull();
    expect(detectBotWall(answer(200, longPage("<p>Проверка браузера не требуется.</p>")))).toBeNull();
  });
});

const CHALLENGE = `<html><head><title>Проверка браузера</title></head><body><p>Проверка браузера…</p>
<script>document.cookie = "wall=passed; path=/"; setTimeout(function () { location.reload(); }, 50);</script></body></html>`;

let site: TestSite;
let fetcher: Fetcher;

beforeAll(async () => {
  site = await startSite((req, res, url) => {
    const passed = (req.headers.cookie ?? "").includes("wall=passed");
    if (url.pathname.startsWith("/walled/")) {
      // Never resolves: every answer is the challenge.
      res.writeHead(503, { "content-type": "text/html; charset=utf-8", server: "ddos-guard" });
      res.end(CHALLENGE.replace("Проверка браузера…", "DDoS-Guard"));
      return;
    }
    if (url.pathname.startsWith("/gated/") && !passed) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(CHALLENGE);
      return;
    }
    if (url.pathname === "/mixed/") {
      sendHtml(res, '<html><body><a href="/walled/nok/">НОК</a><a href="/mixed/ok/">ok</a></body></html>');
      return;
    }
    sendHtml(res, longPage(`<a href="${url.pathname}next/">дальше</a>`));
  });
  fetcher = createHttpFetcher();
});

afterAll(async () => {
  await fetcher.close?.();
  await site.close();
});

const crawl = (start: string, f: Fetcher = fetcher) => {
  const pages: FetchedPage[] = [];
  return crawlSite(start, {
    fetcher: f,
    pool: createPool({ perHostConcurrency: 1, minIntervalMs: 0 }),
    respectRobots: false,
    useSitemaps: false,
    retry: false,
    budget: { maxPages: 5, maxDurationMs: 10_000 },
    onPage: (page) => {
      pages.push(page);
      const html = new TextDecoder().decode(page.body ?? new Uint8Array());
      const links = page.error
        ? []
        : [...html.matchAll(/href="([^"]+)"/g)].map((m) => ({
            url: new URL(m[1]!, page.finalUrl).href,
            text: "",
          }));
      return { links };
    },
  }).then((summary) => ({ summary, pages }));
};

describe("bot walls in a crawl", () => {
  it("a challenge that never resolves ends in bot-wall and a blocked site, quickly", async () => {
    const started = Date.now();
    const { summary, pages } = await crawl(`${site.origin}/walled/`);
    expect(pages[0]?.error?.code).toBe("bot-wall");
    expect(pages[0]?.error?.message).toContain("DDoS-Guard");
    expect(summary.status).toBe("blocked");
    expect(summary.siteError?.code).toBe("bot-wall");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a wall in front of some pages makes the site partial, each such page bot-wall", async () => {
    const { summary, pages } = await crawl(`${site.origin}/mixed/`);
    expect(summary.status).toBe("partial");
    expect(pages.find((p) => p.url.endsWith("/walled/nok/"))?.error?.code).toBe("bot-wall");
  });

  it("with a browser: one attempt passes the wall, and its cookies clear the static fetches that follow", async () => {
    const calls: string[] = [];
    // A stand-in browser that "runs" the challenge: it sets the clearance cookie in the site's jar.
    const browser: Fetcher = {
      name: "browser",
      async fetch(url, options) {
        calls.push(url);
        options?.cookies?.store(["wall=passed; Path=/"], url);
        const page = await fetcher.fetch(url, options);
        return { ...page, fetcher: "browser" };
      },
    };
    const rendering = createRenderingFetcher({ http: fetcher, browser, mode: "auto" });
    const { summary, pages } = await crawl(`${site.origin}/gated/`, rendering);
    expect(calls).toEqual([`${site.origin}/gated/`]);
    expect(pages[0]?.error).toBeNull();
    expect(pages[0]?.renderDecision).toContain("защита от ботов пройдена");
    // The next page came statically, with the browser's cookie.
    expect(pages[1]?.fetcher).toBe("http");
    expect(pages[1]?.error).toBeNull();
    expect(site.requests.at(-1)?.headers.cookie).toContain("wall=passed");
    expect(summary.status).toBe("ok");
  });

  it("with a browser that cannot pass it: bot-wall, and no second attempt on the same site", async () => {
    let calls = 0;
    const browser: Fetcher = {
      name: "browser",
      async fetch(url, options) {
        calls++;
        return { ...(await fetcher.fetch(url, options)), fetcher: "browser" };
      },
    };
    const rendering = createRenderingFetcher({ http: fetcher, browser, mode: "auto" });
    const jar = createSiteCookieJar();
    const first = await rendering.fetch(`${site.origin}/walled/a/`, { cookies: jar });
    const second = await rendering.fetch(`${site.origin}/walled/b/`, { cookies: jar });
    expect(first.error?.code).toBe("bot-wall");
    expect(second.error?.code).toBe("bot-wall");
    expect(calls).toBe(2); // the first page: the attempt and one reload with the challenge's cookies; then none
  });
});

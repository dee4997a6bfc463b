import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrowserFetcher, createRenderingFetcher, findChromium } from "../../src/crawl/browser/index.ts";
import { createSiteCookieJar } from "../../src/crawl/cookies/site-cookie-jar.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import type { Fetcher } from "../../src/types/index.ts";
import { sendHtml, startSite, type TestSite } from "../fixtures/testweb/server.ts";

const chromium = findChromium();

/** A JavaScript challenge like DDoS-Guard's: it sets a clearance cookie and reloads. */
const CHALLENGE = `<html><head><title>Проверка браузера</title></head><body><p>Проверка браузера, подождите…</p>
<script>document.cookie = "__ddg_clear=ok; path=/"; setTimeout(function () { location.reload(); }, 100);</script></body></html>`;

describe.skipIf(!chromium)("bot wall passed through Chromium", () => {
  let site: TestSite;
  let http: Fetcher;
  let browser: Fetcher & { close(): Promise<void> };

  beforeAll(async () => {
    site = await startSite((req, res) => {
      if (!(req.headers.cookie ?? "").includes("__ddg_clear=ok")) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(CHALLENGE);
        return;
      }
      sendHtml(
        res,
        `<html><body><h1>Министерство</h1>${'<a href="/nok/">Независимая оценка</a>'.repeat(6)}<p>${"Текст. ".repeat(100)}</p></body></html>`,
      );
    });
    http = createHttpFetcher();
    browser = createBrowserFetcher({ executablePath: chromium!, settleMs: 1500, pageTimeoutMs: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await http?.close?.();
    await site?.close();
  });

  it("renders past the challenge and hands its cookie to the static fetches", async () => {
    const rendering = createRenderingFetcher({ http, browser, mode: "auto" });
    const jar = createSiteCookieJar();
    const first = await rendering.fetch(`${site.origin}/`, { cookies: jar });
    expect(first.error).toBeNull();
    expect(first.fetcher).toBe("browser");
    expect(new TextDecoder().decode(first.body!)).toContain("Министерство");
    expect(jar.header(`${site.origin}/`)).toContain("__ddg_clear=ok");
    const next = await rendering.fetch(`${site.origin}/nok/`, { cookies: jar });
    expect(next.fetcher).toBe("http");
    expect(next.error).toBeNull();
  }, 60_000);
});

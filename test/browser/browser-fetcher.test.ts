import { readdir } from "node:fs/promises";
import { createServer, type LookupFunction } from "node:net";
import { tmpdir } from "node:os";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrowserFetcher, createRenderingFetcher, findChromium } from "../../src/crawl/browser/index.ts";
import { createSiteCookieJar } from "../../src/crawl/cookies/site-cookie-jar.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import type { FetchedPage, Fetcher } from "../../src/types/crawl.ts";
import { sendHtml, startSite } from "../fixtures/testweb/server.ts";
import { startTestPages, type TestPages } from "./pages.ts";
import { createStaticFetcher } from "./static-fetcher.ts";

const chromium = findChromium();
if (!chromium) {
  console.warn(
    "Browser tests skipped: no Chromium found (apt-get install chromium, npx playwright install chromium, or NOK_CHROMIUM).",
  );
}

/** A port nothing listens on: bind an ephemeral port, then release it. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

const linkTexts = (page: FetchedPage) => {
  const $ = cheerio.load(new TextDecoder().decode(page.body ?? new Uint8Array()));
  return $("a[href]")
    .map((_, a) => $(a).text())
    .get();
};

/** `*.test` names resolve to 127.0.0.1; anything else does not exist. */
const testLookup: LookupFunction = (hostname, options, callback) => {
  if (!hostname.endsWith(".test")) {
    callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), "", 4);
  } else if (options.all) {
    callback(null, [{ address: "127.0.0.1", family: 4 }]);
  } else {
    callback(null, "127.0.0.1", 4);
  }
};

describe.skipIf(!chromium)("browser fetcher (Chromium)", () => {
  let pages: TestPages;
  let browser: Fetcher & { close(): Promise<void> };

  beforeAll(async () => {
    pages = await startTestPages();
    browser = createBrowserFetcher({ executablePath: chromium!, pageTimeoutMs: 10_000, settleMs: 1500 });
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
  });

  it("returns the links of a menu built only by JavaScript", async () => {
    const staticPage = await createStaticFetcher().fetch(`${pages.url}/js-menu`);
    expect(linkTexts(staticPage)).toEqual([]);
    const page = await browser.fetch(`${pages.url}/js-menu`);
    expect(page.error).toBeNull();
    expect(page).toMatchObject({ status: 200, contentKind: "html", fetcher: "browser" });
    expect(linkTexts(page)).toEqual(
      expect.arrayContaining(["Общественный совет", "Независимая оценка качества"]),
    );
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
  });

  it("blocks images and fonts: the server never sees them", async () => {
    await browser.fetch(`${pages.url}/js-menu`);
    expect(pages.requests).toContain("/js-menu");
    expect(pages.requests).not.toContain("/logo.png");
    expect(pages.requests).not.toContain("/font.woff2");
  });

  it("waits for a menu loaded by XHR after load", async () => {
    const page = await browser.fetch(`${pages.url}/spa`);
    expect(linkTexts(page)).toEqual(expect.arrayContaining(["Общественный совет", "Планы"]));
  });

  it("returns a windows-1251 page as UTF-8 and says so in its meta", async () => {
    const page = await browser.fetch(`${pages.url}/cp1251`);
    const html = new TextDecoder("utf-8", { fatal: true }).decode(page.body!);
    expect(html).toContain("Положение об общественном совете");
    expect(html).toMatch(/charset=utf-8/i);
    expect(html).not.toMatch(/windows-1251/i);
  });

  it("follows redirects and records the chain", async () => {
    const page = await browser.fetch(`${pages.url}/redirect`);
    expect(page.finalUrl).toBe(`${pages.url}/js-menu`);
    expect(page.redirects).toEqual([`${pages.url}/redirect`]);
  });

  it("keeps the body of an HTTP error page and flags it", async () => {
    const page = await browser.fetch(`${pages.url}/missing`);
    expect(page.status).toBe(404);
    expect(page.error?.code).toBe("http-4xx");
    expect(new TextDecoder().decode(page.body!)).toContain("Страница не найдена");
  });

  it("maps a download to unsupported-type", async () => {
    const page = await browser.fetch(`${pages.url}/doc.pdf`);
    expect(page.error?.code).toBe("unsupported-type");
    expect(page.body).toBeNull();
  });

  it("maps a refused connection to connect", async () => {
    const page = await browser.fetch(`http://127.0.0.1:${await closedPort()}/`);
    expect(page.error?.code).toBe("connect");
    expect(page.status).toBe(0);
  });

  it("maps a page that never answers to timeout", async () => {
    const quick = createBrowserFetcher({ executablePath: chromium!, pageTimeoutMs: 1500 });
    try {
      const page = await quick.fetch(`${pages.url}/slow`);
      expect(page.error?.code).toBe("timeout");
    } finally {
      await quick.close();
    }
  });

  it("resolves names through the injected lookup, redirects included", async () => {
    const named = createBrowserFetcher({ executablePath: chromium!, lookup: testLookup, settleMs: 500 });
    try {
      const port = new URL(pages.url).port;
      const page = await named.fetch(`http://minzdrav.test:${port}/redirect`);
      expect(page.error).toBeNull();
      expect(page.finalUrl).toBe(`http://minzdrav.test:${port}/js-menu`);
      expect(linkTexts(page)).toContain("Документы");
      const missing = await named.fetch(`http://minzdrav.example:${port}/`);
      expect(missing.error?.code).toBe("dns");
    } finally {
      await named.close();
    }
  });

  it("renders through the rendering fetcher in auto mode only where needed", async () => {
    const f = createRenderingFetcher({ http: createStaticFetcher(), browser, mode: "auto" });
    const shell = await f.fetch(`${pages.url}/js-menu`);
    const plain = await f.fetch(`${pages.url}/plain`);
    expect(shell.renderDecision).toMatch(/^rendered: /);
    expect(linkTexts(shell)).toContain("Деятельность");
    expect(plain.renderDecision).toMatch(/^static: /);
    expect(plain.fetcher).toBe("http");
  });

  it("passes a JavaScript bot wall and hands its clearance cookie to the static fetches", async () => {
    // A challenge like DDoS-Guard's: it sets a clearance cookie and reloads.
    const challenge = `<html><head><title>Проверка браузера</title></head><body><p>Проверка браузера, подождите…</p>
<script>document.cookie = "__ddg_clear=ok; path=/"; setTimeout(function () { location.reload(); }, 100);</script></body></html>`;
    const site = await startSite((req, res) => {
      if (!(req.headers.cookie ?? "").includes("__ddg_clear=ok")) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(challenge);
        return;
      }
      const links = '<a href="/nok/">Независимая оценка</a>'.repeat(6);
      sendHtml(res, `<html><body><h1>Министерство</h1>${links}<p>${"Текст. ".repeat(100)}</p></body></html>`);
    });
    const http = createHttpFetcher();
    try {
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
    } finally {
      await http.close?.();
      await site.close();
    }
  }, 60_000);

  it("removes its temporary directory on close", async () => {
    const own = async () => (await readdir(tmpdir())).filter((n) => n.startsWith("nok-browser-"));
    // Other test files start browsers at the same time: follow the directories this fetcher made.
    const before = new Set(await own());
    const f = createBrowserFetcher({ executablePath: chromium!, settleMs: 100 });
    await f.fetch(`${pages.url}/plain`);
    const made = (await own()).filter((n) => !before.has(n));
    expect(made.length).toBeGreaterThanOrEqual(1);
    await f.close();
    const left = new Set(await own());
    // Every directory that appeared while only this fetcher was open in this file is gone, unless another
    // file's browser (still open) made it: at least this fetcher's own one has been removed.
    expect(made.some((n) => !left.has(n))).toBe(true);
    expect((await f.fetch(`${pages.url}/plain`)).error?.code).toBe("browser");
  });
});

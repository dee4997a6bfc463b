import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRenderingFetcher, needsRendering } from "../../src/crawl/browser/index.ts";
import type { FetchedPage, Fetcher } from "../../src/types/crawl.ts";
import { startTestPages, type TestPages } from "./pages.ts";
import { createStaticFetcher } from "./static-fetcher.ts";

const links = (n: number) => Array.from({ length: n }, (_, i) => `<a href="/p${i}">Раздел ${i}</a>`).join("");
const text = (n: number) => "Текст страницы. ".repeat(Math.ceil(n / 16));

describe("needsRendering", () => {
  const cases: [string, string, boolean][] = [
    ["no scripts at all", `<body>${links(1)}</body>`, false],
    [
      "only a Metrika counter",
      `<body>${links(1)}<script src="https://mc.yandex.ru/metrika/tag.js"></script></body>`,
      false,
    ],
    ["inline ym() counter", `<body>${links(2)}<script>ym(123, "init", {});</script></body>`, false],
    [
      "empty #app with a bundle",
      `<body>${links(9)}${text(400)}<div id="app"></div><script src="/a.js"></script></body>`,
      true,
    ],
    ["empty #root", `<body><div id="root"></div><script src="/main.js"></script></body>`, true],
    [
      "__NEXT_DATA__",
      `<body>${links(9)}${text(400)}<script id="__NEXT_DATA__" type="application/json">{}</script></body>`,
      true,
    ],
    ["window.__NUXT__", `<body>${links(9)}${text(400)}<script>window.__NUXT__={}</script></body>`, true],
    ["few links, scripts", `<body>${links(2)}${text(400)}<script src="/menu.js"></script></body>`, true],
    ["little text, scripts", `<body>${links(8)}<script src="/menu.js"></script></body>`, true],
    [
      "javascript: and # links do not count",
      `<body><a href="#">a</a><a href="javascript:void(0)">b</a>${text(400)}<script src="/m.js"></script></body>`,
      true,
    ],
    [
      "noscript notice with little text",
      `<body>${links(9)}${text(300)}<noscript>Включите JavaScript</noscript><script src="/m.js"></script></body>`,
      true,
    ],
    [
      "ordinary page with scripts",
      `<body>${links(20)}${text(600)}<script src="/jquery.js"></script></body>`,
      false,
    ],
    [
      "filled #app",
      `<body><div id="app">${links(10)}${text(400)}</div><script src="/a.js"></script></body>`,
      false,
    ],
    [
      "JSON-LD is not a script that builds content",
      `<body>${links(1)}<script type="application/ld+json">{}</script></body>`,
      false,
    ],
  ];
  it.each(cases)("%s", (_name, html, expected) => {
    const verdict = needsRendering(html);
    expect(verdict.render).toBe(expected);
    expect(verdict.reason.length).toBeGreaterThan(0);
  });
});

/** A stand-in browser: returns a fixed rendered body and records what it was asked to render. */
function fakeBrowser(): Fetcher & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: "browser",
    calls,
    async fetch(url) {
      calls.push(url);
      return {
        url,
        finalUrl: url,
        status: 200,
        headers: { "content-type": "text/html; charset=utf-8" },
        body: new TextEncoder().encode("<html><body><a href='/x'>rendered</a></body></html>"),
        truncated: false,
        contentKind: "html",
        redirects: [],
        fetcher: "browser",
        fetchedAt: new Date().toISOString(),
        durationMs: 1,
        error: null,
      } satisfies FetchedPage;
    },
  };
}

describe("createRenderingFetcher", () => {
  let pages: TestPages;
  beforeAll(async () => {
    pages = await startTestPages();
  });
  afterAll(async () => {
    await pages.close();
  });

  it("auto renders the script shell but not the plain page", async () => {
    const browser = fakeBrowser();
    const f = createRenderingFetcher({ http: createStaticFetcher(), browser, mode: "auto" });
    const shell = await f.fetch(`${pages.url}/js-menu`);
    const plain = await f.fetch(`${pages.url}/plain`);
    expect(browser.calls).toEqual([`${pages.url}/js-menu`]);
    expect(shell.fetcher).toBe("browser");
    expect(shell.renderDecision).toMatch(/^rendered: мало ссылок \(0\)/);
    expect(plain.fetcher).toBe("http");
    expect(plain.renderDecision).toMatch(/^static: /);
  });

  it("never sends non-HTML or failed pages to the browser, even in always", async () => {
    const browser = fakeBrowser();
    const f = createRenderingFetcher({ http: createStaticFetcher(), browser, mode: "always" });
    const pdf = await f.fetch(`${pages.url}/doc.pdf`);
    const missing = await f.fetch(`${pages.url}/missing`);
    const plain = await f.fetch(`${pages.url}/plain`);
    expect(pdf.renderDecision).toBe("static: не HTML (pdf)");
    expect(missing.renderDecision).toMatch(/^static: /);
    expect(plain.renderDecision).toBe("rendered: режим always");
    expect(browser.calls).toEqual([`${pages.url}/plain`]);
  });

  it("never mode does not render", async () => {
    const browser = fakeBrowser();
    const f = createRenderingFetcher({ http: createStaticFetcher(), browser, mode: "never" });
    const page = await f.fetch(`${pages.url}/js-menu`);
    expect(browser.calls).toEqual([]);
    expect(page.renderDecision).toMatch(/^static: /);
  });

  it("always without a browser throws with the install hint", () => {
    expect(() =>
      createRenderingFetcher({ http: createStaticFetcher(), browser: null, mode: "always" }),
    ).toThrow(/apt-get install chromium.*npx playwright install chromium/);
  });

  it("auto without a browser stays static and warns exactly once", async () => {
    const warnings: string[] = [];
    const f = createRenderingFetcher({
      http: createStaticFetcher(),
      browser: null,
      mode: "auto",
      warn: (m) => warnings.push(m),
    });
    const a = await f.fetch(`${pages.url}/js-menu`);
    const b = await f.fetch(`${pages.url}/spa`);
    expect(a.body).not.toBeNull();
    expect(a.renderDecision).toMatch(/^static: нужен браузер/);
    expect(b.renderDecision).toMatch(/^static: нужен браузер/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/apt-get install chromium/);
  });
});

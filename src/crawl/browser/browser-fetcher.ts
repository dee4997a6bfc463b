import { mkdtemp, rm } from "node:fs/promises";
import type { LookupFunction } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import type { CrawlError } from "../../types/common.ts";
import type { FetchedPage, Fetcher, FetchOptions, SiteCookies } from "../../types/crawl.ts";
import { browserError } from "./browser-error.ts";
import { type ContextPool, createContextPool } from "./context-pool.ts";
import { type LookupProxy, startLookupProxy } from "./lookup-proxy.ts";

export interface BrowserFetcherOptions {
  executablePath: string;
  /** Pages rendered at once (one browser context each). */
  contexts?: number;
  /** Budget for one page: navigation, settling and serialisation. */
  pageTimeoutMs?: number;
  /** After `load`, wait up to this long for the network to go idle (menus fetched by XHR). */
  settleMs?: number;
  /** DNS for every browser request (see lookup-proxy.ts); without it Chromium resolves names itself. */
  lookup?: LookupFunction;
  /** Resource types never downloaded (Playwright's `resourceType()` names). */
  blockResourceTypes?: string[];
  ignoreHttpsErrors?: boolean;
  userAgent?: string;
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

const KEPT_HEADERS = ["content-type", "etag", "last-modified", "content-length", "retry-after", "location"];

/** Runs in the page (a string: the project compiles without DOM types). */
const DECLARE_UTF8 = `(() => {
  for (const m of document.querySelectorAll("meta[charset]")) m.setAttribute("charset", "utf-8");
  for (const m of document.querySelectorAll("meta[http-equiv]")) {
    if ((m.getAttribute("http-equiv") || "").toLowerCase() === "content-type") {
      m.setAttribute("content", "text/html; charset=utf-8");
    }
  }
})()`;

function httpError(status: number): CrawlError | null {
  if (status === 429) return { code: "http-429", message: "Сайт ограничил частоту запросов (429)" };
  if (status >= 500) return { code: "http-5xx", message: `Сайт ответил ошибкой сервера ${status}` };
  if (status >= 400) return { code: "http-4xx", message: `Сайт ответил ${status}` };
  return null;
}

/** The redirect chain that led to `response`: every URL before the final one, oldest first. */
function redirectChain(response: Response): string[] {
  const chain: string[] = [];
  for (let r = response.request().redirectedFrom(); r; r = r.redirectedFrom()) chain.unshift(r.url());
  return chain;
}

/** The browser context's cookies into the site's jar, as the Set-Cookie lines that would have made them. */
function keepCookies(jar: SiteCookies, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>): void {
  for (const c of cookies) {
    const host = c.domain.replace(/^\./, "");
    const attrs = [
      `${c.name}=${c.value}`,
      `Path=${c.path}`,
      ...(c.domain.startsWith(".") ? [`Domain=${host}`] : []),
      ...(c.expires > 0 ? [`Expires=${new Date(c.expires * 1000).toUTCString()}`] : []),
      ...(c.secure ? ["Secure"] : []),
      ...(c.httpOnly ? ["HttpOnly"] : []),
    ];
    jar.store([attrs.join("; ")], `${c.secure ? "https" : "http"}://${host}${c.path}`);
  }
}

function isHtml(contentType: string | undefined): boolean {
  // No Content-Type: Chromium sniffed it and rendered something; treat it as HTML like browsers do.
  return !contentType || /text\/html|application\/xhtml\+xml/i.test(contentType);
}

/**
 * A Fetcher that renders pages in headless Chromium (playwright-core) and returns the rendered DOM.
 * The browser starts on the first fetch and restarts if it dies. Never throws from `fetch`: every
 * failure is a FetchedPage with an error from the taxonomy.
 */
export function createBrowserFetcher(options: BrowserFetcherOptions): Fetcher & { close(): Promise<void> } {
  const pageTimeoutMs = options.pageTimeoutMs ?? 20_000;
  const settleMs = options.settleMs ?? 3000;
  const blocked = new Set(options.blockResourceTypes ?? ["image", "font", "media"]);

  let closed = false;
  let starting: Promise<{ browser: Browser; pool: ContextPool }> | null = null;
  let proxy: LookupProxy | null = null;
  let workDir: string | null = null;

  async function newContext(browser: Browser): Promise<BrowserContext> {
    const version = browser.version().split(".")[0] ?? "";
    const context = await browser.newContext({
      userAgent:
        options.userAgent ??
        `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version}.0.0.0 Safari/537.36 nok-monitor/0.1`,
      locale: "ru-RU",
      viewport: { width: 1280, height: 900 },
      acceptDownloads: false,
      serviceWorkers: "block",
      ignoreHTTPSErrors: options.ignoreHttpsErrors ?? false,
    });
    // Images, fonts and media never matter for text evidence and are most of a page's bytes.
    await context.route("**/*", (route) =>
      blocked.has(route.request().resourceType()) ? route.abort("blockedbyclient") : route.continue(),
    );
    return context;
  }

  async function start(): Promise<{ browser: Browser; pool: ContextPool }> {
    // Playwright's launch() gives Chromium a fresh temporary profile (user-data dir) and deletes it
    // on close; our own temp dir holds downloads and traces and is removed in close().
    workDir ??= await mkdtemp(join(tmpdir(), "nok-browser-"));
    if (options.lookup && !proxy) proxy = await startLookupProxy(options.lookup);
    // Loaded on the first render: a run that never renders does not pay Playwright's memory.
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: options.executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      downloadsPath: workDir,
      tracesDir: workDir,
      timeout: 30_000,
      // "<-loopback>" removes Chromium's implicit bypass so even 127.0.0.1 goes through the lookup proxy.
      ...(proxy ? { proxy: { server: proxy.url, bypass: "<-loopback>" } } : {}),
    });
    const pool = createContextPool(browser, options.contexts ?? 2, newContext);
    browser.on("disconnected", () => {
      // A crashed browser is started again by the next fetch.
      if (!closed) starting = null;
    });
    return { browser, pool };
  }

  function failed(url: string, fetchedAt: string, started: number, error: CrawlError): FetchedPage {
    return {
      url,
      finalUrl: url,
      status: 0,
      headers: {},
      body: null,
      truncated: false,
      contentKind: "other",
      redirects: [],
      fetcher: "browser",
      fetchedAt,
      durationMs: Date.now() - started,
      error,
    };
  }

  /** A proxy-side failure explains a navigation error better than Chromium's generic one. */
  function proxyFailure(url: string): CrawlError | undefined {
    if (!proxy) return undefined;
    const u = new URL(url);
    return proxy.failureFor(`${u.hostname}:${u.port || (u.protocol === "https:" ? 443 : 80)}`);
  }

  async function render(page: Page, url: string, fetchedAt: string, started: number): Promise<FetchedPage> {
    const response = await page.goto(url, { waitUntil: "load", timeout: pageTimeoutMs });
    if (!response)
      return failed(url, fetchedAt, started, { code: "browser", message: "Браузер: нет ответа" });
    const left = pageTimeoutMs - (Date.now() - started);
    await page
      .waitForLoadState("networkidle", { timeout: Math.max(1, Math.min(settleMs, left)) })
      .catch(() => {
        // Pages that poll forever never go idle; what has rendered by now is what we keep.
      });
    const all = response.headers();
    const proxyError = all["x-nok-proxy-error"] ? proxyFailure(url) : undefined;
    if (proxyError) return failed(url, fetchedAt, started, proxyError);
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) if (all[name] !== undefined) headers[name] = all[name];
    const base = {
      url,
      finalUrl: page.url(),
      status: response.status(),
      truncated: false,
      redirects: redirectChain(response),
      fetcher: "browser" as const,
      fetchedAt,
    };
    if (!isHtml(all["content-type"])) {
      return {
        ...base,
        headers,
        body: null,
        contentKind: "other",
        durationMs: Date.now() - started,
        error: { code: "unsupported-type", message: `Браузер: не HTML (${all["content-type"]})` },
      };
    }
    // The DOM is serialised as UTF-8 whatever the page was sent in: say so in the markup too, or a
    // decoder trusting the original <meta charset=windows-1251> would garble it.
    await page.evaluate(DECLARE_UTF8);
    const html = await page.content();
    headers["content-type"] = "text/html; charset=utf-8";
    delete headers["content-length"];
    return {
      ...base,
      headers,
      body: new TextEncoder().encode(html),
      contentKind: "html",
      durationMs: Date.now() - started,
      error: httpError(response.status()),
    };
  }

  return {
    name: "browser",

    async fetch(url: string, fetchOptions?: FetchOptions): Promise<FetchedPage> {
      const started = Date.now();
      const fetchedAt = new Date(started).toISOString();
      if (closed) return failed(url, fetchedAt, started, { code: "browser", message: "Браузер уже закрыт" });
      let pool: ContextPool;
      try {
        starting ??= start();
        pool = (await starting).pool;
      } catch (err) {
        const reason = err instanceof Error ? (err.message.split("\n")[0] ?? err.message) : String(err);
        return failed(url, fetchedAt, started, {
          code: "browser",
          message: `Не удалось запустить Chromium (${options.executablePath}): ${reason}`,
        });
      }
      return pool.use(async (context) => {
        let page: Page | null = null;
        let timer: NodeJS.Timeout | undefined;
        const abort = () => void page?.close({ runBeforeUnload: false }).catch(() => {});
        try {
          // The site's cookies go in (a wall passed earlier stays passed) and come back out (a wall passed now
          // clears the static fetches that follow).
          const jar = fetchOptions?.cookies;
          if (jar) await context.addCookies(jar.all(url)).catch(() => {});
          page = await context.newPage();
          fetchOptions?.signal?.addEventListener("abort", abort, { once: true });
          // A hard deadline: evaluate()/content() have no timeout of their own, and a page stuck in
          // a script loop must not hold a context forever.
          const deadline = new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              abort();
              reject(Object.assign(new Error("page deadline exceeded"), { name: "TimeoutError" }));
            }, pageTimeoutMs + 5000);
          });
          const result = await Promise.race([render(page, url, fetchedAt, started), deadline]);
          if (jar) keepCookies(jar, await context.cookies().catch(() => []));
          return result;
        } catch (err) {
          return failed(url, fetchedAt, started, proxyFailure(url) ?? browserError(err));
        } finally {
          clearTimeout(timer);
          fetchOptions?.signal?.removeEventListener("abort", abort);
          await page?.close({ runBeforeUnload: false }).catch(() => {});
        }
      });
    },

    async close() {
      closed = true;
      const running = starting;
      starting = null;
      if (running) {
        const started = await running.catch(() => null);
        await started?.pool.close();
        await started?.browser.close().catch(() => {});
      }
      await proxy?.close();
      proxy = null;
      if (workDir) await rm(workDir, { recursive: true, force: true });
      workDir = null;
    },
  };
}

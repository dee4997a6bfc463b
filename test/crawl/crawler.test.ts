import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CrawlSiteOptions, crawlSite } from "../../src/crawl/crawler.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { createPool, POLITENESS_OFF } from "../../src/crawl/politeness.ts";
import type { PriorityFn } from "../../src/crawl/priority.ts";
import type { CrawlRequest, FetchedPage, Fetcher } from "../../src/types/index.ts";
import { startTestWeb, type TestWeb } from "../fixtures/testweb/index.ts";
import { extractTestLinks } from "./link-handler.ts";

let web: TestWeb;
let fetcher: Fetcher;
/** Short header timeout, only for the slow host (the machine may be loaded: others keep defaults). */
let impatient: Fetcher;

beforeAll(async () => {
  web = await startTestWeb({ slowDelayMs: 5_000 });
  fetcher = createHttpFetcher({ lookup: web.lookup });
  impatient = createHttpFetcher({ lookup: web.lookup, headersTimeoutMs: 300 });
});
afterAll(async () => {
  await fetcher.close?.();
  await impatient.close?.();
  await web.close();
});

const NOK_CUES = ["деятельност", "совет", "оценк", "положени", "состав", "план", "результат"];

/** Cue priority as the rules stage will supply it: matching anchor text scores, depth costs. */
const cuePriority =
  (cues: () => string[]): PriorityFn =>
  (link, depth) => {
    const text = `${link.text} ${link.title ?? ""}`.toLowerCase();
    return (cues().some((c) => text.includes(c)) ? 10 : 0) - depth;
  };

interface Handled {
  page: FetchedPage;
  req: CrawlRequest;
}

function crawl(start: string, extra: Partial<CrawlSiteOptions> = {}) {
  const handled: Handled[] = [];
  const options: CrawlSiteOptions = {
    fetcher,
    pool: createPool(POLITENESS_OFF),
    retry: { sleep: async () => {} },
    onPage: (page, req) => {
      handled.push({ page, req });
      return { links: extractTestLinks(page) };
    },
    ...extra,
  };
  return { handled, result: crawlSite(start, options) };
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};
const serialPool = () => createPool({ perHostConcurrency: 1, minIntervalMs: 0, maxCrawlDelayMs: 0 });

describe("crawlSite on the ministry", () => {
  it("crawls the whole site: NOK section three clicks down, documents, robots, dedup", async () => {
    const before = web.ministry.requests.length;
    const { handled, result } = crawl(`${web.ministry.origin}/`, { priority: cuePriority(() => NOK_CUES) });
    const summary = await result;
    const paths = handled.map((h) => pathOf(h.page.finalUrl));

    expect(paths).toContain("/activity/public-council/nok/");
    expect(paths).toContain("/upload/iblock/9e3/rezultaty-nok-2024.pdf");
    expect(summary.documents).toBe(4);
    // robots.txt: disallowed pages counted and never requested
    expect(summary.skippedByRobots).toBe(2);
    const requested = web.ministry.requests.slice(before).map((r) => r.path);
    expect(requested.some((p) => p.startsWith("/bitrix/") || p.startsWith("/private/"))).toBe(false);
    // unreadable bodies never requested, other sites never requested
    expect(requested).not.toContain("/logo.png");
    expect(handled.some((h) => h.page.url.includes("gosuslugi"))).toBe(false);
    // dedup: index.php, PHPSESSID, utm_* and #fragment variants fetched once
    const counts = new Map<string, number>();
    for (const p of requested) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect(counts.get("/about/")).toBe(1);
    expect(counts.get("/")).toBe(1);
    // one request per page, to a spelling some page linked (tracking tags are not stripped from requests)
    expect(requested.filter((p) => /^\/news\/detail\.php\?ID=1(?:&|$)/.test(p)).length).toBe(1);
    expect(requested.filter((p) => p === "/about/" || p.startsWith("/about/index.php")).length).toBe(1);
    expect(new Set(paths).size).toBe(paths.length);
    // the sitemap-only page was seeded
    const orphan = handled.find((h) => h.page.url.endsWith("/hidden/orphan/"));
    expect(orphan?.req.source).toBe("sitemap");
    expect(summary.sitemapUrls).toBeGreaterThan(0);
    // the broken link and the redirect loop make the site partial, not down
    expect(summary.status).toBe("partial");
    const failed = handled
      .filter((h) => h.page.error !== null)
      .map((h) => `${pathOf(h.page.url)} ${h.page.error?.code}`);
    expect(failed.sort()).toEqual(["/broken-link/ http-4xx", "/loop-a/ redirect-loop"]);
    expect(summary.errors).toBe(2);
    expect(summary.siteError).toBeNull();
    expect(summary.budgetExhausted).toBe(false);
    expect(summary.robots).toEqual({ status: "ok", error: null });
    expect(summary.pages).toBe(handled.length + 1); // + /old-section/, which redirected to a fetched page
  });

  it("goes best-first: the NOK section is reached within a small page budget", async () => {
    const { handled, result } = crawl(`${web.ministry.origin}/`, {
      priority: cuePriority(() => NOK_CUES),
      pool: serialPool(),
      useSitemaps: false,
      budget: { maxPages: 7 },
    });
    const summary = await result;
    const paths = handled.map((h) => pathOf(h.page.url));
    expect(paths.slice(0, 3)).toEqual(["/", "/activity/", "/activity/public-council/"]);
    // then the council's own links (documents and the NOK section, all cue matches), never the news
    expect(paths).toContain("/activity/public-council/nok/");
    expect(paths).toContain("/upload/iblock/5a1/polozhenie.pdf");
    expect(paths.some((p) => p.startsWith("/news/"))).toBe(false);
    expect(summary.budgetExhausted).toBe(true);
    expect(summary.budgetReason).toBe("pages");
    expect(summary.pages).toBe(7);
    expect(summary.pendingRelevant).toBeGreaterThan(0);
    const nok = handled.find((h) => h.page.url.endsWith("/nok/"))!;
    expect(nok.req.depth).toBe(3);
    expect(nok.req.linkText).toBe("Независимая оценка качества условий оказания услуг");
    expect(nok.req.referrer).toBe(`${web.ministry.origin}/activity/public-council/`);
  });

  it("follows the priority function, not page order (inverted cues never reach NOK)", async () => {
    const inverted: PriorityFn = (link, depth) => -cuePriority(() => NOK_CUES)(link, depth);
    const { handled, result } = crawl(`${web.ministry.origin}/`, {
      priority: inverted,
      pool: serialPool(),
      useSitemaps: false,
      budget: { maxPages: 7 },
    });
    await result;
    expect(handled.some((h) => h.page.url.includes("public-council"))).toBe(false);
  });

  it("reprioritizes queued links when the handler says the cues changed", async () => {
    let cues = ["новост"];
    const order: string[] = [];
    const summary = await crawlSite(`${web.ministry.origin}/`, {
      fetcher,
      pool: serialPool(),
      useSitemaps: false,
      budget: { maxPages: 4 },
      priority: cuePriority(() => cues),
      onPage: (page) => {
        order.push(pathOf(page.url));
        if (page.url.includes("/news/")) {
          cues = ["деятельност", "совет"];
          return { links: extractTestLinks(page), reprioritize: true };
        }
        return { links: extractTestLinks(page) };
      },
    });
    expect(summary.pages).toBe(4);
    expect(order[1]).toMatch(/^\/news\//);
    expect(order.slice(2)).toEqual(["/activity/", "/activity/public-council/"]);
  });

  it("stops when the handler says every rule is decided", async () => {
    const { handled, result } = crawl(`${web.ministry.origin}/`, {
      priority: cuePriority(() => NOK_CUES),
      pool: serialPool(),
      useSitemaps: false,
      onPage: (page) => {
        handled.push({ page, req: null as unknown as CrawlRequest });
        return { links: extractTestLinks(page), stop: page.url.endsWith("/nok/") };
      },
    });
    const summary = await result;
    expect(pathOf(handled.at(-1)!.page.url)).toBe("/activity/public-council/nok/");
    expect(summary.pages).toBe(handled.length);
    expect(summary.pages).toBeLessThan(8);
    expect(summary.budgetExhausted).toBe(false);
    expect(summary.budgetReason).toBeNull();
  });

  it("stops at the byte budget", async () => {
    const { handled, result } = crawl(`${web.ministry.origin}/`, {
      pool: serialPool(),
      useSitemaps: false,
      budget: { maxBytes: 8_000 },
    });
    const summary = await result;
    expect(summary.budgetExhausted).toBe(true);
    expect(summary.budgetReason).toBe("bytes");
    expect(summary.bytes).toBeGreaterThanOrEqual(8_000);
    // It stopped right after crossing the budget.
    expect(summary.bytes - (handled.at(-1)!.page.body?.length ?? 0)).toBeLessThan(8_000);
  });

  it("stops at the time budget", async () => {
    const { result } = crawl(`${web.ministry.origin}/`, { useSitemaps: false, budget: { maxDurationMs: 1 } });
    const summary = await result;
    expect(summary.budgetReason).toBe("time");
    expect(summary.budgetExhausted).toBe(true);
  });

  it("sends conditional requests and hands 304s on as not modified", async () => {
    const { handled, result } = crawl(`${web.ministry.origin}/etag/`, {
      budget: { maxPages: 1 },
      useSitemaps: false,
      conditionalFor: (url) =>
        url.endsWith("/etag/") ? { etag: '"v1"', previousHash: "sha256:abc" } : undefined,
    });
    const summary = await result;
    expect(handled[0]!.page.notModified).toBe(true);
    expect(handled[0]!.page.status).toBe(304);
    expect(summary.status).toBe("ok");
    const req = web.ministry.requests.filter((r) => r.path === "/etag/").at(-1);
    expect(req?.headers["if-none-match"]).toBe('"v1"');
  });

  it("Crawl-delay from robots.txt raises the host's interval in the pool", async () => {
    const pool = createPool({
      perHostConcurrency: 2,
      minIntervalMs: 0,
      maxCrawlDelayMs: 150,
      historySize: 100,
    });
    const { result } = crawl(`${web.ministry.origin}/`, {
      pool,
      useSitemaps: false,
      budget: { maxPages: 4 },
    });
    await result;
    expect(pool.intervalFor(web.ministry.origin)).toBe(150);
    const starts = pool.startTimes(web.ministry.origin);
    expect(starts.length).toBe(5); // robots.txt + 4 pages
    // From the home page on (robots.txt was fetched before its delay was known):
    for (let i = 2; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(150);
  });

  it("fetches pages of one site concurrently up to the host's concurrency", async () => {
    let running = 0;
    let max = 0;
    const counting: Fetcher = {
      name: "http",
      async fetch(url, o) {
        running++;
        max = Math.max(max, running);
        try {
          return await fetcher.fetch(url, o);
        } finally {
          running--;
        }
      },
    };
    const pool = createPool({ perHostConcurrency: 3, minIntervalMs: 0, maxCrawlDelayMs: 0 });
    const { result } = crawl(`${web.ministry.origin}/`, { fetcher: counting, pool, useSitemaps: false });
    await result;
    expect(max).toBeLessThanOrEqual(3);
    expect(max).toBeGreaterThan(1);
  });

  it("follows a home-page redirect to another host once and widens the scope", async () => {
    const { handled, result } = crawl(`${web.redirectorByName}/`, { budget: { maxPages: 10 } });
    const summary = await result;
    expect(summary.finalUrl).toBe(`${web.ministryByName}/`);
    expect(summary.scopeWidenedTo).toEqual(["minzdrav.test"]);
    expect(handled.length).toBeGreaterThan(5);
    expect(handled.slice(1).every((h) => h.page.finalUrl.startsWith(web.ministryByName))).toBe(true);
  });

  it("rejects a crash in the handler instead of hiding it", async () => {
    await expect(
      crawlSite(`${web.ministry.origin}/`, {
        fetcher,
        pool: createPool(POLITENESS_OFF),
        useSitemaps: false,
        onPage: () => {
          throw new Error("handler bug");
        },
      }),
    ).rejects.toThrow("handler bug");
  });

  it("honours an abort signal", async () => {
    const controller = new AbortController();
    let n = 0;
    const summary = await crawlSite(`${web.ministry.origin}/`, {
      fetcher,
      pool: serialPool(),
      useSitemaps: false,
      signal: controller.signal,
      onPage: (page) => {
        if (++n === 3) controller.abort();
        return { links: extractTestLinks(page) };
      },
    });
    expect(summary.aborted).toBe(true);
    expect(summary.pages).toBeLessThanOrEqual(4);
  });
});

describe("crawlSite on hostile and broken sites", () => {
  it("bounds an infinite calendar, date paths and ever-deeper relative links", async () => {
    const { handled, result } = crawl(`${web.calendar.origin}/`, {
      budget: { maxDepth: 1_000, maxPages: 2_000 },
    });
    const summary = await result;
    expect(summary.budgetExhausted).toBe(false);
    expect(summary.pages).toBeLessThan(40);
    expect(summary.status).toBe("ok");
    expect(summary.rejected.trap).toBeGreaterThan(0);
    expect(handled.some((h) => h.page.url.endsWith("/nok/"))).toBe(true);
  });

  it("robots.txt disallowing everything: blocked, counted, nothing fetched", async () => {
    const before = web.robotsBlocked.requests.length;
    const { handled, result } = crawl(`${web.robotsBlocked.origin}/`);
    const summary = await result;
    expect(summary.status).toBe("blocked");
    expect(summary.siteError?.code).toBe("robots");
    expect(summary.skippedByRobots).toBe(1);
    expect(summary.pages).toBe(0);
    expect(handled).toEqual([]);
    expect(web.robotsBlocked.requests.slice(before).map((r) => r.path)).toEqual(["/robots.txt"]);
  });

  it("403 everywhere: blocked", async () => {
    const { result } = crawl(`${web.forbidden.origin}/`);
    const summary = await result;
    expect(summary.status).toBe("blocked");
    expect(summary.siteError?.code).toBe("http-4xx");
    expect(summary.robots?.status).toBe("missing");
  });

  it.each([
    ["refused connection", () => `${web.down}/`, "connect", 2],
    ["connection reset", () => `${web.reset.origin}/`, "reset", 2],
    ["unknown host", () => "http://no-such-ministry.invalid/", "dns", 2],
    // no retries here: each header timeout costs real time
    ["slow host", () => `${web.slow.origin}/`, "timeout", 0],
  ])("%s: unreachable with the cause", async (_name, start, code, retries) => {
    const { handled, result } = crawl(start(), {
      retry: { retries, sleep: async () => {} },
      ...(code === "timeout" ? { fetcher: impatient } : {}),
    });
    const summary = await result;
    expect(summary.status).toBe("unreachable");
    expect(summary.siteError?.code).toBe(code);
    expect(handled).toHaveLength(1);
    expect(summary.pages).toBe(1);
  });

  it("a clean site is ok", async () => {
    const { result } = crawl(`${web.generated.origin}/`, { budget: { maxPages: 30 } });
    const summary = await result;
    expect(summary.status).toBe("ok");
    expect(summary.errors).toBe(0);
    expect(summary.pages).toBe(30);
  });

  it("an invalid start URL is reported, not thrown", async () => {
    const { result } = crawl("mailto:info@minzdrav.test");
    const summary = await result;
    expect(summary.status).toBe("unreachable");
    expect(summary.siteError?.code).toBe("invalid-url");
  });
});

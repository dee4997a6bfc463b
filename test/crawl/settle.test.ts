import { describe, expect, it } from "vitest";
import { type CrawlSiteOptions, crawlSite, type PageOutcome } from "../../src/crawl/crawler.ts";
import { createPool, POLITENESS_OFF } from "../../src/crawl/politeness.ts";
import type { PriorityFn } from "../../src/crawl/priority.ts";
import type { SettleOptions } from "../../src/crawl/settle.ts";
import type { FetchedPage, Fetcher, LinkCandidate } from "../../src/types/index.ts";

const ORIGIN = "http://site.test";

/** An in-memory site: path → its links (text, and whether they sit in the menu). */
type Site = Record<string, { text: string; to: string; nav?: boolean }[]>;

function fetcherFor(site: Site, fetched: string[]): Fetcher {
  return {
    name: "http",
    async fetch(url: string): Promise<FetchedPage> {
      const path = new URL(url).pathname;
      fetched.push(path);
      const known = path in site;
      return {
        url,
        finalUrl: url,
        status: known ? 200 : 404,
        headers: { "content-type": "text/html" },
        body: new TextEncoder().encode("<html></html>"),
        truncated: false,
        contentKind: "html",
        redirects: [],
        fetcher: "http",
        fetchedAt: new Date().toISOString(),
        durationMs: 0,
        error: known ? null : { code: "http-4xx", message: "404" },
      };
    },
  };
}

/** Cue words score 10 minus depth; anything else 0.5 (a generic link), like rules/priority.ts. */
const priority: PriorityFn = (link, depth) => (/нок|оценк/i.test(link.text) ? 10 - depth : 0.5);

const SETTLE: SettleOptions = { relevantFrom: 1, minPages: 2, sectionFrom: 8 };

async function crawl(
  site: Site,
  extra: Partial<CrawlSiteOptions> & {
    sections?: string[];
    relevant?: Record<string, string[]>;
    unrelated?: Record<string, string[]>;
  } = {},
) {
  const fetched: string[] = [];
  const summary = await crawlSite(`${ORIGIN}/`, {
    fetcher: fetcherFor(site, fetched),
    pool: createPool({ ...POLITENESS_OFF, perHostConcurrency: 1 }),
    retry: false,
    respectRobots: false,
    useSitemaps: false,
    priority,
    onPage: (page): PageOutcome => {
      const path = new URL(page.finalUrl).pathname;
      const links: LinkCandidate[] = (site[path] ?? []).map((l) => ({
        url: `${ORIGIN}${l.to}`,
        text: l.text,
        ...(l.nav ? { inNav: true } : {}),
      }));
      const relevant = extra.relevant?.[path];
      const unrelated = extra.unrelated?.[path];
      return {
        links,
        section: extra.sections?.includes(path) ?? false,
        ...(relevant ? { relevant: new Set(relevant.map((p) => `${ORIGIN}${p}`)) } : {}),
        ...(unrelated ? { unrelated: new Set(unrelated.map((p) => `${ORIGIN}${p}`)) } : {}),
      };
    },
    ...extra,
  });
  return { fetched, summary };
}

const news = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: `Новость ${i}`, to: `/news/${i}/` }));

const SITE: Site = {
  "/": [
    { text: "Независимая оценка качества", to: "/nok/", nav: true },
    { text: "Контакты", to: "/contacts/", nav: true },
    ...news(10),
  ],
  "/nok/": [
    { text: "Контакты", to: "/contacts/", nav: true },
    { text: "НОК 2025", to: "/nok/2025/" },
    { text: "Подробнее", to: "/nok/more/" },
  ],
  "/nok/2025/": [{ text: "Скачать (PDF)", to: "/nok/2025/results/" }],
  "/nok/more/": [],
  "/nok/2025/results/": [],
  "/contacts/": [],
  ...Object.fromEntries(news(10).map((l) => [l.to, []])),
};

describe("crawlSite with settle", () => {
  it("without settle reads every link", async () => {
    const { fetched, summary } = await crawl(SITE);
    expect(fetched).toHaveLength(Object.keys(SITE).length);
    expect(summary.settled).toBe(false);
  });

  it("stops once the relevant places and the first candidates are read, with adequate coverage", async () => {
    const { fetched, summary } = await crawl(SITE, { settle: SETTLE });
    expect(fetched).toContain("/nok/");
    expect(fetched).toContain("/nok/2025/");
    // Generic links are not read past the first `minPages` requests.
    expect(fetched.filter((p) => p.startsWith("/news/")).length).toBeLessThan(10);
    expect(summary.settled).toBe(true);
    expect(summary.budgetExhausted).toBe(false);
    expect(summary.pendingRelevant).toBe(0);
  });

  it("reads a section's content links whatever their wording, not its menu", async () => {
    const plain = await crawl(SITE, { settle: { ...SETTLE, minPages: 0 } });
    expect(plain.fetched).not.toContain("/nok/more/");
    const { fetched } = await crawl(SITE, { settle: { ...SETTLE, minPages: 0 }, sections: ["/nok/"] });
    expect(fetched).toContain("/nok/more/");
    expect(fetched).not.toContain("/contacts/");
    // A child is not a section by itself: its generic links wait unless the handler says it is one.
    expect(fetched).not.toContain("/nok/2025/results/");
  });

  it("reads a section's own material before links that only a navigation word makes relevant", async () => {
    // «Документы» is relevant by a menu word alone (2 at depth 1); the section's «Подробнее» by where it sits.
    const nav: PriorityFn = (link, depth) =>
      /документы/i.test(link.text) ? 3 - depth : priority(link, depth);
    const site: Site = {
      "/": [
        { text: "Независимая оценка качества", to: "/nok/" },
        { text: "Документы", to: "/docs/" },
      ],
      "/nok/": [{ text: "Подробнее", to: "/nok/more/" }],
      "/nok/more/": [],
      "/docs/": [],
    };
    const flat = await crawl(site, {
      priority: nav,
      settle: { ...SETTLE, minPages: 0 },
      sections: ["/nok/"],
    });
    expect(flat.fetched).toEqual(["/", "/nok/", "/docs/", "/nok/more/"]);
    const { fetched } = await crawl(site, {
      priority: nav,
      settle: { ...SETTLE, minPages: 0, childFrom: 3 },
      sections: ["/nok/"],
    });
    // The same places, the section's first.
    expect(fetched).toEqual(["/", "/nok/", "/nok/more/", "/docs/"]);
  });

  it("reads the links the handler marks relevant", async () => {
    const { fetched } = await crawl(SITE, {
      settle: { ...SETTLE, minPages: 0 },
      relevant: { "/": ["/contacts/"] },
    });
    expect(fetched).toContain("/contacts/");
  });

  it("leaves the links the handler calls unrelated, whatever their words and wherever they sit", async () => {
    // Another body's council listed in the NOK section: its words are a rule's, its place a section's.
    const site: Site = {
      "/": [{ text: "Независимая оценка качества", to: "/nok/" }],
      "/nok/": [
        { text: "Оценка: совет при управлении дорог", to: "/nok/roads/" },
        { text: "Подробнее", to: "/nok/more/" },
      ],
      "/nok/roads/": [],
      "/nok/more/": [],
    };
    const options = { settle: { ...SETTLE, minPages: 0 }, sections: ["/nok/"] };
    expect((await crawl(site, options)).fetched).toContain("/nok/roads/");
    const { fetched, summary } = await crawl(site, { ...options, unrelated: { "/nok/": ["/nok/roads/"] } });
    expect(fetched).toEqual(["/", "/nok/", "/nok/more/"]);
    expect(summary.settled).toBe(true);
    // Without settle it is still read, last.
    const all = await crawl(site, { unrelated: { "/nok/": ["/nok/roads/"] } });
    expect(all.fetched.at(-1)).toBe("/nok/roads/");
  });

  it("a budget cut with relevant links still queued is not settled: coverage stays unproven", async () => {
    const { summary } = await crawl(SITE, { settle: { ...SETTLE, minPages: 0 }, budget: { maxPages: 2 } });
    expect(summary.settled).toBe(false);
    expect(summary.budgetExhausted).toBe(true);
    expect(summary.pendingRelevant).toBeGreaterThan(0);
  });
});

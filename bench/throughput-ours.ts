/**
 * Child process for measurement 2, our side: crawl (undici fetcher, best-first frontier, robots.txt and
 * sitemaps as always) + parse + extract (extractArtifacts: text, links, dates, contacts, documents) of all
 * sites at once, politeness off, no snapshots and no rules. Reports pages, wall and CPU time of each pass
 * over the same web (stats.ts measuredPasses: the first cold, the last two in steady state).
 * With --light the page handler does only what the Crawlee side's handler does (cheerio: title, visible text,
 * links), which separates the crawler's own cost from our extraction's.
 * Args: --urls JSON --max-pages N --warmup URL [--light]
 */
import { parseArgs } from "node:util";
import * as cheerio from "cheerio";
import { crawlSite, createHttpFetcher, createPool, POLITENESS_OFF } from "../src/crawl/index.ts";
import { extractArtifacts, warmDocumentPool } from "../src/extract/index.ts";
import type { FetchedPage, Fetcher, LinkCandidate } from "../src/types/index.ts";
import { report } from "./child.ts";
import { measuredPasses } from "./stats.ts";

const { values } = parseArgs({
  options: {
    urls: { type: "string" },
    "max-pages": { type: "string" },
    warmup: { type: "string" },
    light: { type: "boolean", default: false },
  },
});
const urls = JSON.parse(values.urls ?? "[]") as string[];
const maxPages = Number(values["max-pages"] ?? 300);

/** The Crawlee side's handler, on our crawler: title, visible text and links of HTML pages (UTF-8 assumed). */
function lightLinks(page: FetchedPage): LinkCandidate[] {
  if (page.contentKind !== "html" || !page.body) return [];
  const $ = cheerio.load(Buffer.from(page.body).toString("utf8"));
  const text = `${$("title").text()} ${$("body").text().replace(/\s+/g, " ")}`;
  if (text.length < 0) throw new Error("unreachable");
  const links: LinkCandidate[] = [];
  $("a[href]").each((_, a) => {
    try {
      links.push({ url: new URL($(a).attr("href") ?? "", page.finalUrl).href, text: $(a).text().trim() });
    } catch {
      // not a URL
    }
  });
  return links;
}

async function crawlAll(
  fetcher: Fetcher,
  targets: string[],
  limit: number,
): Promise<{ pages: number; bytes: number }> {
  // All sites at once through one pool, as checkSites does.
  const pool = createPool(POLITENESS_OFF);
  const summaries = await Promise.all(
    targets.map((url) =>
      crawlSite(url, {
        fetcher,
        pool,
        budget: { maxPages: limit },
        onPage: async (page) => {
          if (!page.body || page.status < 200 || page.status >= 300 || page.contentKind === "other")
            return { links: [] };
          if (values.light) return { links: lightLinks(page) };
          const a = await extractArtifacts({
            url: page.url,
            finalUrl: page.finalUrl,
            contentKind: page.contentKind,
            headers: page.headers,
            body: page.body,
            truncated: page.truncated,
          });
          return { links: a.links };
        },
      }),
    ),
  );
  return {
    pages: summaries.reduce((n, s) => n + s.pages, 0),
    bytes: summaries.reduce((n, s) => n + s.bytes, 0),
  };
}

const fetcher = createHttpFetcher();
// Warm-up (JIT, module loading, connection set-up), not measured; the other side gets the same. Module loading
// includes the document worker's (tsx and the document readers in a fresh thread): a fixed start-up cost, as
// Crawlee's own module loading is, and not paid again per page.
if (values.warmup) {
  await crawlAll(fetcher, [values.warmup], 40);
  if (!values.light) await warmDocumentPool();
}
const passes = await measuredPasses(() => crawlAll(fetcher, urls, maxPages));
await fetcher.close?.();
report({ side: values.light ? "nok-monitor-light" : "nok-monitor", passes });
process.exit(0);

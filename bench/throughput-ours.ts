/**
 * Child process for measurement 2, our side: crawl (undici fetcher, best-first frontier, robots.txt and
 * sitemaps as always) + parse + extract (extractArtifacts: text, links, dates, contacts, documents) of all
 * sites at once, politeness off, no snapshots and no rules. After a warm-up it makes one pass over the web
 * whenever the bench asks (child.ts serveSteps) and reports its pages, wall and CPU time.
 * With --light the page handler does only what the Crawlee side's handler does (cheerio: title, visible text,
 * links), which separates the crawler's own cost from our extraction's.
 * Args: --urls JSON --max-pages N --warmup URL [--light]
 */
import { parseArgs } from "node:util";
import * as cheerio from "cheerio";
import { crawlSite, createHttpFetcher, createPool, POLITENESS_OFF } from "../src/crawl/index.ts";
import { extractArtifacts, warmDocumentPool } from "../src/extract/index.ts";
import type { FetchedPage, Fetcher, LinkCandidate } from "../src/types/index.ts";
import { serveSteps } from "./child.ts";
import { measurePass } from "./stats.ts";

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
// One pass per request from the bench, which interleaves this side's passes with the other side's.
// The document thread ends after 10 s without work, and the other side's pass lasts about that long: a new
// thread would read the next pass's documents with a cold JIT, which never happens in a continuous run. So
// while the other side measures, an empty task every 3 s keeps it up (a message each, nothing parsed).
let keepAlive: NodeJS.Timeout | null = null;
const idle = () => {
  if (!values.light) keepAlive = setInterval(() => void warmDocumentPool(), 3_000);
};
idle();
await serveSteps({ side: values.light ? "nok-monitor-light" : "nok-monitor" }, async () => {
  if (keepAlive) clearInterval(keepAlive);
  // After waiting out the other side's pass, the same short crawl as the warm-up, unmeasured (both sides do
  // it): a process that waited seconds ran its next pass up to a third slower, which a continuous run never does.
  if (values.warmup) await crawlAll(fetcher, [values.warmup], 40);
  const pass = await measurePass(() => crawlAll(fetcher, urls, maxPages));
  idle();
  return pass;
});
if (keepAlive) clearInterval(keepAlive);
await fetcher.close?.();
process.exit(0);

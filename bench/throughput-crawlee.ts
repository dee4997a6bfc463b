/**
 * Child process for measurement 2, the reference side: Crawlee's CheerioCrawler (@crawlee/cheerio 3.x) on
 * the same sites with the same page limit, set up as a user would for throughput: one crawler for all sites,
 * fixed concurrency equal to our global limit, in-memory storage, same-origin link following, at most N
 * requests per site, documents accepted (fetched, not parsed: Crawlee has no document text extraction).
 * Its handler extracts the title, the visible text and the links. After a warm-up it makes one pass over the
 * web whenever the bench asks (child.ts serveSteps) and reports its pages, wall and CPU time.
 * Args: --urls JSON --max-pages N --warmup URL
 */
import { parseArgs } from "node:util";
import { CheerioCrawler, Configuration, LogLevel, log } from "@crawlee/cheerio";
import { POLITENESS_OFF } from "../src/crawl/index.ts";
import { serveSteps } from "./child.ts";
import { measurePass } from "./stats.ts";

const { values } = parseArgs({
  options: { urls: { type: "string" }, "max-pages": { type: "string" }, warmup: { type: "string" } },
});
const urls = JSON.parse(values.urls ?? "[]") as string[];
const maxPages = Number(values["max-pages"] ?? 300);
// Our global limit with politeness off; Crawlee has no per-host limit.
const concurrency = POLITENESS_OFF.globalConcurrency ?? 64;

log.setLevel(LogLevel.OFF);

const DOCUMENT_TYPES = [
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.text",
  "application/rtf",
  "text/rtf",
  "application/octet-stream",
  "text/plain",
];

/** One crawler for all sites (as a Crawlee user would run it), at most `limit` requests per origin. */
async function crawlAll(targets: string[], limit: number): Promise<{ pages: number; bytes: number }> {
  let bytes = 0;
  let textChars = 0;
  // Per-site page limit: a URL is admitted to the queue only while its origin has fewer than `limit`
  // admitted URLs (each URL counted once; the queue itself drops duplicates).
  const perOrigin = new Map<string, number>();
  const admitted = new Set<string>();
  const admit = (raw: string): boolean => {
    const url = raw.split("#")[0]!;
    if (admitted.has(url)) return true;
    const origin = new URL(url).origin;
    const n = perOrigin.get(origin) ?? 0;
    if (n >= limit) return false;
    perOrigin.set(origin, n + 1);
    admitted.add(url);
    return true;
  };
  for (const url of targets) admit(url);
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  const crawler = new CheerioCrawler(
    {
      minConcurrency: concurrency,
      maxConcurrency: concurrency,
      maxRequestRetries: 0,
      additionalMimeTypes: DOCUMENT_TYPES,
      requestHandler: async ({ $, body, enqueueLinks }) => {
        bytes += typeof body === "string" ? Buffer.byteLength(body) : body.length;
        if (!$) return;
        const title = $("title").text();
        const text = $("body").text().replace(/\s+/g, " ");
        textChars += title.length + text.length;
        await enqueueLinks({
          strategy: "same-origin",
          transformRequestFunction: (req) => (admit(req.url) ? req : false),
        });
      },
      failedRequestHandler: () => {},
    },
    config,
  );
  const stats = await crawler.run(targets);
  if (textChars < 0) throw new Error("unreachable");
  return { pages: stats.requestsFinished + stats.requestsFailed, bytes };
}

if (values.warmup) await crawlAll([values.warmup], 40);
// One pass per request from the bench, which interleaves this side's passes with the other side's.
await serveSteps({ side: "crawlee" }, async () => {
  // After waiting out the other side's pass, the same short crawl as the warm-up, unmeasured (both sides do it).
  if (values.warmup) await crawlAll([values.warmup], 40);
  return measurePass(() => crawlAll(urls, maxPages));
});
process.exit(0);

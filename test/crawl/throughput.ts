/**
 * Measures crawl throughput on the local test web with politeness off.
 * Run: npx tsx test/crawl/throughput.ts [pages]   (prints, asserts nothing)
 */
import { crawlSite } from "../../src/crawl/crawler.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { createPool, POLITENESS_OFF } from "../../src/crawl/politeness.ts";
import { startTestWeb } from "../fixtures/testweb/index.ts";
import { extractTestLinks } from "./link-handler.ts";

async function main(): Promise<void> {
  const pages = Number(process.argv[2] ?? "2000");
  const web = await startTestWeb({ generatedPages: pages });
  const fetcher = createHttpFetcher({ lookup: web.lookup });
  try {
    for (const [label, start, concurrency] of [
      ["generated, 16 per host", `${web.generated.origin}/`, 16],
      ["generated, 2 per host ", `${web.generated.origin}/`, 2],
    ] as const) {
      const pool = createPool({ ...POLITENESS_OFF, perHostConcurrency: concurrency });
      const started = performance.now();
      const summary = await crawlSite(start, {
        fetcher,
        pool,
        useSitemaps: false,
        budget: { maxPages: pages, maxDepth: 100 },
        // every page here shares one URL template: lift the trap guard's per-pattern cap
        frontier: { maxPerPattern: Number.MAX_SAFE_INTEGER },
        onPage: (page) => ({ links: extractTestLinks(page) }),
      });
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${label}: ${summary.pages} pages, ${(summary.bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(2)} s ` +
          `= ${(summary.pages / seconds).toFixed(0)} pages/s (status ${summary.status})`,
      );
    }
  } finally {
    await fetcher.close?.();
    await web.close();
  }
}

await main();

import { resolve } from "node:path";
import {
  crawlSite,
  createHttpFetcher,
  createPool,
  DEFAULT_BUDGET,
  type SiteCrawlSummary,
} from "../crawl/index.ts";
import { extractArtifacts } from "../extract/index.ts";
import { openRunWriter } from "../snapshot/index.ts";
import { defaultSnapshotsDir } from "../store/paths.ts";
import type { Fetcher, ManifestEntry } from "../types/index.ts";
import { newRunId } from "./run-id.ts";
import { manifestEntry } from "./site.ts";

export interface CrawlOnlyResult {
  runId: string;
  snapshotsDir: string;
  summary: SiteCrawlSummary;
  entries: (ManifestEntry & { textChars: number; title: string })[];
}

/** `nok crawl`: crawl → snapshot → extract with no rules (generic priority), for debugging the lower stages. */
export async function crawlOnly(
  url: string,
  options: {
    maxPages?: number;
    snapshotsDir?: string;
    fetcher?: Fetcher;
    onPage?: (e: CrawlOnlyResult["entries"][number]) => void;
  } = {},
): Promise<CrawlOnlyResult> {
  const runId = newRunId("crawl");
  const snapshotsDir = resolve(options.snapshotsDir ?? defaultSnapshotsDir());
  const writer = openRunWriter(snapshotsDir, runId);
  const fetcher = options.fetcher ?? createHttpFetcher();
  const entries: CrawlOnlyResult["entries"] = [];
  try {
    const summary = await crawlSite(url, {
      fetcher,
      pool: createPool(),
      budget: { ...DEFAULT_BUDGET, ...(options.maxPages ? { maxPages: options.maxPages } : {}) },
      onPage: async (page, req) => {
        const hash = page.body && page.body.length > 0 ? await writer.putBody(page.body) : null;
        const entry = manifestEntry(url, page, req, hash, page.body?.length ?? 0);
        await writer.append(entry);
        let title = "";
        let textChars = 0;
        let links: Awaited<ReturnType<typeof extractArtifacts>>["links"] = [];
        if (page.body && page.status >= 200 && page.status < 300 && page.contentKind !== "other") {
          const a = await extractArtifacts({
            url: page.url,
            finalUrl: page.finalUrl,
            contentKind: page.contentKind,
            headers: page.headers,
            body: page.body,
            truncated: page.truncated,
          });
          title = a.title;
          textChars = a.text.length;
          links = a.links;
        }
        const row = { ...entry, title, textChars };
        entries.push(row);
        options.onPage?.(row);
        return { links };
      },
    });
    await writer.flush();
    return { runId, snapshotsDir, summary, entries };
  } finally {
    if (!options.fetcher) await fetcher.close?.();
  }
}

import type { CrawlError } from "./common.ts";
import type { ContentKind } from "./crawl.ts";

/** One line of a run's append-only manifest (JSONL). */
export interface ManifestEntry {
  /** Site key this page belongs to (the site's start URL). */
  site: string;
  /** The URL requested: exactly as a page, sitemap or redirect named it (only a fragment dropped). */
  url: string;
  /** The frontier's dedup key (normalised spelling); absent in manifests written before it was recorded. */
  key?: string;
  finalUrl: string;
  status: number;
  /** Headers that matter: content-type, etag, last-modified, content-length, location, retry-after. */
  headers: Record<string, string>;
  /** `sha256:<hex>` of the raw body, or null when there is none. */
  hash: string | null;
  size: number;
  truncated: boolean;
  contentKind: ContentKind;
  fetchedAt: string;
  fetcher: "http" | "browser" | "busgov";
  depth: number;
  linkText: string | null;
  linkContext?: string | null;
  referrer: string | null;
  redirects: string[];
  error: CrawlError | null;
  notModified?: boolean;
  renderDecision?: string;
}

/** Read access to a stored run, used by every stage after crawl: never touches the network. */
export interface SnapshotReader {
  readonly runId: string;
  entries(): AsyncIterable<ManifestEntry>;
  /** Raw body bytes by `sha256:` hash. */
  body(hash: string): Promise<Uint8Array>;
}

import { extractArtifacts } from "../extract/index.ts";
import type { SnapshotWriter } from "../snapshot/index.ts";
import type { FetchedPage, ManifestEntry, PageArtifacts } from "../types/index.ts";
import type { ArtifactCache } from "./state/cache.ts";

// The body and artifacts of a fetched page, or of the stored copy a 304 answer stands for.

export interface StoredPageOptions {
  writer: SnapshotWriter;
  previous?: Map<string, ManifestEntry>;
  readPrevious?: (hash: string) => Promise<Uint8Array>;
  artifactCache?: ArtifactCache;
}

export interface PageBody {
  /** The page, for a 304 with the stored copy's kind and headers (the answer carries only validators). */
  page: FetchedPage;
  body: Uint8Array | null;
  hash: string | null;
  size: number;
  /** The stored copy's cached extraction: its body was not read at all. */
  cached: PageArtifacts | null;
}

/**
 * A 2xx body is stored (content-addressed: an unchanged one is not written again) and hashed. A 304 reuses
 * the previous snapshot: its hash, and its cached extraction when there is one, so the stored body is read
 * only when the extraction must run again (an EXTRACT_VERSION bump, a cleared cache).
 */
export async function pageBody(fetched: FetchedPage, o: StoredPageOptions): Promise<PageBody> {
  const prev = fetched.notModified ? o.previous?.get(fetched.url) : undefined;
  if (!prev?.hash) {
    const body = fetched.body;
    const hash = body && body.length > 0 ? await o.writer.putBody(body) : null;
    return { page: fetched, body, hash, size: body?.length ?? 0, cached: null };
  }
  const page: FetchedPage = {
    ...fetched,
    headers: { ...prev.headers, ...fetched.headers },
    contentKind: prev.contentKind,
    truncated: prev.truncated,
  };
  const cached = (await o.artifactCache?.get(prev.hash, page.finalUrl)) ?? null;
  const body = cached || !o.readPrevious ? null : await o.readPrevious(prev.hash);
  return { page, body, hash: prev.hash, size: prev.size, cached: cached && withUrl(cached, page.url) };
}

/** Extraction by (hash, final URL) from the cache, or run and cached. */
export async function extractCached(
  cache: ArtifactCache | undefined,
  hash: string,
  page: FetchedPage,
  body: Uint8Array,
): Promise<PageArtifacts> {
  const cached = await cache?.get(hash, page.finalUrl);
  if (cached) return withUrl(cached, page.url);
  const artifacts = await extractArtifacts({
    url: page.url,
    finalUrl: page.finalUrl,
    contentKind: page.contentKind,
    headers: page.headers,
    body,
    truncated: page.truncated,
  });
  await cache?.put(hash, page.finalUrl, artifacts);
  return artifacts;
}

function withUrl(artifacts: PageArtifacts, url: string): PageArtifacts {
  return artifacts.url === url ? artifacts : { ...artifacts, url };
}

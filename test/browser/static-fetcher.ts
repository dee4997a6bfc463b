import { request } from "undici";
import type { ContentKind, FetchedPage, Fetcher } from "../../src/types/crawl.ts";

/**
 * A trivial static Fetcher for these tests only (the real HTTP fetcher lives in src/crawl/ and is
 * tested there): one undici GET, no redirects followed, kind from Content-Type. Records its calls.
 */
export function createStaticFetcher(): Fetcher & { calls: string[] } {
  const calls: string[] = [];
  return {
    name: "http",
    calls,
    async fetch(url): Promise<FetchedPage> {
      calls.push(url);
      const started = Date.now();
      const base = {
        url,
        finalUrl: url,
        truncated: false,
        redirects: [] as string[],
        fetcher: "http" as const,
        fetchedAt: new Date(started).toISOString(),
      };
      try {
        const res = await request(url);
        const body = new Uint8Array(await res.body.arrayBuffer());
        const type = String(res.headers["content-type"] ?? "");
        const kind: ContentKind = /html/.test(type) ? "html" : /pdf/.test(type) ? "pdf" : "other";
        return {
          ...base,
          status: res.statusCode,
          headers: { "content-type": type },
          body,
          contentKind: kind,
          durationMs: Date.now() - started,
          error: res.statusCode >= 400 ? { code: "http-4xx", message: String(res.statusCode) } : null,
        } satisfies FetchedPage;
      } catch (err) {
        return {
          ...base,
          status: 0,
          headers: {},
          body: null,
          contentKind: "other",
          durationMs: Date.now() - started,
          error: { code: "connect", message: String(err) },
        };
      }
    },
  };
}

import { appendFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  hashBody,
  indexByUrl,
  manifestPath,
  openRunReader,
  openRunWriter,
} from "../../src/snapshot/index.ts";
import type { ManifestEntry } from "../../src/types/index.ts";

const dirs: string[] = [];
async function tempRoot(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "nok-snap-"));
  dirs.push(d);
  return d;
}
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function entry(url: string, hash: string | null): ManifestEntry {
  return {
    site: "http://x/",
    url,
    finalUrl: url,
    status: 200,
    headers: { "content-type": "text/html" },
    hash,
    size: 5,
    truncated: false,
    contentKind: "html",
    fetchedAt: "2026-11-01T00:00:00.000Z",
    fetcher: "http",
    depth: 0,
    linkText: null,
    referrer: null,
    redirects: [],
    error: null,
  };
}

describe("snapshot store", () => {
  it("stores bodies content-addressed and compressed, once", async () => {
    const root = await tempRoot();
    const w = openRunWriter(root, "r1");
    const body = new TextEncoder().encode("<html>Привет</html>".repeat(100));
    const h1 = await w.putBody(body);
    const h2 = await w.putBody(body);
    expect(h1).toBe(hashBody(body));
    expect(h2).toBe(h1);
    const shards = await readdir(join(root, "objects"));
    expect(shards).toHaveLength(1);
    const files = await readdir(join(root, "objects", shards[0]!));
    expect(files).toHaveLength(1);
    const back = await openRunReader(root, "r1").body(h1);
    expect(new TextDecoder().decode(back)).toBe(new TextDecoder().decode(body));
  });

  it("reads a manifest back and skips a torn last line (crash mid-write)", async () => {
    const root = await tempRoot();
    const w = openRunWriter(root, "r2");
    await w.append(entry("http://x/a", "sha256:".padEnd(71, "a")));
    await w.append(entry("http://x/b", null));
    await w.flush();
    await appendFile(manifestPath(root, "r2"), '{"site":"http://x/","url":"http://x/c","fin');
    const got: string[] = [];
    for await (const e of openRunReader(root, "r2").entries()) got.push(e.url);
    expect(got).toEqual(["http://x/a", "http://x/b"]);
    const idx = await indexByUrl(openRunReader(root, "r2"));
    expect([...idx.keys()]).toEqual(["http://x/a"]);
  });

  it("writes appends made while a write is in flight, in order, each before its promise resolves", async () => {
    const root = await tempRoot();
    const w = openRunWriter(root, "r3");
    const urls = Array.from({ length: 200 }, (_, i) => `http://x/${i}`);
    const appends = urls.map((u) => w.append(entry(u, null)));
    // The first append resolves with its line on disk, whatever else is still queued.
    await appends[0];
    const first: string[] = [];
    for await (const e of openRunReader(root, "r3").entries()) first.push(e.url);
    expect(first[0]).toBe(urls[0]);
    await Promise.all(appends);
    await w.append(entry("http://x/last", null));
    await w.flush();
    const got: string[] = [];
    for await (const e of openRunReader(root, "r3").entries()) got.push(e.url);
    expect(got).toEqual([...urls, "http://x/last"]);
  });

  it("stores a body again after its shard folder was removed under a long-lived writer", async () => {
    const root = await tempRoot();
    const w = openRunWriter(root, "r4");
    const a = new TextEncoder().encode("<html>a</html>");
    const h = await w.putBody(a);
    await rm(join(root, "objects"), { recursive: true, force: true });
    expect(await w.putBody(a)).toBe(h);
    expect(new TextDecoder().decode(await openRunReader(root, "r4").body(h))).toBe("<html>a</html>");
  });

  it("refuses path tricks in run ids and hashes", async () => {
    const root = await tempRoot();
    expect(() => openRunReader(root, "../etc")).toThrow();
    await expect(openRunReader(root, "ok").body("sha256:../../x")).rejects.toThrow();
  });
});

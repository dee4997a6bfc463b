import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPool, POLITENESS_OFF } from "../../src/crawl/index.ts";
import { checkSites } from "../../src/pipeline/check-run.ts";
import { openRunReader } from "../../src/snapshot/index.ts";
import type { ManifestEntry } from "../../src/types/index.ts";
import { links, notFound, page, sendHtml, startSite, type TestSite } from "../fixtures/testweb/server.ts";

// Every extraction the pipeline runs, by URL: a reused one never shows up here.
const extracted = vi.hoisted(() => [] as string[]);
vi.mock("../../src/extract/index.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/extract/index.ts")>();
  return {
    ...real,
    extractArtifacts: (input: Parameters<typeof real.extractArtifacts>[0]) => {
      extracted.push(input.url);
      return real.extractArtifacts(input);
    },
  };
});

const LAST_MODIFIED = "Tue, 01 Sep 2026 09:00:00 GMT";

const pages: Record<string, string> = {
  "/": page(
    "Министерство социальной защиты",
    links([
      ["/etag/", "Общественный совет"],
      ["/dated/", "Документы"],
      ["/plain/", "Независимая оценка качества"],
    ]),
  ),
  "/etag/": page("Общественный совет", "<p>Состав общественного совета при министерстве.</p>"),
  "/dated/": page("Документы", "<p>Приказы министерства.</p>"),
  "/plain/": page("Независимая оценка качества", "<p>Раздел о независимой оценке качества.</p>"),
};

/** Statuses the server answered, by path and pass. */
const answered: string[] = [];
let site: TestSite;
let dir: string;

beforeAll(async () => {
  site = await startSite((req, res, url) => {
    const html = pages[url.pathname];
    if (!html) return notFound(res);
    const validators: Record<string, string> = {};
    // /etag/ carries an ETag, /dated/ a Last-Modified, /plain/ neither (the hash fallback); / an ETag too, but
    // the home page is always read whole (the crawl reads its search form itself).
    if (url.pathname === "/etag/" || url.pathname === "/")
      validators.etag = `"${createHash("sha1").update(html).digest("hex").slice(0, 12)}"`;
    if (url.pathname === "/dated/") validators["last-modified"] = LAST_MODIFIED;
    const fresh =
      (validators.etag && req.headers["if-none-match"] === validators.etag) ||
      (validators["last-modified"] && req.headers["if-modified-since"] === LAST_MODIFIED);
    answered.push(`${url.pathname} ${fresh ? 304 : 200}`);
    if (fresh) {
      res.writeHead(304, validators);
      res.end();
      return;
    }
    sendHtml(res, html, 200, validators);
  });
  dir = await mkdtemp(join(tmpdir(), "nok-rerun-reuse-"));
});

afterAll(async () => {
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

async function entries(runId: string): Promise<Map<string, ManifestEntry>> {
  const out = new Map<string, ManifestEntry>();
  for await (const e of openRunReader(dir, runId).entries()) out.set(new URL(e.url).pathname, e);
  return out;
}

describe("a re-run reuses what did not change", () => {
  it("answers 304 for validated pages and hashes the rest, extracting none of them again", async () => {
    const target = {
      url: `${site.origin}/`,
      kind: "authority" as const,
      sphere: null,
      region: null,
      name: null,
    };
    const options = {
      pool: createPool(POLITENESS_OFF),
      snapshotsDir: dir,
      render: "never" as const,
      busgov: false as const,
      asOf: "2026-10-01",
    };
    const first = await checkSites([target], options);
    const firstExtracted = extracted.splice(0);
    expect(firstExtracted.map((u) => new URL(u).pathname).sort()).toEqual([
      "/",
      "/dated/",
      "/etag/",
      "/plain/",
    ]);
    answered.splice(0);

    const second = await checkSites([target], options);
    // Nothing extracted again: 304s reuse the stored extraction, unchanged bodies hit it by their hash.
    expect(extracted).toEqual([]);
    expect(answered.sort()).toEqual(["/ 200", "/dated/ 304", "/etag/ 304", "/plain/ 200"]);

    const before = await entries(first.runId);
    const after = await entries(second.runId);
    for (const path of ["/", "/etag/", "/dated/", "/plain/"]) {
      expect(after.get(path)?.hash, path).toBe(before.get(path)?.hash);
    }
    expect(after.get("/etag/")?.notModified).toBe(true);
    // The 304 carries no Content-Type: the entry keeps the stored copy's kind and validators for the next run.
    expect(after.get("/etag/")?.contentKind).toBe("html");
    expect(after.get("/etag/")?.headers.etag).toBe(before.get("/etag/")?.headers.etag);
    expect(after.get("/plain/")?.notModified).toBeUndefined();
    for (const path of ["/plain/", "/"]) {
      const last = site.requests.filter((r) => r.path === path).at(-1);
      expect(last?.headers["if-none-match"], path).toBeUndefined();
      expect(last?.headers["if-modified-since"], path).toBeUndefined();
    }

    const verdicts = (run: typeof first) => run.sites[0]!.findings.map((f) => `${f.rule}:${f.status}`);
    expect(verdicts(second)).toEqual(verdicts(first));
  });
});

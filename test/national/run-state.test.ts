import { mkdtempSync } from "node:fs";
import { appendFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  cutTornTail,
  keyedWriter,
  openSitesLog,
  pruneManifest,
  readCompleted,
  siteKeys,
  sitesLogPath,
} from "../../src/pipeline/state/plan.ts";
import { manifestPath, openRunReader, openRunWriter } from "../../src/snapshot/index.ts";
import type { ManifestEntry, SiteResult } from "../../src/types/index.ts";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "nok-state-"));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function result(url: string): SiteResult {
  return {
    url,
    finalUrl: url,
    kind: "authority",
    region: "71",
    sphere: "health",
    name: null,
    status: "ok",
    error: null,
    crawl: {
      pages: 1,
      documents: 0,
      bytes: 1,
      errors: 0,
      skippedByRobots: 0,
      budgetExhausted: false,
      durationMs: 1,
    },
    score: null,
    findings: [],
  };
}

function entry(site: string, url: string): ManifestEntry {
  return {
    site,
    url,
    finalUrl: url,
    status: 200,
    headers: {},
    hash: null,
    size: 0,
    truncated: false,
    contentKind: "html",
    fetchedAt: "2026-01-01T00:00:00Z",
    fetcher: "http",
    depth: 0,
    linkText: null,
    referrer: null,
    redirects: [],
    error: null,
  };
}

describe("run state", () => {
  it("site keys tell apart targets sharing one URL", () => {
    expect(
      siteKeys([{ url: "http://a/" }, { url: "http://b/" }, { url: "http://a/" }, { url: "http://a/" }]),
    ).toEqual(["http://a/", "http://b/", "http://a/#2", "http://a/#3"]);
  });

  it("completed sites survive a torn last line, and the next append starts on a clean line", async () => {
    const root = tempDir();
    const log = openSitesLog(root, "run-1");
    await log.append("http://a/", result("http://a/"));
    await log.append("http://b/", result("http://b/"));
    // A crash in the middle of the third append.
    await appendFile(sitesLogPath(root, "run-1"), '{"key":"http://c/","result":{"url":"htt');
    const bad: number[] = [];
    const done = await readCompleted(root, "run-1", (line) => bad.push(line));
    expect([...done.keys()]).toEqual(["http://a/", "http://b/"]);
    expect(bad).toEqual([3]);

    const resumed = openSitesLog(root, "run-1");
    await resumed.append("http://c/", result("http://c/"));
    const after = await readCompleted(root, "run-1", (line) => bad.push(line));
    expect([...after.keys()]).toEqual(["http://a/", "http://b/", "http://c/"]);
    expect(after.get("http://c/")?.url).toBe("http://c/");
    expect(bad).toEqual([3]);
  });

  it("cutTornTail leaves complete files alone", async () => {
    const root = tempDir();
    const path = join(root, "x.jsonl");
    await writeFile(path, '{"a":1}\n{"b":2}\n');
    expect(await cutTornTail(path)).toBe(false);
    await appendFile(path, '{"c":');
    expect(await cutTornTail(path)).toBe(true);
    expect(await readFile(path, "utf8")).toBe('{"a":1}\n{"b":2}\n');
  });

  it("pruning keeps only the manifest entries of completed sites", async () => {
    const root = tempDir();
    const writer = openRunWriter(root, "run-2");
    await writer.append(entry("http://a/", "http://a/"));
    await keyedWriter(writer, "http://a/#2").append(entry("http://a/", "http://a/x"));
    await writer.append(entry("http://b/", "http://b/"));
    await writer.append(entry("http://a/", "http://a/y"));
    await writer.flush();
    await appendFile(manifestPath(root, "run-2"), '{"site":"http://a/","url":"ht');

    const { kept, dropped } = await pruneManifest(root, "run-2", new Set(["http://a/"]));
    expect([kept, dropped]).toEqual([2, 3]);
    const left: string[] = [];
    for await (const e of openRunReader(root, "run-2").entries()) left.push(`${e.site} ${e.url}`);
    expect(left).toEqual(["http://a/ http://a/", "http://a/ http://a/y"]);
  });

  it("pruning a run without a manifest is a no-op", async () => {
    const root = tempDir();
    await mkdir(join(root, "runs", "run-3"), { recursive: true });
    expect(await pruneManifest(root, "run-3", new Set())).toEqual({ kept: 0, dropped: 0 });
  });
});

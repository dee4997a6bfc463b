import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoSite, DEMO_AS_OF, DEMO_SPECS } from "../../demo/index.ts";
import { type ServedSite, serveSite } from "../../demo/web/server.ts";
import type { SiteBuild } from "../../demo/web/sites/builder.ts";
import { createPool, POLITENESS_OFF } from "../../src/crawl/index.ts";
import { type CheckOptions, checkSites } from "../../src/pipeline/check-run.ts";
import { openRunReader } from "../../src/snapshot/index.ts";
import type { RunResult } from "../../src/types/index.ts";

// The demo's model Bitrix site: every rule passes (or warns), its pages carry ETags.
let build: SiteBuild;
let served: ServedSite;
const roots: string[] = [];

beforeAll(async () => {
  ({ build } = await buildDemoSite(DEMO_SPECS.find((s) => s.id === "tula-social")!));
  served = await serveSite(build, { host: "127.0.0.1", latencyMs: 0 });
});

afterAll(async () => {
  await served?.close();
  for (const dir of roots) await rm(dir, { recursive: true, force: true });
});

async function check(dir: string, reuse = true): Promise<RunResult> {
  const options: CheckOptions = {
    pool: createPool(POLITENESS_OFF),
    asOf: DEMO_AS_OF,
    snapshotsDir: dir,
    render: "never",
    busgov: false,
    reuse,
  };
  const target = {
    url: `${served.origin}/`,
    kind: "authority" as const,
    sphere: null,
    region: null,
    name: null,
  };
  return checkSites([{ ...target, sphere: "social" }], options);
}

const verdicts = (run: RunResult) => run.sites[0]!.findings.map((f) => `${f.rule}:${f.status}`);
const status = (run: RunResult, rule: string) => run.sites[0]!.findings.find((f) => f.rule === rule)?.status;

async function requestedPaths(dir: string, runId: string): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  for await (const e of openRunReader(dir, runId).entries())
    out.set(new URL(e.url).pathname, e.notModified === true);
  return out;
}

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "nok-rerun-evidence-"));
  roots.push(dir);
  return dir;
}

describe("evidence first on a re-run", () => {
  it("stops once the unchanged evidence confirms every verdict, with the same verdicts", async () => {
    const dir = await freshDir();
    const first = await check(dir);
    expect(first.sites[0]!.findings.every((f) => ["pass", "warn", "n/a"].includes(f.status))).toBe(true);
    const second = await check(dir);
    expect(verdicts(second)).toEqual(verdicts(first));
    // Fewer pages than the first crawl, which went on until every rule was decided.
    expect(second.sites[0]!.crawl.pages).toBeLessThan(first.sites[0]!.crawl.pages);
    const read = await requestedPaths(dir, second.runId);
    // What it read came back 304 (the evidence pages; the home page is always read whole), none of it new.
    const firstRead = await requestedPaths(dir, first.runId);
    for (const [path, notModified] of read) {
      expect(firstRead.has(path), path).toBe(true);
      if (path !== "/") expect(notModified, path).toBe(true);
    }
  });

  it("a changed evidence page changes the verdict and the crawl goes on as a normal one", async () => {
    const dir = await freshDir();
    const first = await check(dir);
    expect(status(first, "authority/council-composition")).toBe("pass");
    const path = build.evidence.get("authority/council-composition")![0]!;
    const original = build.resources.get(path)!;
    build.resources.set(path, {
      kind: "page",
      render: () =>
        "<!DOCTYPE html><html lang='ru'><head><meta charset='utf-8'><title>Страница</title></head><body><h1>Страница обновляется</h1><p>Материалы будут размещены позже.</p></body></html>",
    });
    try {
      const second = await check(dir);
      expect(status(second, "authority/council-composition")).not.toBe("pass");
      const read = await requestedPaths(dir, second.runId);
      expect(read.get(path)).toBe(false);
      // No stop on the previous verdicts: it reads on as a crawl without any earlier run does, and judges alike.
      const fresh = await check(await freshDir(), false);
      expect(verdicts(second)).toEqual(verdicts(fresh));
      expect(second.sites[0]!.crawl.pages).toBeGreaterThanOrEqual(first.sites[0]!.crawl.pages);
    } finally {
      build.resources.set(path, original);
    }
  });

  it("a home page whose news changed still stops on the unchanged evidence, with the same verdicts", async () => {
    const dir = await freshDir();
    const first = await check(dir);
    const home = build.resources.get("/")!;
    if (home.kind !== "page") throw new Error("the demo's home page is a page");
    build.resources.set("/", {
      ...home,
      lastModified: undefined,
      render: (ctx) =>
        home.render(ctx).replace("</body>", "<p>Новость дня: в министерстве прошло совещание.</p></body>"),
    });
    try {
      const second = await check(dir);
      expect(verdicts(second)).toEqual(verdicts(first));
      expect(second.sites[0]!.crawl.pages).toBeLessThan(first.sites[0]!.crawl.pages);
    } finally {
      build.resources.set("/", home);
    }
  });
});

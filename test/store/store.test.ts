import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { open, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type RunRecord, StoreCorruptError } from "../../src/store/index.ts";
import type { Finding, RunResult, SiteResult, Status } from "../../src/types/index.ts";
import { RUN_RESULT_SCHEMA } from "../../src/types/index.ts";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "nok-store-"));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

function record(id: string, startedAt: string, patch: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    mode: "run",
    status: "running",
    asOf: startedAt.slice(0, 10),
    startedAt,
    finishedAt: null,
    registryFiles: ["/reg.yaml"],
    filters: { regions: [], spheres: [], kinds: [] },
    counts: {
      planned: 2,
      done: 0,
      sites: { ok: 0, partial: 0, unreachable: 0, blocked: 0 },
      findings: { pass: 0, warn: 0, fail: 0, unknown: 0, "n/a": 0 },
      pages: 0,
      errors: 0,
    },
    byRule: {},
    resultPath: null,
    snapshotsDir: "/snap",
    sourceRunId: null,
    compareRunId: null,
    error: null,
    process: null,
    ...patch,
  };
}

function finding(rule: string, status: Status): Finding {
  return { rule, status, title: rule, message: "", evidence: [], details: {} };
}

function site(url: string, statuses: Status[]): SiteResult {
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
      pages: 3,
      documents: 0,
      bytes: 10,
      errors: 1,
      skippedByRobots: 0,
      budgetExhausted: false,
      durationMs: 5,
    },
    score: 50,
    findings: statuses.map((s, i) => finding(`authority/r${i}`, s)),
  };
}

function result(runId: string, sites: SiteResult[]): RunResult {
  return {
    schema: RUN_RESULT_SCHEMA,
    tool: { name: "nok-monitor", version: "0" },
    runId,
    mode: "run",
    asOf: "2026-01-01",
    startedAt: "2026-01-01T00:00:00Z",
    finishedAt: "2026-01-01T01:00:00Z",
    sites,
    regions: [],
    national: null,
  };
}

describe("run store", () => {
  it("keeps runs, site summaries and history", async () => {
    const store = openStore(tempDir());
    await store.putRun(record("a", "2026-01-01T03:00:00Z"));
    await store.putRun(record("b", "2026-02-01T03:00:00Z"));
    await store.putRun(record("c", "2026-03-01T03:00:00Z"));
    await store.finishRun(
      "a",
      result("a", [site("http://x/", ["pass", "fail"]), site("http://y/", ["fail", "fail"])]),
      "/a.json",
    );
    await store.finishRun("c", result("c", [site("http://x/", ["pass", "pass"])]), "/c.json");
    await store.updateRun("b", { status: "interrupted" });

    expect((await store.listRuns()).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect((await store.latestFinished())?.id).toBe("c");
    expect((await store.latestUnfinished())?.id).toBe("b");
    expect((await store.previousFinished("c"))?.id).toBe("a");
    expect(await store.previousFinished("a")).toBeUndefined();

    const a = await store.getRun("a");
    expect(a?.status).toBe("finished");
    expect(a?.resultPath).toBe("/a.json");
    expect(a?.counts).toMatchObject({ planned: 2, done: 2, pages: 6, errors: 2 });
    expect(a?.counts.findings).toMatchObject({ pass: 1, fail: 3 });

    const summaries = await store.siteSummaries("a");
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toMatchObject({
      url: "http://x/",
      region: "71",
      sphere: "health",
      status: "ok",
      score: 50,
    });
    expect(summaries[0]?.counts).toMatchObject({ pass: 1, fail: 1 });

    expect((await store.siteHistory("http://x/")).map((s) => s.runId)).toEqual(["a", "c"]);
    const trend = await store.ruleTrend("authority/r0");
    expect(trend.map((p) => [p.runId, p.counts.pass, p.counts.fail])).toEqual([
      ["a", 1, 1],
      ["c", 1, 0],
    ]);
  });

  it("re-finishing a run replaces its site summaries", async () => {
    const store = openStore(tempDir());
    await store.putRun(record("a", "2026-01-01T03:00:00Z"));
    await store.finishRun(
      "a",
      result("a", [site("http://x/", ["pass"]), site("http://y/", ["fail"])]),
      "/a.json",
    );
    await store.finishRun("a", result("a", [site("http://x/", ["fail"])]), "/a.json");
    expect(await store.siteSummaries("a")).toHaveLength(1);
  });

  it("writes by rename (steno), so a reader never sees a half-written file", async () => {
    const dir = tempDir();
    const store = openStore(dir);
    await store.putRun(record("first", "2026-01-01T00:00:00Z"));
    // An open handle keeps the old file: with rename it still reads the old content; in-place writes would change it.
    const oldFile = await open(store.path, "r");
    const oldText = await readFile(store.path, "utf8");
    // A big store makes a torn in-place write observable if there were one.
    const big = result(
      "big",
      Array.from({ length: 400 }, (_, i) => site(`http://s${i}.example/`, ["pass", "fail", "unknown"])),
    );
    await store.putRun(record("big", "2026-01-02T00:00:00Z"));
    let reading = true;
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        JSON.parse(await readFile(store.path, "utf8"));
        reads++;
      }
    })();
    for (let i = 0; i < 5; i++) await store.finishRun("big", big, `/big-${i}.json`);
    reading = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    const kept = await oldFile.readFile("utf8");
    await oldFile.close();
    expect(kept).toBe(oldText);
    expect(await readFile(store.path, "utf8")).not.toBe(oldText);
  });

  it("a torn temp file left by a crash does not corrupt the store", async () => {
    const dir = tempDir();
    const store = openStore(dir);
    await store.putRun(record("a", "2026-01-01T00:00:00Z"));
    // steno writes `.nok.json.tmp` and renames it: a crash mid-write leaves only this torn temp file.
    await writeFile(join(dir, ".nok.json.tmp"), '{"schema":"nok-monitor/store@1","runs":[{"id":"hal');
    const reopened = openStore(dir);
    expect((await reopened.listRuns()).map((r) => r.id)).toEqual(["a"]);
    await reopened.putRun(record("b", "2026-01-02T00:00:00Z"));
    expect((await openStore(dir).listRuns()).map((r) => r.id)).toEqual(["a", "b"]);
    JSON.parse(await readFile(join(dir, "nok.json"), "utf8"));
  });

  it("a corrupt store file is reported with its path, never silently reset", async () => {
    const dir = tempDir();
    await writeFile(join(dir, "nok.json"), "{ not json");
    const store = openStore(dir);
    await expect(store.listRuns()).rejects.toThrow(StoreCorruptError);
    await expect(store.listRuns()).rejects.toThrow(join(dir, "nok.json"));
    expect(await readFile(join(dir, "nok.json"), "utf8")).toBe("{ not json");
  });

  it("two processes writing at once lose no record", async () => {
    const dir = tempDir();
    const script = join(dir, "writer.mts");
    const storeModule = new URL("../../src/store/index.ts", import.meta.url).pathname;
    await writeFile(
      script,
      `import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStore } from ${JSON.stringify(storeModule)};
const [dir, tag] = process.argv.slice(2);
const store = openStore(dir);
// Both writers start together (the test says go once both are ready), so their read-modify-writes interleave.
writeFileSync(join(dir, "ready-" + tag), "");
while (!existsSync(join(dir, "go"))) await new Promise((r) => setTimeout(r, 5));
for (let i = 0; i < 100; i++) {
  const id = tag + "-" + String(i).padStart(3, "0");
  await store.putRun({ id, mode: "run", status: "running", asOf: "2026-01-01", startedAt: "2026-01-01T00:00:00Z",
    finishedAt: null, registryFiles: [], filters: { regions: [], spheres: [], kinds: [] },
    counts: { planned: 0, done: 0, sites: { ok: 0, partial: 0, unreachable: 0, blocked: 0 }, findings: { pass: 0, warn: 0, fail: 0, unknown: 0, "n/a": 0 }, pages: 0, errors: 0 },
    byRule: {}, resultPath: null, snapshotsDir: "", sourceRunId: null, compareRunId: null, error: null, process: null });
}
`,
    );
    const run = (tag: string) =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", script, dir, tag], { stdio: "inherit" });
        child.on("error", reject);
        child.on("exit", (code) => resolve(code ?? -1));
      });
    const done = Promise.all([run("p"), run("q")]);
    for (let i = 0; i < 2000 && !(existsSync(join(dir, "ready-p")) && existsSync(join(dir, "ready-q"))); i++)
      await new Promise((r) => setTimeout(r, 10));
    await writeFile(join(dir, "go"), "");
    expect(await done).toEqual([0, 0]);
    const ids = (await openStore(dir).listRuns()).map((r) => r.id);
    expect(ids).toHaveLength(200);
  });
});

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRunSource } from "../../src/server/run-source.ts";
import { emptyStatusCounts, openStore, type RunRecord } from "../../src/store/index.ts";
import { checkRun } from "../report/fixtures.ts";
import { nationalFixture, writeRun } from "./fixtures.ts";

describe("run source", () => {
  let dir: string;
  let options: { snapshotsDir: string; reportsDir: string; dataDir: string };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "nok-run-source-"));
    options = {
      snapshotsDir: join(dir, "snapshots"),
      reportsDir: join(dir, "reports"),
      dataDir: join(dir, "data"),
    };
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads runs from result files on disk, skipping broken ones, and tells national runs from self-checks", async () => {
    const national = nationalFixture("2026-11-01T02-00-00Z-run-aaaaaa", "2026-11-01", 0);
    await writeRun(options.snapshotsDir, national);
    await writeRun(options.snapshotsDir, checkRun());
    await mkdir(join(options.snapshotsDir, "runs", "broken"), { recursive: true });
    await writeFile(join(options.snapshotsDir, "runs", "broken", "result.json"), "{ torn");
    const source = createRunSource(options);
    expect((await source.list()).map((e) => e.id).sort()).toEqual([national.runId, "check-1"].sort());
    expect((await source.national()).map((e) => e.id)).toEqual([national.runId]);
    const entry = await source.entry(national.runId);
    expect(entry?.sites).toBe(national.sites.length);
    expect(entry?.byRule["authority/nok-section"]).toBeDefined();
    expect(await source.load("broken")).toBeNull();
    expect(await source.load("../../etc")).toBeNull();
  });

  it("finds finished runs through the store, wherever their result file lives", async () => {
    const national = nationalFixture("2026-12-01T02-00-00Z-run-cccccc", "2026-12-01", 2);
    const elsewhere = join(dir, "archive", "result.json");
    await mkdir(join(dir, "archive"), { recursive: true });
    await writeFile(elsewhere, JSON.stringify(national));
    const store = openStore(options.dataDir);
    const record: RunRecord = {
      id: national.runId,
      mode: "run",
      status: "running",
      asOf: national.asOf,
      startedAt: national.startedAt,
      finishedAt: null,
      registryFiles: [],
      filters: { regions: [], spheres: [], kinds: [] },
      counts: {
        planned: national.sites.length,
        done: 0,
        sites: { ok: 0, partial: 0, unreachable: 0, blocked: 0 },
        findings: emptyStatusCounts(),
        pages: 0,
        errors: 0,
      },
      byRule: {},
      resultPath: null,
      snapshotsDir: options.snapshotsDir,
      sourceRunId: null,
      compareRunId: null,
      error: null,
      process: null,
    };
    await store.putRun(record);
    const source = createRunSource(options);
    expect(await source.national()).toEqual([]);
    await store.finishRun(national.runId, national, elsewhere);
    expect((await source.national()).map((e) => e.id)).toEqual([national.runId]);
    expect((await source.load(national.runId))?.asOf).toBe("2026-12-01");
  });

  it("points at written report files only when they exist", async () => {
    const source = createRunSource(options);
    expect(await source.reportFile("run-x", "report.html")).toBeNull();
    await mkdir(join(options.reportsDir, "run-x"), { recursive: true });
    await writeFile(join(options.reportsDir, "run-x", "report.html"), "<!DOCTYPE html>");
    expect(await source.reportFile("run-x", "report.html")).toBe(
      join(options.reportsDir, "run-x", "report.html"),
    );
    expect(await source.reportFile("../x", "report.html")).toBeNull();
  });
});

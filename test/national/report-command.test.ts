import { existsSync, mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { registerReport } from "../../src/cli/commands/report.ts";
import { runNational } from "../../src/pipeline/run.ts";
import type { RunResult } from "../../src/types/index.ts";
import { type LocalWeb, NATIONAL_SPECS, startLocalWeb, writeRegistry } from "./web.ts";

let web: LocalWeb;
let dir: string;
let first: RunResult;
let second: RunResult;
const saved = { data: process.env.NOK_DATA_DIR, snapshots: process.env.NOK_SNAPSHOTS_DIR };

beforeAll(async () => {
  web = await startLocalWeb(NATIONAL_SPECS.slice(2));
  dir = mkdtempSync(join(tmpdir(), "nok-report-"));
  const registry = await writeRegistry(dir, web.sites);
  const paths = { dataDir: join(dir, "data"), snapshotsDir: join(dir, "snapshots"), hostIntervalMs: 0 };
  first = await runNational({ registryFiles: [registry], asOf: "2026-06-01", ...paths });
  second = await runNational({ registryFiles: [registry], asOf: "2026-06-01", ...paths });
  process.env.NOK_DATA_DIR = paths.dataDir;
  process.env.NOK_SNAPSHOTS_DIR = paths.snapshotsDir;
});
afterAll(async () => {
  process.env.NOK_DATA_DIR = saved.data;
  process.env.NOK_SNAPSHOTS_DIR = saved.snapshots;
  if (saved.data === undefined) delete process.env.NOK_DATA_DIR;
  if (saved.snapshots === undefined) delete process.env.NOK_SNAPSHOTS_DIR;
  await web.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs `nok report …` in-process and returns what it printed to stdout. */
async function report(...args: string[]): Promise<{ stdout: string; code: number | string | undefined }> {
  const out: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  const program = new Command().exitOverride();
  registerReport(program);
  await program.parseAsync(["node", "nok", "report", ...args]);
  return { stdout: out.join(""), code: process.exitCode };
}

describe("nok report", () => {
  it("re-renders the latest run, compared by default with the last finished run before it", async () => {
    const out = join(dir, "rep-latest");
    const { stdout, code } = await report("latest", "--format", "json,md", "--out", out, "--json");
    const run = JSON.parse(stdout) as RunResult;
    expect(run.runId).toBe(second.runId);
    expect(run.compare?.runId).toBe(first.runId);
    expect(existsSync(join(out, "report.md"))).toBe(true);
    expect(code).toBe(1);
  });

  it("--compare names the other run; --no-compare keeps the stored result as it is", async () => {
    const explicit = JSON.parse(
      (
        await report(
          first.runId,
          "--format",
          "json",
          "--out",
          join(dir, "rep-a"),
          "--json",
          "--compare",
          second.runId,
        )
      ).stdout,
    ) as RunResult;
    expect(explicit.runId).toBe(first.runId);
    expect(explicit.compare?.runId).toBe(second.runId);

    const plain = JSON.parse(
      (await report(first.runId, "--format", "json", "--out", join(dir, "rep-b"), "--json", "--no-compare"))
        .stdout,
    ) as RunResult;
    expect(plain.compare ?? null).toBeNull();
  });

  it("without --json prints the ministry-style digest", async () => {
    const { stdout } = await report(second.runId, "--format", "md", "--out", join(dir, "rep-c"));
    expect(stdout).toContain(`Прогон ${second.runId} (run), на дату 2026-06-01`);
    expect(stdout).toContain(
      "На сайте нет раздела о независимой оценке качества — 1 субъект: Республика Калмыкия (здравоохранение)",
    );
    expect(stdout).toContain(`Изменения с прогона ${first.runId}`);
  });

  it("an unknown run is a usage error naming it", async () => {
    await expect(report("no-such-run", "--format", "json", "--out", join(dir, "x"))).rejects.toThrow(
      /прогон «no-such-run» не найден/,
    );
  });
});

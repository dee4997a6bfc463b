import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunInterruptedError, runNational } from "../../src/pipeline/run.ts";
import { RunLockedError } from "../../src/pipeline/state/lock.ts";
import { createDaemonLogger, type DaemonLogger, startScheduler } from "../../src/schedule/index.ts";
import { openStore } from "../../src/store/index.ts";
import type { RunResult } from "../../src/types/index.ts";
import { type LocalWeb, NATIONAL_SPECS, startLocalWeb, writeRegistry } from "../national/web.ts";

const NOK = new URL("../../bin/nok.js", import.meta.url).pathname;

let web: LocalWeb;
let root: string;
let registry: string;

beforeAll(async () => {
  web = await startLocalWeb(NATIONAL_SPECS.slice(0, 2));
  root = mkdtempSync(join(tmpdir(), "nok-schedule-"));
  registry = await writeRegistry(root, web.sites);
});
afterAll(async () => {
  await web.close();
  await rm(root, { recursive: true, force: true });
});

function capture(): { logger: DaemonLogger; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    logger: createDaemonLogger({ format: "plain", write: (t) => lines.push(...t.trimEnd().split("\n")) }),
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function hold(site: LocalWeb["sites"][number]): () => void {
  let release!: () => void;
  site.hold = new Promise<void>((r) => {
    release = r;
  });
  return () => {
    site.hold = null;
    release();
  };
}

describe("daemon log", () => {
  it("journald format prefixes every line with its priority; plain lines carry time and level", () => {
    const out: string[] = [];
    const j = createDaemonLogger({ format: "journald", write: (t) => out.push(t) });
    j.info("прогон начат");
    j.warn("две\nстроки");
    j.error("сбой", new Error("подробности"));
    expect(out.join("")).toBe("<6>прогон начат\n<4>две\n<4>строки\n<3>сбой: подробности\n");
    const plain: string[] = [];
    createDaemonLogger({ format: "plain", write: (t) => plain.push(t) }).info("готово");
    expect(plain[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z ИНФО готово\n$/);
  });
});

describe("scheduler", () => {
  it("starts runs on schedule, never two at once, and stops cleanly", async () => {
    const dataDir = join(root, "data-cron");
    const { logger, lines } = capture();
    const finished: RunResult[] = [];
    const release = hold(web.sites[0]!);
    const scheduler = await startScheduler({
      cron: "* * * * * *",
      registryFiles: [registry],
      asOf: "2026-06-01",
      hostIntervalMs: 0,
      dataDir,
      snapshotsDir: join(root, "snapshots"),
      formats: ["json"],
      reportsDirFor: (id) => join(root, "reports", id),
      logger,
      onRunFinished: (run) => finished.push(run),
    });
    // A second daemon on the same data dir is refused.
    await expect(
      startScheduler({ registryFiles: [registry], dataDir, logger: capture().logger }),
    ).rejects.toThrow(RunLockedError);
    // The first run hangs on the held site while the schedule keeps ticking: the ticks are skipped.
    await until(
      () => lines.some((l) => l.includes("срабатывание расписания пропущено")),
      "an overlapping tick",
    );
    expect(scheduler.busy()).toBe(true);
    release();
    await until(() => finished.length >= 1, "the first run to finish");
    await scheduler.stop();

    expect(existsSync(join(dataDir, "run.lock"))).toBe(false);
    expect(existsSync(join(dataDir, "schedule.lock"))).toBe(false);
    const runs = await openStore(dataDir).listRuns();
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.some((r) => r.status === "running")).toBe(false);
    for (let i = 1; i < runs.length; i++) {
      const prev = runs[i - 1]!;
      expect(prev.finishedAt).not.toBeNull();
      expect(runs[i]!.startedAt >= prev.finishedAt!).toBe(true);
    }
    expect(existsSync(join(root, "reports", finished[0]!.runId, "result.json"))).toBe(true);
    expect(lines.some((l) => l.includes("ИНФО планировщик остановлен"))).toBe(true);
  });

  it("resumes an interrupted run when it starts", async () => {
    const dataDir = join(root, "data-resume");
    const snapshotsDir = join(root, "snapshots-resume");
    const controller = new AbortController();
    const err = await runNational({
      registryFiles: [registry],
      asOf: "2026-06-01",
      concurrency: 1,
      hostIntervalMs: 0,
      dataDir,
      snapshotsDir,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.completed) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunInterruptedError);
    const finished: RunResult[] = [];
    const scheduler = await startScheduler({
      registryFiles: [registry],
      hostIntervalMs: 0,
      dataDir,
      snapshotsDir,
      formats: ["json"],
      reportsDirFor: (id) => join(root, "reports", id),
      logger: capture().logger,
      onRunFinished: (run) => finished.push(run),
    });
    await scheduler.idle();
    await scheduler.stop();
    expect(finished.map((r) => r.runId)).toEqual([(err as RunInterruptedError).runId]);
    expect(finished[0]?.sites).toHaveLength(2);
  });

  it("`nok schedule` stops on SIGTERM mid-run: state saved, locks released, journald priorities", async () => {
    const dataDir = join(root, "data-cli");
    const release = hold(web.sites[1]!);
    const child = spawn(
      process.execPath,
      [
        NOK,
        "schedule",
        "--cron",
        "* * * * * *",
        "--registry",
        registry,
        "--log",
        "journald",
        "--host-interval",
        "0",
        "--format",
        "json",
      ],
      {
        env: { ...process.env, NOK_DATA_DIR: dataDir, NOK_SNAPSHOTS_DIR: join(root, "snapshots-cli") },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      // The run is under way once the second (held) site has been asked for something.
      await until(
        () => stderr.includes("<6>прогон ") && web.sites[1]!.requests.length > 0,
        "a run in progress",
      );
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      release();
      child.kill("SIGKILL");
    }
    expect(stderr).toMatch(/^<6>планировщик запущен: расписание «\* \* \* \* \* \*»/m);
    expect(stderr).toMatch(/^<4>прогон .+ прерван; продолжить: nok run --resume /m);
    expect(stderr).toMatch(/^<6>планировщик остановлен$/m);
    expect(existsSync(join(dataDir, "run.lock"))).toBe(false);
    expect(existsSync(join(dataDir, "schedule.lock"))).toBe(false);
    const runs = await openStore(dataDir).listRuns();
    expect(runs.map((r) => r.status)).toEqual(["interrupted"]);
  });
});

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runNational } from "../../src/pipeline/run.ts";
import { acquireRunLock, type LockInfo, RunLockedError, readRunLock } from "../../src/pipeline/state/lock.ts";
import { openStore } from "../../src/store/index.ts";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "nok-lock-"));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** The pid of a process that has just exited: certainly not running. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(r.stdout.toString());
}

function lockInfo(patch: Partial<LockInfo>): LockInfo {
  return {
    pid: 1,
    hostname: hostname(),
    startedAt: "2026-11-01T03:00:00.000Z",
    runId: "2026-11-01T03-00-00Z-run-abcdef",
    command: "run",
    nonce: "0123456789abcdef",
    ...patch,
  };
}

describe("run lock", () => {
  it("records pid, host and start time, and refuses a second holder while the first lives", async () => {
    const dir = tempDir();
    const lock = await acquireRunLock(dir, { runId: "r1" });
    const onDisk = await readRunLock(dir);
    expect(onDisk).toMatchObject({ pid: process.pid, hostname: hostname(), runId: "r1", command: "run" });
    expect(Date.parse(onDisk!.startedAt)).not.toBeNaN();

    const second = acquireRunLock(dir);
    await expect(second).rejects.toThrow(RunLockedError);
    await expect(acquireRunLock(dir)).rejects.toThrow(/уже идёт прогон r1: процесс \d+ на /);

    await lock.release();
    expect(existsSync(join(dir, "run.lock"))).toBe(false);
    const again = await acquireRunLock(dir);
    await again.release();
  });

  it("takes over a stale lock whose process is dead, with a warning", async () => {
    const dir = tempDir();
    const pid = deadPid();
    await writeFile(join(dir, "run.lock"), JSON.stringify(lockInfo({ pid })));
    const warnings: string[] = [];
    const lock = await acquireRunLock(dir, { onWarning: (m) => warnings.push(m) });
    expect(lock.takenOver?.pid).toBe(pid);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`процесс ${pid}`);
    expect(warnings[0]).toContain("больше не существует");
    expect((await readRunLock(dir))?.pid).toBe(process.pid);
    await lock.release();
  });

  it("refuses a lock held on another host (its process cannot be checked) and says how to clear it", async () => {
    const dir = tempDir();
    await writeFile(
      join(dir, "run.lock"),
      JSON.stringify(lockInfo({ pid: deadPid(), hostname: "other-host" })),
    );
    const err = await acquireRunLock(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunLockedError);
    expect((err as Error).message).toContain("other-host");
    expect((err as Error).message).toContain(join(dir, "run.lock"));
  });

  it("release never removes a lock another process took over", async () => {
    const dir = tempDir();
    const lock = await acquireRunLock(dir);
    const foreign = lockInfo({ pid: process.pid, nonce: "ffffffffffffffff" });
    await writeFile(join(dir, "run.lock"), JSON.stringify(foreign));
    await lock.release();
    expect(JSON.parse(await readFile(join(dir, "run.lock"), "utf8")).nonce).toBe("ffffffffffffffff");
  });

  it("a national run is refused while another holds the lock, before anything is written", async () => {
    const dir = tempDir();
    const lock = await acquireRunLock(dir, { runId: "other-run" });
    const err = await runNational({
      registryFiles: [join(dir, "missing.yaml")],
      dataDir: dir,
      snapshotsDir: join(dir, "snapshots"),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunLockedError);
    expect((err as Error).message).toContain("other-run");
    expect(await openStore(dir).listRuns()).toEqual([]);
    expect(existsSync(join(dir, "snapshots"))).toBe(false);
    await lock.release();
  });

  it("a stale lock's run is marked interrupted when the lock is taken over", async () => {
    const dir = tempDir();
    const store = openStore(dir);
    const runId = "2026-11-01T03-00-00Z-run-abcdef";
    await store.putRun({
      id: runId,
      mode: "run",
      status: "running",
      asOf: "2026-11-01",
      startedAt: "2026-11-01T03:00:00.000Z",
      finishedAt: null,
      registryFiles: [],
      filters: { regions: [], spheres: [], kinds: [] },
      counts: {
        planned: 1,
        done: 0,
        sites: { ok: 0, partial: 0, unreachable: 0, blocked: 0 },
        findings: { pass: 0, warn: 0, fail: 0, unknown: 0, "n/a": 0 },
        pages: 0,
        errors: 0,
      },
      byRule: {},
      resultPath: null,
      snapshotsDir: join(dir, "snapshots"),
      sourceRunId: null,
      compareRunId: null,
      error: null,
      process: null,
    });
    await writeFile(join(dir, "run.lock"), JSON.stringify(lockInfo({ pid: deadPid(), runId })));
    const logs: string[] = [];
    // The new run itself fails (no registry), but the takeover has happened first.
    await runNational({
      registryFiles: [],
      dataDir: dir,
      snapshotsDir: join(dir, "snapshots"),
      onLog: (_level, m) => logs.push(m),
    }).catch(() => undefined);
    expect(logs.some((m) => m.includes("снята устаревшая блокировка"))).toBe(true);
    expect((await store.getRun(runId))?.status).toBe("interrupted");
    expect(existsSync(join(dir, "run.lock"))).toBe(false);
  });
});

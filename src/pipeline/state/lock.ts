/**
 * One national run at a time per data dir. The lock file holds pid, hostname and start time; it survives a
 * crash, and a lock whose process is dead (same host) is taken over with a warning.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { UsageError } from "../../util/errors.ts";

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  runId: string | null;
  /** What holds it: "run", "schedule", … */
  command: string;
  /** Identifies this holder, so a release never removes another's lock. */
  nonce: string;
}

export interface RunLock {
  readonly path: string;
  readonly info: LockInfo;
  /** The dead holder whose lock was taken over, if any. */
  readonly takenOver: LockInfo | null;
  setRunId(runId: string): Promise<void>;
  release(): Promise<void>;
}

export class RunLockedError extends UsageError {
  override name = "RunLockedError";
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(describeHolder(lockPath, holder));
  }
}

export interface AcquireOptions {
  runId?: string | null;
  command?: string;
  /** Lock file name inside the data dir. */
  name?: string;
  onWarning?: (message: string) => void;
  /**
   * How long a live-looking holder on this host is given to disappear before the lock is refused: right after a
   * `kill -9` the process lingers for a moment (a zombie until its parent reaps it), and `--resume` typed at
   * once must not be refused for it. Default 5 s.
   */
  waitForHolderMs?: number;
}

export function lockPathOf(dataDir: string, name = "run.lock"): string {
  return join(dataDir, name);
}

export async function acquireRunLock(dataDir: string, options: AcquireOptions = {}): Promise<RunLock> {
  const path = lockPathOf(dataDir, options.name);
  await mkdir(dataDir, { recursive: true });
  const info: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    runId: options.runId ?? null,
    command: options.command ?? "run",
    nonce: randomBytes(8).toString("hex"),
  };
  let takenOver: LockInfo | null = null;
  const tmp = `${path}.${process.pid}.${info.nonce}.tmp`;
  await writeFile(tmp, `${JSON.stringify(info, null, 2)}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        // link() creates the lock with its full content or fails with EEXIST: no half-written lock is ever seen.
        await link(tmp, path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 3) throw err;
      }
      const raw = await readRaw(path);
      if (raw === null) continue;
      const holder = parseLock(raw);
      if (holder && holder.hostname !== info.hostname) throw new RunLockedError(path, holder);
      if (holder && !(await holderGone(holder.pid, options.waitForHolderMs ?? 5_000)))
        throw new RunLockedError(path, holder);
      // Dead holder (or an unreadable lock file): move it aside only if it is still the one we judged.
      if ((await readRaw(path)) !== raw) continue;
      await rename(path, `${path}.stale`).catch(() => undefined);
      takenOver = holder ?? { ...info, pid: 0, runId: null, command: "?", nonce: "?" };
      options.onWarning?.(
        holder
          ? `снята устаревшая блокировка ${path}: процесс ${holder.pid} на ${holder.hostname} (${holder.command}${holder.runId ? `, прогон ${holder.runId}` : ""}, начат ${holder.startedAt}) больше не существует`
          : `снята повреждённая блокировка ${path}`,
      );
    }
  } finally {
    await rm(tmp, { force: true });
  }

  let current = info;
  return {
    path,
    get info() {
      return current;
    },
    takenOver,
    async setRunId(runId: string) {
      current = { ...current, runId };
      const next = `${path}.${process.pid}.${current.nonce}.tmp`;
      await writeFile(next, `${JSON.stringify(current, null, 2)}\n`);
      await rename(next, path);
    },
    async release() {
      const holder = parseLock((await readRaw(path)) ?? "");
      if (holder?.nonce === current.nonce) await rm(path, { force: true });
    },
  };
}

export async function readRunLock(dataDir: string, name = "run.lock"): Promise<LockInfo | null> {
  const raw = await readRaw(lockPathOf(dataDir, name));
  return raw === null ? null : parseLock(raw);
}

/**
 * kill(pid, 0): ESRCH means gone; EPERM means it exists under another user. A zombie (killed, not yet reaped
 * by its parent) still answers kill(pid, 0) but will never run again: on Linux /proc tells it apart.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) S …"; comm may hold spaces and parentheses, the state follows the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}

/** True once the process is gone, polling for up to `waitMs`. */
async function holderGone(pid: number, waitMs: number): Promise<boolean> {
  const until = Date.now() + waitMs;
  for (;;) {
    if (!isProcessAlive(pid)) return true;
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function readRaw(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

function parseLock(raw: string): LockInfo | null {
  try {
    const v = JSON.parse(raw) as LockInfo;
    return typeof v?.pid === "number" && typeof v.hostname === "string" ? v : null;
  } catch {
    return null;
  }
}

function describeHolder(path: string, h: LockInfo): string {
  const what = h.command === "schedule" ? "планировщик" : "прогон";
  const run = h.runId ? ` ${h.runId}` : "";
  const base = `уже идёт ${what}${run}: процесс ${h.pid} на ${h.hostname}, начат ${h.startedAt}. Два прогона одновременно не запускаются — дождитесь окончания`;
  return h.hostname === hostname()
    ? `${base}.`
    : `${base}; блокировку держит другой компьютер, проверить его процесс отсюда нельзя — если прогона там точно нет, удалите ${path}.`;
}

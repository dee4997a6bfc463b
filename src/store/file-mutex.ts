import { mkdir, open, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";

export interface FileMutexOptions {
  /** Give up waiting after this long. */
  timeoutMs?: number;
  /** A mutex file older than this was left by a crashed process: it is removed. */
  staleMs?: number;
}

const chains = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` while holding `lockPath` (created with O_EXCL). Store updates are read-modify-write of one JSON
 * file: a recheck may write while a national run writes, and each process holds its own copy of the data.
 * Calls within one process are chained first so they do not poll against each other.
 */
export function withFileMutex<T>(
  lockPath: string,
  fn: () => Promise<T>,
  options: FileMutexOptions = {},
): Promise<T> {
  const previous = chains.get(lockPath) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => holding(lockPath, fn, options));
  const tail = next.catch(() => undefined);
  chains.set(lockPath, tail);
  void tail.then(() => {
    if (chains.get(lockPath) === tail) chains.delete(lockPath);
  });
  return next;
}

async function holding<T>(lockPath: string, fn: () => Promise<T>, options: FileMutexOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const staleMs = options.staleMs ?? 30_000;
  await mkdir(dirname(lockPath), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const age = await ageMs(lockPath);
    if (age !== null && age > staleMs) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(
        `хранилище занято другим процессом дольше ${Math.round(timeoutMs / 1000)} с: ${lockPath}`,
      );
    await new Promise((r) => setTimeout(r, wait));
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function ageMs(path: string): Promise<number | null> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

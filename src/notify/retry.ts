/** Retries a delivery with exponential backoff; every attempt is recorded, the last error is kept. */

export interface RetryOptions {
  /** Attempts in all (default 3). */
  attempts?: number;
  /** Delay before the second attempt, doubled each time (default 2000 ms). */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface AttemptRecord {
  at: string;
  ok: boolean;
  error?: string;
}

export interface RetryOutcome<T> {
  ok: boolean;
  value?: T;
  attempts: AttemptRecord[];
  error?: string;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<RetryOutcome<T>> {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const base = opts.baseDelayMs ?? 2000;
  const sleep = opts.sleep ?? defaultSleep;
  const log: AttemptRecord[] = [];
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await sleep(base * 2 ** (i - 1));
    try {
      const value = await fn();
      log.push({ at: new Date().toISOString(), ok: true });
      return { ok: true, value, attempts: log };
    } catch (err) {
      log.push({ at: new Date().toISOString(), ok: false, error: (err as Error).message ?? String(err) });
    }
  }
  return { ok: false, attempts: log, error: log.at(-1)?.error ?? "неизвестная ошибка" };
}

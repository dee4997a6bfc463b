import PQueue from "p-queue";

export interface Pacer {
  /** Runs `task` alone, starting no sooner than `minIntervalMs` after the previous task finished. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Start and end times (by the pacer's clock) of every task, for diagnostics and tests. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export interface PacerOptions {
  minIntervalMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One request at a time with a pause between them: bus.gov.ru treats fast paging as spam (a public
 * C# scraper sleeps 2 s between pages, anchors.md §5.3). The pause runs from the end of one request to
 * the start of the next, so the server never sees two requests closer than `minIntervalMs`, however
 * slow its answers. p-queue serialises; the pause is measured here so it holds for retries too and can
 * be checked with an injected clock.
 */
export function createPacer({ minIntervalMs, now = Date.now, sleep = realSleep }: PacerOptions): Pacer {
  const queue = new PQueue({ concurrency: 1 });
  const starts: number[] = [];
  const ends: number[] = [];
  let lastEnd: number | null = null;
  return {
    starts,
    ends,
    run<T>(task: () => Promise<T>): Promise<T> {
      return queue.add(async () => {
        if (lastEnd !== null) {
          const wait = lastEnd + minIntervalMs - now();
          if (wait > 0) await sleep(wait);
        }
        starts.push(now());
        try {
          return await task();
        } finally {
          lastEnd = now();
          ends.push(lastEnd);
        }
      });
    },
  };
}

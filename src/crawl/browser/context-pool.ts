import PQueue from "p-queue";
import type { Browser, BrowserContext } from "playwright-core";

export interface ContextPool {
  /** Runs `fn` with a context of its own; at most `size` run at once. */
  use<T>(fn: (context: BrowserContext) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A few reusable browser contexts. Contexts are cheap next to a browser but not free, so they are
 * created on demand up to `size` and reused; cookies are cleared between uses so one site's state
 * never leaks into the next page.
 */
export function createContextPool(
  browser: Browser,
  size: number,
  create: (browser: Browser) => Promise<BrowserContext>,
): ContextPool {
  const queue = new PQueue({ concurrency: Math.max(1, size) });
  const idle: BrowserContext[] = [];
  const all = new Set<BrowserContext>();
  return {
    use(fn) {
      return queue.add(async () => {
        let context = idle.pop();
        if (!context) {
          context = await create(browser);
          all.add(context);
        }
        try {
          return await fn(context);
        } finally {
          await context.clearCookies().catch(() => {});
          idle.push(context);
        }
      });
    },
    async close() {
      queue.clear();
      await Promise.all([...all].map((c) => c.close().catch(() => {})));
      all.clear();
      idle.length = 0;
    },
  };
}

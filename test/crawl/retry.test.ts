import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { parseRetryAfter, resolveRetryOptions, retryDelayMs, withRetry } from "../../src/crawl/retry.ts";
import type { FetchedPage, Fetcher } from "../../src/types/index.ts";
import { startTestWeb, type TestWeb } from "../fixtures/testweb/index.ts";

let web: TestWeb;
let fetcher: Fetcher;

beforeAll(async () => {
  web = await startTestWeb();
  fetcher = createHttpFetcher({ lookup: web.lookup });
});
afterAll(async () => {
  await fetcher.close?.();
  await web.close();
});

/** A sleep that records the requested delays and returns at once. */
function recorder() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

const fetch = (url: string) => fetcher.fetch(url);

function fakePage(headers: Record<string, string> = {}): FetchedPage {
  return {
    url: "http://x.ru/",
    finalUrl: "http://x.ru/",
    status: 503,
    headers,
    body: null,
    truncated: false,
    contentKind: "other",
    redirects: [],
    fetcher: "http",
    fetchedAt: "",
    durationMs: 0,
    error: { code: "http-5xx", message: "HTTP 503" },
  };
}

describe("withRetry", () => {
  it("honours Retry-After on 429 and then succeeds", async () => {
    const r = recorder();
    const page = await withRetry(fetch, { sleep: r.sleep, baseDelayMs: 10 })(
      `${web.ministry.origin}/rate-limited/retry-after/`,
    );
    expect(page.status).toBe(200);
    expect(page.error).toBeNull();
    expect(r.delays).toEqual([1000]);
    expect(web.ministry.paths().filter((p) => p === "/rate-limited/retry-after/")).toHaveLength(2);
  });

  it("gives up at once when Retry-After asks for longer than it would wait", async () => {
    const r = recorder();
    const page = await withRetry(fetch, { sleep: r.sleep, baseDelayMs: 10, maxRetryAfterMs: 300 })(
      `${web.ministry.origin}/rate-limited/capped/`,
    );
    expect(page.error?.code).toBe("http-429");
    expect(r.delays).toEqual([]);
  });

  it("backs off exponentially on 5xx and gives up after the configured retries", async () => {
    const r = recorder();
    const ok = await withRetry(fetch, { sleep: r.sleep, baseDelayMs: 100, jitter: 0, retries: 2 })(
      `${web.ministry.origin}/flaky/twice/`,
    );
    expect(ok.status).toBe(200);
    expect(r.delays).toEqual([100, 200]);

    const r2 = recorder();
    const failed = await withRetry(fetch, { sleep: r2.sleep, baseDelayMs: 100, jitter: 0, retries: 1 })(
      `${web.ministry.origin}/flaky/once-only/`,
    );
    expect(failed.error?.code).toBe("http-5xx");
    expect(r2.delays).toEqual([100]);
    expect(web.ministry.paths().filter((p) => p === "/flaky/once-only/")).toHaveLength(2);
  });

  it("retries resets and timeouts, not 404, DNS or refused connections", async () => {
    const r = recorder();
    const retry = withRetry(fetch, { sleep: r.sleep, retries: 2 });
    expect((await retry(`${web.reset.origin}/`)).error?.code).toBe("reset");
    expect(r.delays).toHaveLength(2);
    r.delays.length = 0;
    expect((await retry(`${web.ministry.origin}/broken-link/`)).error?.code).toBe("http-4xx");
    expect((await retry("http://nowhere.invalid/")).error?.code).toBe("dns");
    expect((await retry(`${web.down}/`)).error?.code).toBe("connect");
    expect(r.delays).toEqual([]);
  });

  it("keeps the real failure when a breaker opens during retries", async () => {
    let calls = 0;
    const inner = async (): Promise<FetchedPage> => {
      calls++;
      return calls === 1
        ? { ...fakePage(), status: 0, error: { code: "timeout", message: "t" } }
        : { ...fakePage(), status: 0, error: { code: "circuit-open", message: "open" } };
    };
    const page = await withRetry(inner, { sleep: async () => {} })("http://x.ru/");
    expect(page.error?.code).toBe("timeout");
  });
});

describe("retryDelayMs", () => {
  it("adds bounded jitter to the exponential delay", () => {
    const low = resolveRetryOptions({ baseDelayMs: 1000, jitter: 0.5, random: () => 0 });
    const high = resolveRetryOptions({ baseDelayMs: 1000, jitter: 0.5, random: () => 0.999 });
    expect(retryDelayMs(fakePage(), 1, low)).toBe(500);
    expect(retryDelayMs(fakePage(), 3, low)).toBe(2000);
    expect(retryDelayMs(fakePage(), 3, high)).toBeGreaterThan(3900);
    expect(retryDelayMs(fakePage(), 3, high)).toBeLessThanOrEqual(4000);
    const capped = resolveRetryOptions({ baseDelayMs: 1000, maxDelayMs: 1500, jitter: 0 });
    expect(retryDelayMs(fakePage(), 5, capped)).toBe(1500);
  });

  it("raises the delay to Retry-After", () => {
    const o = resolveRetryOptions({ baseDelayMs: 100, jitter: 0 });
    expect(retryDelayMs(fakePage({ "retry-after": "7" }), 1, o)).toBe(7000);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    const now = Date.parse("2025-01-15T10:00:00Z");
    expect(parseRetryAfter("Wed, 15 Jan 2025 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});

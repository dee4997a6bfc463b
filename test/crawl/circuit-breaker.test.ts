import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCircuitBreaker } from "../../src/crawl/circuit-breaker.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import type { ErrorCode, FetchedPage, Fetcher } from "../../src/types/index.ts";
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

function scripted(codes: Array<ErrorCode | null>) {
  let i = 0;
  const calls: string[] = [];
  const fetch = async (url: string): Promise<FetchedPage> => {
    calls.push(url);
    const code = codes[Math.min(i++, codes.length - 1)] ?? null;
    return {
      url,
      finalUrl: url,
      status: code === null ? 200 : 0,
      headers: {},
      body: null,
      truncated: false,
      contentKind: "html",
      redirects: [],
      fetcher: "http",
      fetchedAt: "",
      durationMs: 0,
      error: code === null ? null : { code, message: code },
    };
  };
  return { fetch, calls };
}

describe("createCircuitBreaker", () => {
  it("opens after N consecutive connection failures and then fails fast", async () => {
    const breaker = createCircuitBreaker({ threshold: 3 });
    let calls = 0;
    const fetch = breaker.wrap((url) => {
      calls++;
      return fetcher.fetch(url);
    });
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 5; i++) codes.push((await fetch(`${web.down}/p${i}`)).error?.code);
    expect(codes).toEqual(["connect", "connect", "connect", "circuit-open", "circuit-open"]);
    expect(calls).toBe(3);
    expect(breaker.isOpen(web.down)).toBe(true);
    // Other hosts are not affected.
    expect((await fetch(`${web.ministry.origin}/`)).error).toBeNull();
  });

  it("an answer in between resets the count; HTTP errors don't count", async () => {
    const breaker = createCircuitBreaker({ threshold: 2 });
    const s = scripted(["timeout", null, "reset", "http-5xx", "http-4xx", "timeout", null]);
    const fetch = breaker.wrap(s.fetch);
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 7; i++) codes.push((await fetch("http://h.test/")).error?.code);
    expect(codes).not.toContain("circuit-open");
    expect(s.calls).toHaveLength(7);
  });

  it("lets one probe through after the cooldown", async () => {
    let now = 1_000;
    const breaker = createCircuitBreaker({ threshold: 1, cooldownMs: 500, now: () => now });
    const s = scripted(["connect", "connect", null]);
    const fetch = breaker.wrap(s.fetch);
    expect((await fetch("http://h.test/")).error?.code).toBe("connect");
    expect((await fetch("http://h.test/")).error?.code).toBe("circuit-open");
    now += 600;
    expect((await fetch("http://h.test/")).error?.code).toBe("connect"); // probe failed: open again
    expect((await fetch("http://h.test/")).error?.code).toBe("circuit-open");
    now += 600;
    expect((await fetch("http://h.test/")).error).toBeNull(); // probe succeeded: closed
    expect(breaker.isOpen("h.test")).toBe(false);
    expect(s.calls).toHaveLength(3);
  });
});

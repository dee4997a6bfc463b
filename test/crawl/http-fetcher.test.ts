import { execFileSync } from "node:child_process";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHttpFetcher, type ResponseReadInfo } from "../../src/crawl/http-fetcher.ts";
import type { Fetcher } from "../../src/types/index.ts";
import {
  BOMB_BYTES,
  COMPRESSED_TEXT,
  CP1251_TEXT,
  HUGE_BYTES,
  KOI8_TEXT,
  startTestWeb,
  type TestWeb,
} from "../fixtures/testweb/index.ts";

let web: TestWeb;
let fetcher: Fetcher;
const reads: ResponseReadInfo[] = [];
const opened: Fetcher[] = [];

function make(options: Parameters<typeof createHttpFetcher>[0] = {}): Fetcher {
  const f = createHttpFetcher({ lookup: web.lookup, ...options });
  opened.push(f);
  return f;
}

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const text = (body: Uint8Array | null) => Buffer.from(body ?? new Uint8Array()).toString("utf8");

beforeAll(async () => {
  web = await startTestWeb({ slowDelayMs: 3_000 });
  fetcher = make({ onResponseRead: (info) => reads.push(info) });
});

afterAll(async () => {
  await Promise.all(opened.map((f) => f.close?.()));
  await web.close();
});

describe("createHttpFetcher", () => {
  it("fetches a page with raw bytes, kept headers and an identifying User-Agent", async () => {
    const page = await fetcher.fetch(`${web.ministry.origin}/activity/`);
    expect(page.status).toBe(200);
    expect(page.error).toBeNull();
    expect(page.contentKind).toBe("html");
    expect(page.fetcher).toBe("http");
    expect(text(page.body)).toContain("Общественный совет");
    expect(Object.keys(page.headers).sort()).toEqual(["content-length", "content-type"]);
    const seen = web.ministry.requests.find((r) => r.path === "/activity/");
    expect(seen?.headers["user-agent"]).toContain("nok-monitor");
    expect(seen?.headers["accept-encoding"]).toContain("gzip");
  });

  it("resolves test names through the injected lookup", async () => {
    const page = await fetcher.fetch(`${web.ministryByName}/contacts/`);
    expect(page.status).toBe(200);
    expect(web.ministry.requests.at(-1)?.host).toBe(`minzdrav.test:${web.ministry.port}`);
  });

  it("follows a redirect chain manually and records it", async () => {
    const page = await fetcher.fetch(`${web.ministry.origin}/old-section/`);
    expect(page.error).toBeNull();
    expect(page.url).toBe(`${web.ministry.origin}/old-section/`);
    expect(page.finalUrl).toBe(`${web.ministry.origin}/activity/`);
    expect(page.redirects).toEqual([
      `${web.ministry.origin}/moved/step-1/`,
      `${web.ministry.origin}/moved/step-2/`,
      `${web.ministry.origin}/activity/`,
    ]);
  });

  it("detects a redirect loop", async () => {
    const page = await fetcher.fetch(`${web.ministry.origin}/loop-a/`);
    expect(page.error?.code).toBe("redirect-loop");
    expect(page.redirects.length).toBe(2);
  });

  it("stops after too many redirects", async () => {
    const page = await make({ maxRedirects: 3 }).fetch(`${web.ministry.origin}/redirect-many/1/`);
    expect(page.error?.code).toBe("too-many-redirects");
    expect(page.redirects.length).toBe(3);
  });

  it("cuts a 50 MB download at the cap without reading it", async () => {
    const cap = 1024 * 1024;
    const info: ResponseReadInfo[] = [];
    const small = make({ maxBodyBytes: cap, onResponseRead: (i) => info.push(i) });
    const page = await small.fetch(`${web.ministry.origin}/download/huge.pdf`);
    expect(page.error?.code).toBe("too-large");
    expect(page.truncated).toBe(true);
    expect(page.body?.length).toBe(cap);
    expect(page.contentKind).toBe("pdf");
    // Bytes read off the wire: the cap plus at most one socket chunk.
    expect(info[0]!.rawBytes).toBeLessThanOrEqual(cap + 64 * 1024);
    // The server saw the client go away long before the end.
    await vi.waitFor(() => expect(web.ministryStats.hugeWritten.at(-1)).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 100));
    expect(web.ministryStats.hugeWritten.at(-1)!).toBeLessThan(HUGE_BYTES / 2);
  });

  it.each(["gzip", "br", "deflate"])("decodes %s bodies", async (encoding) => {
    const page = await fetcher.fetch(`${web.ministry.origin}/compressed/${encoding}/`);
    expect(page.error).toBeNull();
    expect(text(page.body)).toContain(COMPRESSED_TEXT);
  });

  it("reports a corrupt compressed body as a decode error", async () => {
    const page = await fetcher.fetch(`${web.ministry.origin}/compressed/corrupt/`);
    expect(page.error?.code).toBe("decode");
    expect(page.status).toBe(200);
  });

  it("caps a gzip bomb on the decoded side", async () => {
    const cap = 512 * 1024;
    const info: ResponseReadInfo[] = [];
    const page = await make({ maxBodyBytes: cap, onResponseRead: (i) => info.push(i) }).fetch(
      `${web.ministry.origin}/download/bomb/`,
    );
    expect(page.error?.code).toBe("too-large");
    expect(page.body?.length).toBe(cap);
    expect(info[0]!.rawBytes).toBeLessThan(BOMB_BYTES / 100);
  });

  it("sends conditional headers and reports 304 as not modified", async () => {
    const first = await fetcher.fetch(`${web.ministry.origin}/etag/`);
    expect(first.headers.etag).toBe('"v1"');
    const again = await fetcher.fetch(`${web.ministry.origin}/etag/`, {
      conditional: { etag: first.headers.etag!, previousHash: "sha256:x" },
    });
    expect(again.status).toBe(304);
    expect(again.notModified).toBe(true);
    expect(again.body).toBeNull();
    expect(again.error).toBeNull();
    const byDate = await fetcher.fetch(`${web.ministry.origin}/etag/`, {
      conditional: { lastModified: first.headers["last-modified"]!, previousHash: "sha256:x" },
    });
    expect(byDate.notModified).toBe(true);
  });

  it("does not download unsupported bodies", async () => {
    const before = reads.length;
    const page = await fetcher.fetch(`${web.ministry.origin}/download/picture`);
    expect(page.error?.code).toBe("unsupported-type");
    expect(page.body).toBeNull();
    expect(page.status).toBe(200);
    expect(reads.slice(before).map((r) => r.rawBytes)).toEqual([0]);
  });

  it("routes documents by magic bytes even when served as octet-stream", async () => {
    const pdf = await fetcher.fetch(`${web.ministry.origin}/upload/iblock/5a1/polozhenie.pdf`);
    expect(pdf.contentKind).toBe("pdf");
    expect(pdf.headers["content-disposition"]).toContain("polozhenie.pdf");
    expect(Buffer.from(pdf.body!.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const docx = await fetcher.fetch(`${web.ministry.origin}/upload/iblock/7c2/sostav.docx`);
    expect(docx.contentKind).toBe("docx");
  });

  it("keeps legacy-encoded pages as raw bytes", async () => {
    const cp = await fetcher.fetch(`${web.ministry.origin}/encoding/cp1251/`);
    expect(cp.headers["content-type"]).toBe("text/html");
    expect(iconv.decode(Buffer.from(cp.body!), "windows-1251")).toContain(CP1251_TEXT);
    expect(text(cp.body)).not.toContain(CP1251_TEXT);
    const koi = await fetcher.fetch(`${web.ministry.origin}/encoding/koi8r/`);
    expect(koi.headers["content-type"]).toContain("koi8-r");
    expect(iconv.decode(Buffer.from(koi.body!), "koi8-r")).toContain(KOI8_TEXT);
  });

  it.each([
    ["/broken-link/", 404, "http-4xx"],
    ["/forbidden/", 403, "http-4xx"],
    ["/server-error/", 500, "http-5xx"],
  ])("maps %s to %s %s", async (path, status, code) => {
    const page = await fetcher.fetch(`${web.ministry.origin}${path}`);
    expect(page.status).toBe(status);
    expect(page.error?.code).toBe(code);
  });

  it("maps 429 and keeps Retry-After", async () => {
    const page = await fetcher.fetch(`${web.ministry.origin}/rate-limited/fetcher/`);
    expect(page.error?.code).toBe("http-429");
    expect(page.headers["retry-after"]).toBe("1");
  });

  it("maps DNS failures", async () => {
    const page = await fetcher.fetch("http://no-such-host.invalid/");
    expect(page.status).toBe(0);
    expect(page.error?.code).toBe("dns");
  });

  it("maps refused connections", async () => {
    const page = await fetcher.fetch(`${web.down}/`);
    expect(page.error?.code).toBe("connect");
  });

  it("maps a header timeout", async () => {
    const page = await make({ headersTimeoutMs: 200 }).fetch(`${web.slow.origin}/`);
    expect(page.error?.code).toBe("timeout");
  });

  it("enforces a whole-body deadline on a body that trickles in", async () => {
    const page = await make({ bodyTimeoutMs: 400 }).fetch(`${web.ministry.origin}/download/drip/`);
    expect(page.error?.code).toBe("timeout");
    expect(page.status).toBe(200);
  });

  it("maps connection resets", async () => {
    const page = await fetcher.fetch(`${web.reset.origin}/`);
    expect(page.error?.code).toBe("reset");
  });

  it.skipIf(!process.env.CI && !hasOpenssl())(
    "maps an untrusted certificate to tls; extraCa trusts it",
    async () => {
      const secure = web.secure!;
      expect((await fetcher.fetch(`${secure.origin}/`)).error?.code).toBe("tls");
      const trusting = make({ tls: { extraCa: [secure.cert] } });
      const page = await trusting.fetch(`${secure.origin}/`);
      expect(page.error).toBeNull();
      expect(text(page.body)).toContain("Защищённый сайт");
    },
  );

  it("never throws on bad input", async () => {
    expect((await fetcher.fetch("ftp://example.ru/")).error?.code).toBe("invalid-url");
    expect((await fetcher.fetch("::not a url")).error?.code).toBe("invalid-url");
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticLookup } from "../../src/crawl/dns-lookup.ts";
import { createGuardedFetcher } from "../../src/server/guarded-fetcher.ts";
import { DEFAULT_ALLOWED_PORTS } from "../../src/server/ssrf-guard.ts";
import type { Fetcher } from "../../src/types/index.ts";

/** A 127.0.0.1 site whose paths redirect wherever the test says; counts the requests it gets. */
async function startSite(routes: Record<string, string>) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const to = routes[req.url ?? ""];
    if (to) {
      res.writeHead(302, { Location: to });
      res.end();
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end("<html><head><title>ok</title></head><body>ok</body></html>");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    hits,
    routes,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

describe("guarded fetcher", () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let other: Awaited<ReturnType<typeof startSite>>;
  let fetcher: Fetcher;
  const dns = staticLookup({ "site.test": "127.0.0.1", "meta.test": "169.254.169.254" });

  beforeAll(async () => {
    other = await startSite({});
    site = await startSite({});
    Object.assign(site.routes, {
      "/to-metadata": "http://169.254.169.254/latest/meta-data/",
      "/to-metadata-name": "http://meta.test/latest/meta-data/",
      "/to-other-port": `${other.origin}/secret`,
      "/to-ftp": "ftp://127.0.0.1/",
      "/to-self": "/final",
      "/loop": "/loop2",
      "/loop2": "/loop",
    });
    // Loopback is allowed (the test site lives there) but only on the test site's port and 80.
    fetcher = createGuardedFetcher({
      policy: { allowPrivate: true, allowedPorts: [site.port, 80] },
      lookup: dns,
      connectTimeoutMs: 2_000,
    });
  });
  afterAll(async () => {
    await fetcher?.close?.();
    await site?.close();
    await other?.close();
  });

  it("follows allowed redirects and reports the chain", async () => {
    const page = await fetcher.fetch(`${site.origin}/to-self`);
    expect(page.error).toBeNull();
    expect(page.status).toBe(200);
    expect(page.url).toBe(`${site.origin}/to-self`);
    expect(page.finalUrl).toBe(`${site.origin}/final`);
    expect(page.redirects).toEqual([`${site.origin}/final`]);
  });

  it("refuses a redirect to an IP-literal metadata address before connecting", async () => {
    const page = await fetcher.fetch(`${site.origin}/to-metadata`);
    expect(page.error?.code).toBe("invalid-url");
    expect(page.error?.message).toMatch(/адрес запрещён для проверки: 169\.254\.169\.254/);
    expect(page.body).toBeNull();
  });

  it("refuses a redirect to a name that resolves to a metadata address (checked in the lookup)", async () => {
    const page = await fetcher.fetch(`${site.origin.replace("127.0.0.1", "site.test")}/to-metadata-name`);
    expect(page.redirects).toEqual(["http://meta.test/latest/meta-data/"]);
    expect(page.error?.code).toBe("invalid-url");
    expect(page.error?.message).toMatch(/169\.254\.169\.254.*meta\.test/);
  });

  it("refuses a redirect to a port outside the allowed list without requesting it", async () => {
    const page = await fetcher.fetch(`${site.origin}/to-other-port`);
    expect(page.error?.message).toMatch(new RegExp(`порт ${other.port} не разрешён`));
    expect(other.hits).toEqual([]);
  });

  it("refuses a redirect to another scheme", async () => {
    const page = await fetcher.fetch(`${site.origin}/to-ftp`);
    expect(page.error?.message).toMatch(/только http:\/\/ и https:\/\//);
  });

  it("detects redirect loops", async () => {
    const page = await fetcher.fetch(`${site.origin}/loop`);
    expect(page.error?.code).toBe("redirect-loop");
  });

  it("refuses loopback itself under the public policy", async () => {
    const strict = createGuardedFetcher({
      policy: { allowPrivate: false, allowedPorts: DEFAULT_ALLOWED_PORTS },
    });
    try {
      const before = site.hits.length;
      const literal = await strict.fetch(`${site.origin}/`);
      expect(literal.error?.code).toBe("invalid-url");
      const port80 = await strict.fetch("http://127.0.0.1/");
      expect(port80.error?.message).toMatch(/127\.0\.0\.1 — локальный адрес/);
      expect(site.hits.length).toBe(before);
    } finally {
      await strict.close?.();
    }
  });

  it("refuses loopback reached by name under the public policy (the lookup guard)", async () => {
    const strict = createGuardedFetcher({
      policy: { allowPrivate: false, allowedPorts: "any" },
      lookup: dns,
    });
    try {
      const before = site.hits.length;
      const page = await strict.fetch(`http://site.test:${site.port}/`);
      expect(page.error?.code).toBe("invalid-url");
      expect(page.error?.message).toMatch(/127\.0\.0\.1.*site\.test/);
      expect(site.hits.length).toBe(before);
    } finally {
      await strict.close?.();
    }
  });
});

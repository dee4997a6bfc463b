import type { LookupFunction } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyAddress } from "../../src/crawl/address-policy.ts";
import { crawlSite } from "../../src/crawl/crawler.ts";
import { staticLookup } from "../../src/crawl/dns-lookup.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { createPool, POLITENESS_OFF } from "../../src/crawl/politeness.ts";
import { extractTestLinks } from "../crawl/link-handler.ts";
import { type HostileServer, html, redirect, startHostileServer } from "./web.ts";

let site: HostileServer;
let other: HostileServer;

beforeAll(async () => {
  other = await startHostileServer({ "*": html("<p>другой сервер</p>") });
  site = await startHostileServer({
    "/": html(
      `<a href="/a">Раздел</a> <a href="/to-port">Документы</a> <a href="/to-host">Совет</a> <a href="/to-meta">Оценка</a>`,
    ),
    "/a": html("<p>Раздел сайта</p>"),
    "/to-port": (req, res) => redirect(`http://site.test:${other.port}/`)(req, res),
    "/to-host": redirect("http://elsewhere.test/"),
    "/to-meta": redirect("http://169.254.169.254/latest/meta-data/"),
    "/home-to-meta": redirect("http://169.254.169.254/latest/meta-data/"),
  });
});
afterAll(async () => {
  await site?.close();
  await other?.close();
});

describe("address classification", () => {
  it.each([
    ["::ffff:0:7f00:1", "loopback"],
    ["::ffff:0:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:0:a00:1", "private"],
    ["::ffff:0:808:808", "reserved"],
    ["64:ff9b::7f00:1", "loopback"],
    ["fd00:ec2::254", "metadata"],
    ["169.254.169.254", "metadata"],
    ["169.254.1.1", "link-local"],
    ["fe80::1", "link-local"],
  ])("%s is %s", (address, kind) => {
    expect(classifyAddress(address)?.kind).toBe(kind);
  });

  it("public addresses pass", () => {
    expect(classifyAddress("93.184.216.34")).toBeNull();
    expect(classifyAddress("::ffff:93.184.216.34")).toBeNull();
  });
});

describe("one address policy for every fetch", () => {
  it("a site named at a public address cannot reach a private one, by name or by IP literal", async () => {
    // public.test resolves to a public address; sneaky.test to loopback (DNS rebinding, or a hostile record).
    const lookup = staticLookup({ "public.test": "93.184.216.34", "sneaky.test": "127.0.0.1" });
    const fetcher = createHttpFetcher({ lookup });
    try {
      const byLiteral = await fetcher.fetch(`${site.origin}/a`, { site: "http://public.test/" });
      expect(byLiteral.error?.code).toBe("invalid-url");
      expect(byLiteral.error?.message).toMatch(/адрес запрещён/);
      const byName = await fetcher.fetch(`http://sneaky.test:${site.port}/a`, {
        site: "http://public.test/",
      });
      expect(byName.error?.code).toBe("invalid-url");
      expect(site.hits).not.toContain("/a");
    } finally {
      await fetcher.close?.();
    }
  });

  it("a site named at a private address stays allowed there; metadata never", async () => {
    const fetcher = createHttpFetcher();
    try {
      const page = await fetcher.fetch(`${site.origin}/a`);
      expect(page.error).toBeNull();
      const meta = await fetcher.fetch(`${site.origin}/home-to-meta`);
      expect(meta.error?.code).toBe("invalid-url");
      expect(meta.error?.message).toMatch(/метаданных/);
      const direct = await fetcher.fetch("http://[fd00:ec2::254]/");
      expect(direct.error?.code).toBe("invalid-url");
      const translated = await fetcher.fetch("http://[::ffff:0:a9fe:a9fe]/", {
        site: "http://93.184.216.34/",
      });
      expect(translated.error?.code).toBe("invalid-url");
    } finally {
      await fetcher.close?.();
    }
  });

  it("a link redirected to another port or host is out of scope and not fetched", async () => {
    const lookup: LookupFunction = staticLookup({ "site.test": "127.0.0.1", "elsewhere.test": "127.0.0.1" });
    const fetcher = createHttpFetcher({ lookup });
    const portHits = other.hits.length;
    // The port redirect goes to the other server on the same name.
    const start = `http://site.test:${site.port}/`;
    const skipped: string[] = [];
    try {
      const summary = await crawlSite(start, {
        fetcher,
        pool: createPool(POLITENESS_OFF),
        retry: false,
        respectRobots: false,
        useSitemaps: false,
        onPage: (page) => ({ links: extractTestLinks(page) }),
        onSkip: (req, reason) => skipped.push(`${new URL(req.url).pathname} ${reason}`),
      });
      expect(summary.status).not.toBe("unreachable");
      expect(skipped).toEqual(
        expect.arrayContaining(["/to-host out-of-scope-redirect", "/to-port out-of-scope-redirect"]),
      );
      expect(other.hits.length).toBe(portHits);
      expect(site.hits.filter((h) => h === "/").length).toBe(1);
    } finally {
      await fetcher.close?.();
    }
  });
});

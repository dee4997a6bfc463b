import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool, POLITENESS_OFF } from "../../src/crawl/index.ts";
import { checkSites } from "../../src/pipeline/check-run.ts";
import { openRunReader } from "../../src/snapshot/index.ts";
import type { ManifestEntry } from "../../src/types/index.ts";
import { sendHtml, startSite, type TestSite } from "../fixtures/testweb/server.ts";

/** A challenge page that happens to carry НОК wording (as a «Проверка браузера» page may quote the site's title). */
const CHALLENGE = `<html><head><title>Проверка браузера</title></head><body><p>Проверка браузера…</p>
<p>Независимая оценка качества. Положение об общественном совете.</p>
<script>setTimeout(function () { location.reload(); }, 3000);</script></body></html>`;

let site: TestSite;
let dir: string;

beforeAll(async () => {
  site = await startSite((_req, res, url) => {
    if (url.pathname === "/nok/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(CHALLENGE);
      return;
    }
    const menu = '<a href="/nok/">Независимая оценка качества</a><a href="/about/">О министерстве</a>';
    sendHtml(
      res,
      `<html><body><nav>${menu}</nav><p>${"Министерство социальной защиты. ".repeat(20)}</p></body></html>`,
    );
  });
  dir = await mkdtemp(join(tmpdir(), "nok-botwall-"));
});

afterAll(async () => {
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a site with a bot wall in front of its NOK section", () => {
  it("records the page as bot-wall with the URL as linked, never reads it as evidence, and the site is partial", async () => {
    const run = await checkSites(
      [{ url: `${site.origin}/`, kind: "authority", sphere: "social", region: null, name: null }],
      { pool: createPool(POLITENESS_OFF), snapshotsDir: dir, render: "never", busgov: false, maxPages: 10 },
    );
    const result = run.sites[0]!;
    expect(result.status).toBe("partial");
    // The challenge's text is never evidence (the home page's link to /nok/ may be, as a link).
    const excerpts = result.findings.flatMap((f) => f.evidence.map((e) => e.excerpt));
    expect(excerpts.some((x) => x.includes("Положение об общественном совете"))).toBe(false);
    // Read as content, the challenge's wording would pass the NOK section rule.
    expect(result.findings.find((f) => f.rule === "authority/nok-section")?.status).not.toBe("pass");
    const entries: ManifestEntry[] = [];
    for await (const e of openRunReader(dir, run.runId).entries()) entries.push(e);
    const walled = entries.find((e) => e.url === `${site.origin}/nok/`);
    expect(walled?.error?.code).toBe("bot-wall");
    expect(walled?.key).toBeDefined();
    expect(walled?.linkText).toBe("Независимая оценка качества");
  });
});

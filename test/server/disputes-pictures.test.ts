import { mkdtemp, rm } from "node:fs/promises";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLITENESS_OFF } from "../../src/crawl/index.ts";
import { createServer, type NokServer } from "../../src/server/index.ts";
import { PAGES } from "../disputes/site.ts";
import { nationalFixture, writeRun } from "./fixtures.ts";

const NOK = "authority/nok-section";
let dir: string;
let site: Server;
let base: string;
let server: NokServer;
const RUN = "2026-11-01T02-00-00Z-run-bbbbbb";

beforeAll(async () => {
  site = createHttpServer((req, res) => {
    const page = PAGES[req.url ?? ""];
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  dir = await mkdtemp(join(tmpdir(), "nok-server-disputes-"));
  const snapshotsDir = join(dir, "snapshots");
  const previous = nationalFixture("2026-10-01T02-00-00Z-run-aaaaaa", "2026-10-01", 1);
  const current = nationalFixture(RUN, "2026-11-01", 0, previous);
  // Тульская область's culture authority is the local site, its NOK section judged missing.
  const culture = current.sites.find((s) => s.region === "71" && s.sphere === "culture")!;
  culture.url = base;
  culture.finalUrl = base;
  culture.findings.find((f) => f.rule === NOK)!.status = "fail";
  await writeRun(snapshotsDir, previous);
  await writeRun(snapshotsDir, current);
  server = await createServer({
    port: 0,
    snapshotsDir,
    reportsDir: join(dir, "reports"),
    dataDir: join(dir, "data"),
    allowPrivate: true,
    politeness: POLITENESS_OFF,
    rateLimit: false,
  });
});
afterAll(async () => {
  await server?.close();
  await new Promise<void>((r) => site.close(() => r()));
  await rm(dir, { recursive: true, force: true });
});

const form = (fields: Record<string, string>) =>
  fetch(`${server.url}/region/71/disputes`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });

describe("dashboard pictures", () => {
  it("draws the selected rule's trend over the runs as inline SVG on the overview", async () => {
    const html = await (await fetch(`${server.url}/?rule=authority/results`)).text();
    expect(html).toContain('<h2 id="trend">Динамика по запускам</h2>');
    expect(html).toMatch(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="chart trend-svg"/);
    expect(html).toContain("01.10.2026");
    expect(html).not.toMatch(/<script(?! src="\/static)/);
  });

  it("draws the region's history on its page", async () => {
    const html = await (await fetch(`${server.url}/region/71`)).text();
    expect(html).toContain('<h2 id="history">История по запускам</h2>');
    expect(html).toContain("Доля выполненных требований на сайтах органов власти субъекта");
  });
});

describe("«оспорить» on the region page", () => {
  it("offers the form with the region's non-passing findings", async () => {
    const html = await (await fetch(`${server.url}/region/71`)).text();
    expect(html).toContain('<form class="dispute" method="post" action="/region/71/disputes">');
    expect(html).toContain(`value="${NOK} ${base}"`);
  });

  it("refuses a rule the site does not have, with a clear message", async () => {
    const res = await form({ run: RUN, finding: `authority/nope ${base}`, url: `${base}x`, comment: "есть" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("правила «authority/nope» нет у сайта");
  });

  it("opens a dispute, re-checks the site from the given page and shows it «подтверждено»", async () => {
    const res = await form({
      run: RUN,
      finding: `${NOK} ${base}`,
      url: `${base}deyatelnost/nok/`,
      comment: "Раздел размещён, ссылка в меню добавлена",
      by: "Министерство культуры Тульской области",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/region/71?run=${RUN}#disputes`);
    let html = "";
    for (let i = 0; i < 100; i++) {
      html = await (await fetch(`${server.url}/region/71?run=${RUN}`)).text();
      if (html.includes('data-status="confirmed"')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(html).toContain('data-status="confirmed"');
    expect(html).toContain("подтверждено повторной проверкой");
    expect(html).toContain("Министерство культуры Тульской области");
  });

  it("lists the disputes with their history in the API", async () => {
    const body = (await (await fetch(`${server.url}/api/disputes?region=71&status=confirmed`)).json()) as {
      disputes: { rule: string; history: { action: string }[] }[];
    };
    expect(body.disputes.map((d) => d.rule)).toEqual([NOK]);
    expect(body.disputes[0]!.history.map((h) => h.action)).toEqual(["opened", "rechecked"]);
  });
});

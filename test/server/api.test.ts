import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AS_OF, type DemoWeb, startDemoWeb } from "../../demo/web/web.ts";
import { staticLookup } from "../../src/crawl/dns-lookup.ts";
import { POLITENESS_OFF } from "../../src/crawl/politeness.ts";
import { createServer, type NokServer } from "../../src/server/index.ts";
import type { RunResult } from "../../src/types/index.ts";
import { checkRun } from "../report/fixtures.ts";
import { writeNationalRuns, writeRun } from "./fixtures.ts";

/** JSON from the API under test: its shape is what the assertions check, field by field. */
interface Json {
  // biome-ignore lint/suspicious/noExplicitAny: read loosely on purpose, each field is asserted
  [key: string]: any;
}

async function getJson(url: string): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

async function postJson(url: string, body: unknown, type = "application/json") {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": type },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

describe("dashboard HTTP API", () => {
  let dir: string;
  let web: DemoWeb;
  let server: NokServer;
  let strict: NokServer;
  let runs: { previous: RunResult; current: RunResult };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "nok-server-api-"));
    const snapshotsDir = join(dir, "snapshots");
    runs = await writeNationalRuns(snapshotsDir);
    // A stored self-check: reachable by id, never listed among the national runs.
    await writeRun(snapshotsDir, checkRun());
    web = await startDemoWeb({ only: ["kalmykia-health"] });
    server = await createServer({
      port: 0,
      snapshotsDir,
      reportsDir: join(dir, "reports"),
      dataDir: join(dir, "data"),
      // The demo web lives on 127.0.0.1 ports: explicitly allowed here, refused by default.
      allowPrivate: true,
      asOf: DEMO_AS_OF,
      politeness: POLITENESS_OFF,
      rateLimit: { max: 50, windowMs: 60_000 },
    });
    strict = await createServer({
      port: 0,
      snapshotsDir,
      reportsDir: join(dir, "reports"),
      dataDir: join(dir, "data-strict"),
      allowedPorts: "any",
      lookup: staticLookup({ "intranet.test": "10.0.0.5", "rebind.test": "127.0.0.1" }),
      rateLimit: { max: 6, windowMs: 60_000 },
    });
  });

  afterAll(async () => {
    await server?.close();
    await strict?.close();
    await web?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("describes itself at /api", async () => {
    const { status, body } = await getJson(`${server.url}/api`);
    expect(status).toBe(200);
    expect(body.endpoints.map((e: Json) => `${e.method} ${e.path}`)).toContain("POST /api/checks");
  });

  it("lists the national runs, oldest first, without server paths or self-checks", async () => {
    const { body } = await getJson(`${server.url}/api/runs`);
    expect(body.runs.map((r: Json) => r.id)).toEqual([runs.previous.runId, runs.current.runId]);
    const latest = body.runs[1];
    expect(latest).toMatchObject({ mode: "run", asOf: "2026-11-01", sites: runs.current.sites.length });
    expect(latest.byRule["authority/nok-section"].pass).toBeGreaterThan(0);
    expect(latest.links.reportXlsx).toBe(`/run/${runs.current.runId}/report.xlsx`);
    expect(JSON.stringify(body)).not.toContain("result.json");
  });

  it("returns a whole RunResult by id, `latest`, and 404 for unknown ids", async () => {
    const latest = await getJson(`${server.url}/api/runs/latest`);
    expect(latest.body.runId).toBe(runs.current.runId);
    expect(latest.body.compare.runId).toBe(runs.previous.runId);
    expect((await getJson(`${server.url}/api/runs/${runs.previous.runId}`)).body.asOf).toBe("2026-10-01");
    expect((await getJson(`${server.url}/api/runs/check-1`)).body.mode).toBe("check");
    const missing = await getJson(`${server.url}/api/runs/no-such-run`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not-found");
    expect((await fetch(`${server.url}/api/runs/..%2F..%2Fetc`)).status).toBe(404);
  });

  it("summarises the 89 subjects and honours the sphere and rule filters", async () => {
    const all = await getJson(`${server.url}/api/regions`);
    expect(all.body.regions).toHaveLength(89);
    const filtered = await getJson(`${server.url}/api/regions?sphere=sport&rule=authority/nok-section`);
    expect(filtered.body.filter).toEqual({ sphere: "sport", rule: "authority/nok-section" });
    const tula = filtered.body.regions.find((r: Json) => r.code === "71");
    const expected = runs.current.sites.find((s) => s.region === "71" && s.sphere === "sport")!.findings[0]!
      .status;
    expect(tula.selection.tone).toBe(expected);
    const adygea = filtered.body.regions.find((r: Json) => r.code === "01");
    expect(adygea.selection.tone).toBe("none");
  });

  it("gives one subject's sites, verdicts and changes since the previous run", async () => {
    const { status, body } = await getJson(`${server.url}/api/regions/71`);
    expect(status).toBe(200);
    expect(body.region.name).toBe("Тульская область");
    expect(body.sites).toHaveLength(5);
    expect(body.sites[0].findings).toHaveLength(13);
    expect(body.compare.runId).toBe(runs.previous.runId);
    expect(body.compare.changes.length).toBeGreaterThan(0);
    expect(body.compare.changes.every((c: Json) => c.region === "71")).toBe(true);
    expect((await getJson(`${server.url}/api/regions/00`)).status).toBe(404);
  });

  it("queues a self-check of a demo site, joins a duplicate submission, and serves the result", async () => {
    const site = web.sites[0]!;
    const request = { url: site.url, kind: "authority", sphere: site.sphere, region: site.region };
    const first = await postJson(`${server.url}/api/checks`, request);
    expect(first.status).toBe(202);
    expect(first.headers.get("location")).toBe(`/api/checks/${first.body.id}`);
    expect(first.body.joined).toBe(false);
    const second = await postJson(`${server.url}/api/checks`, request);
    expect(second.body).toMatchObject({ id: first.body.id, joined: true, submissions: 2 });

    await server.queue.idle();
    const done = await getJson(`${server.url}/api/checks/${first.body.id}`);
    expect(done.body.state).toBe("done");
    expect(done.body.stateLabel).toBe("завершена");
    const result = await getJson(`${server.url}${done.body.links.result}`);
    const run = result.body as RunResult;
    expect(run.mode).toBe("check");
    expect(run.asOf).toBe(DEMO_AS_OF);
    expect(run.sites).toHaveLength(1);
    expect(run.sites[0]!.findings).toHaveLength(13);
    const counts: Record<string, number> = { pass: 0, warn: 0, fail: 0, unknown: 0, "n/a": 0 };
    for (const f of run.sites[0]!.findings) counts[f.status]!++;
    expect(done.body.summary.counts).toEqual(counts);

    // The result page links the stored copies; the text view serves one of them.
    const page = await (await fetch(`${server.url}/check/${first.body.id}`)).text();
    for (const f of run.sites[0]!.findings)
      expect(page).toContain(`data-rule="${f.rule}" data-status="${f.status}"`);
    const snapshotLink = /href="(\/snapshot\/[^"]+)"/.exec(page)?.[1];
    expect(snapshotLink).toBeDefined();
    const snapshot = await fetch(`${server.url}${snapshotLink}`);
    expect(snapshot.status).toBe(200);
    expect(await snapshot.text()).toContain("Сохранённая копия");
    const bogus = await fetch(`${server.url}/snapshot/${run.runId}/${"0".repeat(64)}`);
    expect(bogus.status).toBe(404);

    const report = await fetch(`${server.url}/run/${run.runId}/report.html`);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain("<!DOCTYPE html>");
  });

  it("serves the national reports: HTML inline, XLSX as a download", async () => {
    const html = await fetch(`${server.url}/run/${runs.current.runId}/report.html`);
    expect(html.headers.get("content-type")).toMatch(/text\/html/);
    expect(html.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(await html.text()).toContain("Тульская область");
    const xlsx = await fetch(`${server.url}/run/${runs.current.runId}/report.xlsx`);
    expect(xlsx.headers.get("content-disposition")).toMatch(/attachment/);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK");
    expect((await fetch(`${server.url}/run/nope/report.xlsx`)).status).toBe(404);
  });

  it("escapes what crawled pages contain and sends a strict CSP", async () => {
    const res = await fetch(`${server.url}/region/71`);
    const html = await res.text();
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(html).toContain("&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;");
    expect(html).not.toContain("<script>document.title");
    expect(html).not.toContain('<b id="xss-injected">');
    expect(html).not.toMatch(/<img[^>]*onerror/);
  });

  it("rejects malformed submissions with reasons", async () => {
    expect((await postJson(`${server.url}/api/checks`, { url: "" })).body.error.code).toBe("invalid-url");
    expect(
      (await postJson(`${server.url}/api/checks`, { url: "example.ru", sphere: "space" })).body.error.code,
    ).toBe("invalid-sphere");
    expect(
      (await postJson(`${server.url}/api/checks`, { url: "example.ru", kind: "x" })).body.error.code,
    ).toBe("invalid-kind");
    expect((await postJson(`${server.url}/api/checks`, "{oops")).status).toBe(400);
    expect((await postJson(`${server.url}/api/checks`, "url=x", "text/plain")).status).toBe(415);
    expect(
      (await postJson(`${server.url}/api/checks`, { url: `https://e.ru/${"a".repeat(20_000)}` })).status,
    ).toBe(413);
    expect((await getJson(`${server.url}/api/checks/doesnotexist`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/runs`, { method: "DELETE" })).status).toBe(405);
  });

  describe("without --allow-private", () => {
    it("refuses private, loopback and metadata targets, by literal and after DNS, and queues nothing", async () => {
      const cases: [string, RegExp][] = [
        ["http://intranet.test/", /10\.0\.0\.5 — частная сеть.*intranet\.test/],
        ["http://rebind.test:8080/", /127\.0\.0\.1 — локальный адрес/],
        [web.sites[0]!.url, /127\.0\.0\.1 — локальный адрес/],
        ["http://[::1]/", /::1/],
        ["http://169.254.169.254/latest/meta-data/", /метаданных облака/],
      ];
      for (const [url, message] of cases) {
        const { status, body } = await postJson(`${strict.url}/api/checks`, { url });
        expect(status, url).toBe(400);
        expect(body.error.code).toBe("refused-target");
        expect(body.error.message).toMatch(message);
      }
      expect(strict.queue.list()).toEqual([]);
    });

    it("shows the refusal on the form page, with the typed address escaped", async () => {
      const res = await fetch(`${strict.url}/check`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          url: 'http://10.0.0.1/"><script>x()</script>',
          kind: "authority",
        }).toString(),
      });
      // Either refused as a private address or as a malformed URL: never queued, never echoed raw.
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toMatch(/class="error"/);
      expect(html).not.toContain("<script>x()");
    });

    it("limits submissions per client, refused ones included", async () => {
      const res = await postJson(`${strict.url}/api/checks`, { url: "http://intranet.test/" });
      expect(res.status).toBe(429);
      expect(res.body.error.code).toBe("rate-limited");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    });
  });
});

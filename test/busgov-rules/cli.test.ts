import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BusGovMock, demoAgencies, startBusGovMock } from "../../demo/web/busgov-mock/index.ts";
import { tempDir } from "./helpers.ts";

const BIN = new URL("../../bin/nok.js", import.meta.url).pathname;

let mock: BusGovMock;
let site: Server;
let siteUrl: string;
let dir: Awaited<ReturnType<typeof tempDir>>;

function nok(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        NOK_SNAPSHOTS_DIR: `${dir.path}/snapshots`,
        NOK_REPORTS_DIR: `${dir.path}/reports`,
        NOK_DATA_DIR: `${dir.path}/data`,
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = await tempDir();
  mock = await startBusGovMock(demoAgencies(2026));
  // The institution's own site: one static page, no scripts (no browser needed).
  site = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      '<!doctype html><html lang="ru"><head><title>Школа № 1</title></head><body><h1>МБОУ «СОШ № 1»</h1><p>Телефон: <a href="tel:+74872000000">+7 (4872) 00-00-00</a></p></body></html>',
    );
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}/`;
});

afterAll(async () => {
  await mock?.close();
  await new Promise<void>((r) => (site ? site.close(() => r()) : r()));
  await dir?.remove();
});

describe("nok check --kind institution with bus.gov.ru", () => {
  it("--inn gives one site per kind: the institution's and its bus.gov.ru data", async () => {
    const r = await nok([
      "check",
      siteUrl,
      "--kind",
      "institution",
      "--sphere",
      "education",
      "--inn",
      "7105001011",
      "--busgov-url",
      mock.url,
      "--as-of",
      "2026-11-01",
      "--format",
      "json",
      "--json",
    ]);
    expect(r.stderr).not.toMatch(/внутренняя ошибка/);
    const run = JSON.parse(r.stdout);
    expect(run.sites.map((s: { kind: string }) => s.kind)).toEqual(["institution", "busgov"]);
    const busgov = run.sites[1];
    expect(busgov.url.startsWith(mock.url)).toBe(true);
    expect(busgov.finalUrl).toBe(`${mock.url}/pub/info-card/100001`);
    expect(busgov.findings.map((f: { rule: string; status: string }) => `${f.rule}=${f.status}`)).toEqual([
      "busgov/card=pass",
      "busgov/improvement-plan=pass",
      "busgov/plan-report=pass",
      "busgov/results=pass",
    ]);
    expect(run.rules.some((x: { id: string }) => x.id === "busgov/results")).toBe(true);
    expect([0, 1]).toContain(r.code);
  });

  it("a bad INN (checksum) is a usage error: exit 2", async () => {
    const r = await nok([
      "check",
      siteUrl,
      "--kind",
      "institution",
      "--inn",
      "7105001012",
      "--busgov-url",
      mock.url,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/некорректный ИНН «7105001012»/);
  });

  it("--inn without --kind institution is a usage error", async () => {
    const r = await nok(["check", siteUrl, "--inn", "7105001011"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--kind institution/);
  });
});

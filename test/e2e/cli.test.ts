import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoWeb, startDemoWeb } from "../../demo/index.ts";

const BIN = new URL("../../bin/nok.js", import.meta.url).pathname;

function nok(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
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

let web: DemoWeb;
let out: string;
let closedPort: number;

beforeAll(async () => {
  web = await startDemoWeb({ only: ["tula-social"] });
  out = await mkdtemp(join(tmpdir(), "nok-cli-"));
  // A port that was open a moment ago and is closed now: connection refused.
  const s: Server = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  closedPort = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
});

afterAll(async () => {
  await web?.close();
  await rm(out, { recursive: true, force: true });
});

describe("nok CLI", () => {
  it("--help lists the commands and exits 0", async () => {
    const r = await nok(["--help"]);
    expect(r.code).toBe(0);
    for (const cmd of ["check", "crawl", "rules", "demo"]) expect(r.stdout).toContain(cmd);
  });

  it("check --json prints only the RunResult on stdout and writes the reports", async () => {
    const site = web.sites[0]!;
    const r = await nok([
      "check",
      site.url,
      "--sphere",
      site.sphere,
      "--as-of",
      "2026-11-01",
      "--format",
      "json,html,md",
      "--out",
      out,
      "--json",
    ]);
    const run = JSON.parse(r.stdout);
    expect(run.schema).toBe("nok-monitor/run-result@1");
    expect(run.mode).toBe("check");
    expect(run.sites).toHaveLength(1);
    // Contract: every rule of the kind is listed.
    expect(run.sites[0].findings.map((f: { rule: string }) => f.rule).sort()).toEqual(
      Object.keys(site.expected).sort(),
    );
    const anyFail = run.sites[0].findings.some((f: { status: string }) => f.status === "fail");
    expect(r.code).toBe(anyFail ? 1 : 0);
    const html = await readFile(join(out, "report.html"), "utf8");
    expect(html).toContain("<html");
    expect(JSON.parse(await readFile(join(out, "result.json"), "utf8")).runId).toBe(run.runId);
    expect(r.stderr).toContain("Проверка");
  });

  it("a malformed URL is a usage error (exit 2) with a clear message", async () => {
    const r = await nok(["check", "http://exa mple..ru/"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/некорректн/);
  });

  it("an unknown sphere is a usage error", async () => {
    const r = await nok(["check", "https://example.ru/", "--sphere", "sports"]);
    expect(r.code).toBe(2);
  });

  it("an unreachable site exits 3 and every verdict is unknown, never fail", async () => {
    const r = await nok([
      "check",
      `http://127.0.0.1:${closedPort}/`,
      "--out",
      join(out, "down"),
      "--format",
      "json",
      "--json",
    ]);
    expect(r.code).toBe(3);
    const run = JSON.parse(r.stdout);
    expect(run.sites[0].status).toBe("unreachable");
    expect(run.sites[0].error.code).toBe("connect");
    const statuses = new Set(run.sites[0].findings.map((f: { status: string }) => f.status));
    expect(statuses.has("fail")).toBe(false);
    expect(statuses.has("unknown")).toBe(true);
  });

  it("crawl --json lists fetched pages with their kinds and error codes", async () => {
    const site = web.sites[0]!;
    const r = await nok(["crawl", site.url, "--max-pages", "15", "--out", join(out, "snap"), "--json"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.pages).toBeGreaterThan(0);
    expect(summary.pages).toBeLessThanOrEqual(15);
    expect(summary.entries[0].url).toBe(site.url);
    expect(summary.entries[0].status).toBe(200);
    expect(summary.entries.some((e: { title: string }) => /[а-я]/i.test(e.title))).toBe(true);
  });

  it("rules list shows the 13 authority rules; explain and validate work", async () => {
    const list = await nok(["rules", "list"]);
    expect(list.code).toBe(0);
    expect(list.stdout.match(/^authority\//gm)?.length).toBe(13);
    const explain = await nok(["rules", "explain", "authority/council-nok-powers"]);
    expect(explain.code).toBe(0);
    expect(explain.stdout).toMatch(/[а-я]/);
    const validate = await nok(["rules", "validate"]);
    expect(validate.code).toBe(0);
  });
});

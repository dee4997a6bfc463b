import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireRunLock } from "../../src/pipeline/state/lock.ts";
import type { RunResult } from "../../src/types/index.ts";
import { docxBomb, pdfCompressionBomb } from "./bombs.ts";
import { type CaseResult, peakRssMb, runCase } from "./run-case.ts";
import { type HostileServer, html, startHostileServer } from "./web.ts";

const BIN = new URL("../../bin/nok.js", import.meta.url);
const RSS = fileURLToPath(new URL("./cases/report-rss.mjs", import.meta.url));
const MENU = `<nav class="menu"><a href="/nok">Независимая оценка качества</a> <a href="/council">Общественный совет</a></nav>`;
let out: string;
const servers: HostileServer[] = [];

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "nok-hostile-sites-"));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(out, { recursive: true, force: true });
});

async function site(home: string, extra: Parameters<typeof startHostileServer>[0] = {}) {
  const s = await startHostileServer({
    "/": html(home),
    "/nok": html(`<h1>Независимая оценка качества</h1>${MENU}<p>Раздел о независимой оценке.</p>`),
    ...extra,
  });
  servers.push(s);
  return s;
}

/** nok check in its own process: 120 s, a 1 GB heap, peak RSS reported; exit 0–3 and no stack trace. */
async function check(url: string, timeoutMs = 120_000): Promise<{ r: CaseResult; run: RunResult }> {
  const r = await runCase(
    BIN,
    ["check", url, "--json", "--render", "never", "--max-pages", "20", "--out", out],
    {
      timeoutMs,
      maxOldSpaceMb: 1024,
      nodeFlags: ["--import", RSS],
      env: { NOK_DATA_DIR: join(out, "data"), NOK_SNAPSHOTS_DIR: join(out, "snapshots") },
    },
  );
  expect(r.timedOut).toBe(false);
  expect([0, 1, 2, 3], r.stderr.slice(-1500)).toContain(r.code);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(peakRssMb(r)).toBeLessThan(1024);
  return { r, run: JSON.parse(r.stdout) as RunResult };
}

describe("hostile sites through nok check (each in its own process)", () => {
  it("a home page with 8 MB of spaces in its text", async () => {
    const s = await site(
      `<html><body>${MENU}<p>Министерство${" ".repeat(8 * 1024 * 1024)}здравоохранения</p></body></html>`,
    );
    const { run } = await check(`${s.origin}/`);
    expect(run.sites[0]?.status).not.toBe("unreachable");
  }, 130_000);

  it("a home page of 100,000 nested tags", async () => {
    const s = await site(
      `<html><body>${MENU}${"<div>".repeat(100_000)}текст${"</div>".repeat(100_000)}</body></html>`,
    );
    // About 70 s alone on 2 cores (the HTML parser's work on a 100,000-deep stack); the cap guards
    // against a hang, and a loaded CI machine needs room for the parallel test files.
    const { run } = await check(`${s.origin}/`, 240_000);
    expect(run.sites[0]?.status).not.toBe("unreachable");
  }, 250_000);

  it("a home page with 200,000 links", async () => {
    const links = Array.from({ length: 200_000 }, (_, i) => `<a href="/p${i}">Страница ${i}</a>`).join(" ");
    const s = await site(`<html><body>${MENU}<div class="content">${links}</div></body></html>`, {
      "*": html("<p>страница</p>"),
    });
    const { run } = await check(`${s.origin}/`);
    expect(run.sites[0]?.crawl.pages).toBeLessThanOrEqual(25);
  }, 130_000);

  it("a council regulation that is a DOCX zip bomb, and a PDF compression bomb: read as nothing", async () => {
    const s = await site(
      `<html><body>${MENU}<a href="/reg.docx">Положение об общественном совете по проведению независимой оценки качества</a> <a href="/results.pdf">Результаты независимой оценки качества</a></body></html>`,
      {
        "/reg.docx": (_req, res) => {
          res.writeHead(200, {
            "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          });
          res.end(docxBomb(4096));
        },
        "/results.pdf": (_req, res) => {
          res.writeHead(200, { "content-type": "application/pdf" });
          res.end(pdfCompressionBomb(2048));
        },
      },
    );
    const { run } = await check(`${s.origin}/`);
    expect(s.hits).toEqual(expect.arrayContaining(["/reg.docx", "/results.pdf"]));
    // Nothing was read from either file: the rules that would rest on them say unknown, never pass.
    const status = (rule: string) => run.sites[0]?.findings.find((f) => f.rule === rule)?.status;
    expect(status("authority/council-regulation")).toBe("unknown");
    expect(status("authority/council-nok-powers")).toBe("unknown");
    expect(status("authority/results")).not.toBe("pass");
  }, 130_000);
});

describe("stopping and resuming a run", () => {
  it("SIGTERM stops `nok run` within seconds, and --resume right after kill -9 is not refused", async () => {
    // A site that never answers holds the run until it is stopped.
    const silent = await startHostileServer({ "*": () => {} });
    servers.push(silent);
    const registry = join(out, "registry.yaml");
    await writeFile(
      registry,
      `sites:\n  - kind: authority\n    region: "71"\n    sphere: health\n    name: "Молчащий сайт"\n    url: "${silent.origin}/"\n`,
    );
    const env = {
      ...process.env,
      NOK_DATA_DIR: join(out, "run-data"),
      NOK_SNAPSHOTS_DIR: join(out, "run-snapshots"),
      NOK_REPORTS_DIR: join(out, "run-reports"),
    };
    const child = spawn(
      process.execPath,
      [fileURLToPath(BIN), "run", "--registry", registry, "--render", "never"],
      { env },
    );
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    await new Promise((r) => setTimeout(r, 6_000));
    const stopAt = Date.now();
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((r) => child.on("close", (c) => r(c)));
    // "Within seconds": a generous bound for a loaded machine, not a timing measurement.
    expect(Date.now() - stopAt, stderr.slice(-1500)).toBeLessThan(30_000);
    expect(code).toBe(143);

    // A lock whose holder was just SIGKILLed is taken over at once, not refused.
    const victim = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
    await new Promise((r) => victim.once("spawn", r));
    const dataDir = join(out, "lock-data");
    await import("node:fs/promises").then((fs) => fs.mkdir(dataDir, { recursive: true }));
    const lockFile = join(dataDir, "run.lock");
    await writeFile(
      lockFile,
      JSON.stringify({
        pid: victim.pid,
        hostname: (await import("node:os")).hostname(),
        startedAt: new Date().toISOString(),
        runId: null,
        command: "run",
        nonce: "victim",
      }),
    );
    victim.kill("SIGKILL");
    const lock = await acquireRunLock(dataDir, { command: "run" });
    expect(lock.takenOver?.pid).toBe(victim.pid);
    await lock.release();
  }, 130_000);
});

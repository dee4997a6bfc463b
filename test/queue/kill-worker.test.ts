/**
 * A worker killed mid-site (SIGKILL, in a child process) loses nothing: its job's lock expires, BullMQ's stalled
 * check puts it back, the other worker crawls the site from the start, and the run completes with no trace of
 * the abandoned attempt in the manifest.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisServerPath, startRedis, type TestRedis } from "../../bench/redis-server.ts";
import { runQueued, startWorker } from "../../src/index.ts";
import { openRunReader } from "../../src/snapshot/index.ts";
import { type LocalWeb, NATIONAL_SPECS, startLocalWeb, writeRegistry } from "../national/web.ts";

const REDIS = redisServerPath();
if (!REDIS) console.log("queue tests skipped: redis-server is not installed (apt-get install redis-server)");
const CHILD = new URL("./worker-child.ts", import.meta.url).pathname;

let redis: TestRedis;
let web: LocalWeb;
let dir: string;
let child: ChildProcess | null = null;

beforeAll(async () => {
  if (!REDIS) return;
  redis = await startRedis(REDIS);
  web = await startLocalWeb(NATIONAL_SPECS.slice(0, 2));
  dir = mkdtempSync(join(tmpdir(), "nok-queue-kill-"));
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await web?.close();
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!REDIS)("a worker killed mid-site", () => {
  it("its site is retried on the other worker and the run completes", async () => {
    const snapshotsDir = join(dir, "snapshots");
    const [first, second] = web.sites;
    // The first site answers nothing until released: the doomed worker is provably mid-site when killed.
    let release!: () => void;
    first!.hold = new Promise<void>((r) => {
      release = r;
    });
    child = spawn(process.execPath, ["--import", "tsx", CHILD, redis.url, "kill", snapshotsDir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
    });
    await until(() => out.includes("ready"), "the child worker to start");

    const planned = runQueued({
      registryFiles: [await writeRegistry(dir, web.sites)],
      asOf: "2026-06-01",
      hostIntervalMs: 0,
      render: "never",
      queue: redis.url,
      queueName: "kill",
      pollMs: 50,
      sweepMs: 1_000,
      dataDir: join(dir, "data"),
      snapshotsDir,
    });
    await until(() => first!.requests.length > 0, "the doomed worker to start the first site");
    const exited = new Promise((r) => child!.once("exit", r));
    child.kill("SIGKILL");
    await exited;
    child = null;
    first!.hold = null;
    release();

    const done: { url: string; worker: string }[] = [];
    const survivor = await startWorker({
      queue: redis.url,
      queueName: "kill",
      name: "survivor",
      concurrency: 1,
      snapshotsDir,
      chromium: null,
      lockDurationMs: 2_000,
      stalledIntervalMs: 500,
      onSite: ({ url, result }) => {
        if (result) done.push({ url, worker: "survivor" });
      },
    });
    let run: Awaited<typeof planned>;
    try {
      run = await planned;
    } finally {
      await survivor.close();
    }

    expect(done.map((d) => d.url).sort()).toEqual([first!.url, second!.url].sort());
    expect(run.sites.map((s) => s.status)).toEqual(["ok", "ok"]);
    const nok = run.sites[0]!.findings.find((f) => f.rule === "authority/nok-section");
    expect(nok?.status).toBe("pass");
    // The manifest holds the survivor's crawl of each site, once: no page of the abandoned attempt twice.
    const urls: string[] = [];
    for await (const e of openRunReader(snapshotsDir, run.runId).entries())
      if (e.site === first!.url) urls.push(e.url);
    expect(urls.length).toBeGreaterThan(0);
    expect(new Set(urls).size).toBe(urls.length);
  }, 90_000);
});

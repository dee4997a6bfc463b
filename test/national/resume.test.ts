import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNational } from "../../src/pipeline/run.ts";
import { openRunReader } from "../../src/snapshot/index.ts";
import { openStore } from "../../src/store/index.ts";
import type { RunResult, SiteResult } from "../../src/types/index.ts";
import { type LocalWeb, NATIONAL_SPECS, startLocalWeb, writeRegistry } from "./web.ts";

const NOK = new URL("../../bin/nok.js", import.meta.url).pathname;

let web: LocalWeb;
let dir: string;
let registry: string;

beforeAll(async () => {
  web = await startLocalWeb(NATIONAL_SPECS);
  dir = mkdtempSync(join(tmpdir(), "nok-resume-"));
  registry = await writeRegistry(dir, web.sites, {
    url: web.downUrl,
    region: "71",
    sphere: "culture",
    name: "Министерство культуры Тульской области",
  });
});
afterAll(async () => {
  await web.close();
  await rm(dir, { recursive: true, force: true });
});

function nok(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, [NOK, ...args], {
    env: { ...process.env, NOK_DATA_DIR: join(dir, "data"), NOK_SNAPSHOTS_DIR: join(dir, "snapshots") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr!.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>(
    (resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

/** Complete lines of the run's sites.jsonl (the run id is not known in advance: one run dir exists). */
function completedLines(): string[] {
  const runs = join(dir, "snapshots", "runs");
  if (!existsSync(runs)) return [];
  for (const id of readdirSync(runs)) {
    const file = join(runs, id, "sites.jsonl");
    if (existsSync(file)) return readFileSync(file, "utf8").split("\n").slice(0, -1);
  }
  return [];
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What must be equal between a resumed and an uninterrupted run: everything but timings and ids. */
function comparable(site: SiteResult) {
  return { ...site, crawl: { ...site.crawl, durationMs: 0 } };
}

describe("resume after kill -9", () => {
  it("finishes without re-fetching completed sites, and equals an uninterrupted run", async () => {
    const [first, second, third] = web.sites;
    // The second site answers nothing until released: the run is provably mid-way when it is killed.
    let release!: () => void;
    second!.hold = new Promise<void>((r) => {
      release = r;
    });
    const common = ["--host-interval", "0", "--format", "json"];
    const killed = nok([
      "run",
      "--registry",
      registry,
      "--concurrency",
      "1",
      "--as-of",
      "2026-06-01",
      ...common,
      "--out",
      join(dir, "rep1"),
    ]);
    await until(
      () => completedLines().length >= 1 && second!.requests.length > 0,
      "the first site to complete",
    );
    killed.child.kill("SIGKILL");
    const k = await killed.done;
    expect(k.signal).toBe("SIGKILL");
    second!.hold = null;
    release();

    expect(completedLines()).toHaveLength(1);
    const firstRequests = first!.requests.length;
    expect(firstRequests).toBeGreaterThan(0);
    expect(third!.requests).toHaveLength(0);
    const store = openStore(join(dir, "data"));
    const crashed = await store.latestUnfinished();
    expect(crashed?.status).toBe("running");
    expect(existsSync(join(dir, "data", "run.lock"))).toBe(true);

    const resumed = nok(["run", "--resume", ...common, "--out", join(dir, "rep2"), "--json"]);
    const r = await resumed.done;
    expect(r.stderr).toContain("снята устаревшая блокировка");
    expect(r.code).toBe(1);
    const run = JSON.parse(r.stdout) as RunResult;
    expect(run.runId).toBe(crashed!.id);
    expect(run.sites).toHaveLength(4);
    // Not one more request to the site completed before the crash.
    expect(first!.requests.length).toBe(firstRequests);
    expect(third!.requests.length).toBeGreaterThan(0);
    expect((await store.getRun(run.runId))?.status).toBe("finished");
    expect(existsSync(join(dir, "data", "run.lock"))).toBe(false);

    // The manifest lists each page of each site once: the interrupted attempt's entries were pruned.
    const seen = new Set<string>();
    for await (const e of openRunReader(join(dir, "snapshots"), run.runId).entries()) {
      const key = `${e.site} ${e.url}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }

    const straight = await runNational({
      registryFiles: [registry],
      asOf: "2026-06-01",
      concurrency: 1,
      hostIntervalMs: 0,
      dataDir: join(dir, "data-straight"),
      snapshotsDir: join(dir, "snapshots-straight"),
    });
    expect(run.sites.map(comparable)).toEqual(straight.sites.map(comparable));
    expect(run.regions).toEqual(straight.regions);
    expect(run.national).toEqual(straight.national);
  });
});

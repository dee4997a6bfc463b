import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type CheckJob,
  type CheckQueue,
  type CheckRequest,
  type CheckRunner,
  openCheckQueue,
  QueueFullError,
} from "../../src/server/check-queue.ts";
import type { RunResult } from "../../src/types/index.ts";
import { checkRun } from "../report/fixtures.ts";

/** A runner whose checks finish when the test says; it records what it was asked to check. */
function controlledRunner() {
  const started: CheckRequest[] = [];
  const pending = new Map<string, { resolve: (r: RunResult) => void; reject: (e: Error) => void }>();
  const runner: CheckRunner = (request, { onProgress, signal }) =>
    new Promise<RunResult>((resolve, reject) => {
      started.push(request);
      onProgress({
        site: request.url,
        pages: 3,
        documents: 1,
        errors: 0,
        decided: 2,
        rules: 13,
        lastUrl: `${request.url}about`,
        lastStatus: 200,
        lastError: null,
      });
      signal.addEventListener("abort", () => resolve(resultFor(request)));
      pending.set(request.url + (request.sphere ?? ""), { resolve, reject });
    });
  const finish = (url: string, sphere: string | null = null) => {
    const p = pending.get(url + (sphere ?? ""));
    if (!p) throw new Error(`not running: ${url}`);
    pending.delete(url + (sphere ?? ""));
    p.resolve(resultFor({ url, kind: "authority", sphere: null, region: null }));
  };
  const failWith = (url: string, message: string) => {
    pending.get(url)?.reject(new Error(message));
    pending.delete(url);
  };
  return { runner, started, finish, failWith };
}

function resultFor(request: CheckRequest): RunResult {
  const run = checkRun();
  run.runId = `check-${Buffer.from(request.url).toString("hex").slice(-12)}`;
  run.sites = run.sites.map((s) => ({ ...s, url: request.url, finalUrl: request.url }));
  return run;
}

const req = (url: string, sphere: CheckRequest["sphere"] = null): CheckRequest => ({
  url,
  kind: "authority",
  sphere,
  region: null,
});

/** Waits for a condition: jobs start and finish asynchronously (after their file is written). */
async function until(condition: () => boolean, what = "condition"): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe("check queue", () => {
  let dir: string;
  const queues: CheckQueue[] = [];
  const open = async (runner: CheckRunner, concurrency = 2, maxQueued?: number) => {
    const q = await openCheckQueue({ dir, runner, concurrency, ...(maxQueued ? { maxQueued } : {}) });
    queues.push(q);
    return q;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "nok-queue-"));
  });
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("joins a second submission of the same site to the running check", async () => {
    const r = controlledRunner();
    const q = await open(r.runner);
    const first = await q.submit(req("https://minzdrav.example.ru/"));
    await until(() => r.started.length === 1);
    const second = await q.submit(req("http://www.minzdrav.example.ru"));
    expect(second.joined).toBe(true);
    expect(second.job.id).toBe(first.job.id);
    expect(q.get(first.job.id)?.submissions).toBe(2);
    r.finish("https://minzdrav.example.ru/");
    await q.idle();
    expect(r.started).toHaveLength(1);
    const done = q.get(first.job.id)!;
    expect(done.state).toBe("done");
    expect(done.summary).toMatchObject({
      siteStatus: "ok",
      score: 70,
      counts: { pass: 8, fail: 2, warn: 1 },
    });
  });

  it("runs one check per site at a time, even for another sphere, while other sites proceed", async () => {
    const r = controlledRunner();
    const q = await open(r.runner, 2);
    const health = await q.submit(req("https://minzdrav.example.ru/", "health"));
    const social = await q.submit(req("https://minzdrav.example.ru/", "social"));
    const other = await q.submit(req("https://culture.example.ru/"));
    await until(() => r.started.length === 2);
    expect(social.joined).toBe(false);
    expect(r.started.map((s) => s.url + (s.sphere ?? ""))).toEqual([
      "https://minzdrav.example.ru/health",
      "https://culture.example.ru/",
    ]);
    expect(q.get(social.job.id)).toMatchObject({ state: "queued", position: 1 });
    r.finish("https://minzdrav.example.ru/", "health");
    await until(() => r.started.length === 3);
    expect(q.get(health.job.id)?.state).toBe("done");
    expect(q.get(social.job.id)?.state).toBe("running");
    expect(q.get(other.job.id)?.state).toBe("running");
  });

  it("shows each waiting job's place in the queue, and the progress of running ones", async () => {
    const r = controlledRunner();
    const q = await open(r.runner, 1);
    const a = await q.submit(req("https://a.example.ru/"));
    const b = await q.submit(req("https://b.example.ru/"));
    const c = await q.submit(req("https://c.example.ru/"));
    await until(() => r.started.length === 1);
    expect(q.get(a.job.id)).toMatchObject({
      state: "running",
      position: null,
      progress: { pages: 3, decided: 2 },
    });
    expect(q.get(b.job.id)?.position).toBe(1);
    expect(q.get(c.job.id)?.position).toBe(2);
    r.finish("https://a.example.ru/");
    await until(() => r.started.length === 2);
    expect(q.get(b.job.id)?.state).toBe("running");
    expect(q.get(c.job.id)?.position).toBe(1);
  });

  it("refuses submissions when the queue is full", async () => {
    const r = controlledRunner();
    const q = await open(r.runner, 1, 1);
    await q.submit(req("https://a.example.ru/"));
    await until(() => r.started.length === 1);
    await q.submit(req("https://b.example.ru/"));
    await expect(q.submit(req("https://c.example.ru/"))).rejects.toBeInstanceOf(QueueFullError);
  });

  it("records a failing check with a Russian message", async () => {
    const r = controlledRunner();
    const q = await open(r.runner);
    const { job } = await q.submit(req("https://a.example.ru/"));
    await until(() => r.started.length === 1);
    r.failWith("https://a.example.ru/", "rules broken");
    await q.idle();
    expect(q.get(job.id)).toMatchObject({ state: "failed", error: "Проверка не выполнена: rules broken" });
  });

  it("keeps results across restarts; a check cut off by the stop is marked failed, waiting ones run again", async () => {
    const r = controlledRunner();
    const q = await open(r.runner, 1);
    const done = await q.submit(req("https://a.example.ru/"));
    await until(() => r.started.length === 1);
    r.finish("https://a.example.ru/");
    await q.idle();
    const cut = await q.submit(req("https://b.example.ru/"));
    const waiting = await q.submit(req("https://c.example.ru/"));
    await until(() => r.started.length === 2);
    await q.close();

    const stored = JSON.parse(await readFile(join(dir, `${done.job.id}.json`), "utf8")) as CheckJob;
    expect(stored.state).toBe("done");

    const r2 = controlledRunner();
    const q2 = await open(r2.runner, 1);
    expect(q2.get(done.job.id)).toMatchObject({ state: "done", summary: { score: 70 } });
    expect(q2.get(cut.job.id)).toMatchObject({ state: "failed" });
    expect(q2.get(cut.job.id)?.error).toMatch(/прервана/);
    await until(() => r2.started.length === 1);
    expect(r2.started.map((s) => s.url)).toEqual(["https://c.example.ru/"]);
    expect(q2.get(waiting.job.id)?.state).toBe("running");
  });

  it("marks a job found 'running' on disk (the process died) as failed, and skips foreign files", async () => {
    const job: CheckJob = {
      id: "abcdefgh12345678",
      request: req("https://z.example.ru/"),
      state: "running",
      submittedAt: "2026-11-01T10:00:00.000Z",
      startedAt: "2026-11-01T10:00:01.000Z",
      finishedAt: null,
      submissions: 1,
      progress: null,
      summary: null,
      error: null,
    };
    await writeFile(join(dir, `${job.id}.json`), JSON.stringify(job));
    await writeFile(join(dir, "broken.json"), "{ not json");
    const r = controlledRunner();
    const q = await open(r.runner);
    expect(q.get(job.id)?.state).toBe("failed");
    expect(q.list()).toHaveLength(1);
    expect(r.started).toEqual([]);
  });
});

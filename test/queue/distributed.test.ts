/**
 * A distributed run over a slice of the demo web: a planner and two workers on a real redis-server give the
 * embedded run's verdicts, and the finished run has the embedded layout (plan, sites.jsonl, manifest, result).
 */
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisServerPath, startRedis, type TestRedis } from "../../bench/redis-server.ts";
import { DEMO_AS_OF, type DemoWeb, startDemoWeb } from "../../demo/index.ts";
import { type NokWorker, runNational, runQueued, startWorker } from "../../src/index.ts";
import { openRunReader } from "../../src/snapshot/index.ts";
import type { RunResult } from "../../src/types/index.ts";

const REDIS = redisServerPath();
if (!REDIS) console.log("queue tests skipped: redis-server is not installed (apt-get install redis-server)");

/** A quick demo site and the one that never answers (one for each worker). */
const ONLY = ["tula-social", "mordovia-health"];

let redis: TestRedis;
let web: DemoWeb;
let dir: string;
let registry: string;

beforeAll(async () => {
  if (!REDIS) return;
  redis = await startRedis(REDIS);
  web = await startDemoWeb({ only: ONLY });
  dir = mkdtempSync(join(tmpdir(), "nok-queue-"));
  registry = join(dir, "demo.yaml");
  await writeFile(
    registry,
    `sites:\n${web.sites
      .map(
        (s) =>
          `  - { kind: authority, region: "${s.region}", sphere: ${s.sphere}, name: ${JSON.stringify(s.name)}, url: "${s.url}" }`,
      )
      .join("\n")}\n`,
  );
});
afterAll(async () => {
  await web?.close();
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const common = () => ({
  registryFiles: [registry],
  asOf: DEMO_AS_OF,
  hostIntervalMs: 0,
  render: "never" as const,
  chromium: null,
});

function verdicts(run: RunResult) {
  return run.sites.map((s) => ({
    url: s.url,
    status: s.status,
    findings: Object.fromEntries(s.findings.map((f) => [f.rule, f.status])),
  }));
}

describe.skipIf(!REDIS)("distributed run (BullMQ on redis-server)", () => {
  it("a planner and two workers give the embedded run's result", async () => {
    const embedded = await runNational({
      ...common(),
      dataDir: join(dir, "embedded", "data"),
      snapshotsDir: join(dir, "embedded", "snapshots"),
    });

    const snapshotsDir = join(dir, "queued", "snapshots");
    const byWorker = new Map<string, string[]>();
    const workers: NokWorker[] = [];
    for (const name of ["w1", "w2"]) {
      workers.push(
        await startWorker({
          queue: redis.url,
          queueName: "equal",
          name,
          concurrency: 1,
          snapshotsDir,
          chromium: null,
          onSite: ({ url }) => byWorker.set(name, [...(byWorker.get(name) ?? []), url]),
        }),
      );
    }
    const seen: number[] = [];
    let queued: RunResult;
    try {
      queued = await runQueued({
        ...common(),
        queue: redis.url,
        queueName: "equal",
        pollMs: 50,
        dataDir: join(dir, "queued", "data"),
        snapshotsDir,
        onProgress: (p) => seen.push(p.done),
      });
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }

    expect(verdicts(queued)).toEqual(verdicts(embedded));
    expect(queued.national).toEqual(embedded.national);
    // Every site was checked by one of the workers, once.
    expect([...byWorker.values()].flat().sort()).toEqual(web.sites.map((s) => s.url).sort());
    expect(seen.at(-1)).toBe(web.sites.length);

    // The embedded layout: the manifest lists every page of every site, the parts are gone.
    const runDir = join(snapshotsDir, "runs", queued.runId);
    expect(existsSync(join(runDir, "parts"))).toBe(false);
    expect(readdirSync(runDir).sort()).toEqual(
      expect.arrayContaining(["manifest.jsonl", "plan.json", "sites.jsonl"]),
    );
    // (Page counts may differ by a few: a crawl stops once verdicts settle, and parallel fetches race.)
    const perSite = new Map<string, Set<string>>();
    for await (const e of openRunReader(snapshotsDir, queued.runId).entries())
      perSite.set(e.site, (perSite.get(e.site) ?? new Set()).add(e.url));
    expect([...perSite.keys()].sort()).toEqual(web.sites.map((s) => s.url).sort());
    for (const site of queued.sites)
      expect(perSite.get(site.url)?.size).toBeGreaterThanOrEqual(site.crawl.pages);
  }, 120_000);
});

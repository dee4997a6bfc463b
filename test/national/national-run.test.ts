import { existsSync, mkdtempSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NationalSummaryExt, RegionSummaryExt } from "../../src/findings/index.ts";
import { type NationalProgress, RunInterruptedError, runNational } from "../../src/pipeline/run.ts";
import { readPlan } from "../../src/pipeline/state/plan.ts";
import { openStore } from "../../src/store/index.ts";
import type { RunResult } from "../../src/types/index.ts";
import { UsageError } from "../../src/util/errors.ts";
import { type LocalWeb, NATIONAL_SPECS, startLocalWeb, writeRegistry } from "./web.ts";

let web: LocalWeb;
let dir: string;
let registry: string;
const CULTURE_DOWN = {
  region: "71",
  sphere: "culture" as const,
  name: "Министерство культуры Тульской области",
};

beforeAll(async () => {
  web = await startLocalWeb(NATIONAL_SPECS);
  dir = mkdtempSync(join(tmpdir(), "nok-national-"));
  registry = await writeRegistry(dir, web.sites, { url: web.downUrl, ...CULTURE_DOWN });
});
afterAll(async () => {
  await web.close();
  await rm(dir, { recursive: true, force: true });
});

const status = (run: RunResult, url: string, rule: string) =>
  run.sites.find((s) => s.url === url)?.findings.find((f) => f.rule === rule)?.status;

describe("national run", () => {
  let first: RunResult;
  const progress: NationalProgress[] = [];
  const opts = () => ({
    registryFiles: [registry],
    asOf: "2026-06-01",
    dataDir: join(dir, "data"),
    snapshotsDir: join(dir, "snapshots"),
    hostIntervalMs: 0,
  });

  it("checks every registry site and summarises regions and the nation", async () => {
    first = await runNational({ ...opts(), concurrency: 2, onProgress: (p) => progress.push(p) });
    const [tulaHealth, tulaSocial, kalmykia] = web.sites;
    expect(first.mode).toBe("run");
    // Plan order = registry order, whatever order the sites finished in.
    expect(first.sites.map((s) => s.url)).toEqual([
      tulaHealth!.url,
      tulaSocial!.url,
      kalmykia!.url,
      web.downUrl,
    ]);
    expect(first.sites[3]?.status).toBe("unreachable");
    expect(first.sites[3]?.findings.every((f) => f.status === "unknown")).toBe(true);
    expect(status(first, tulaHealth!.url, "authority/nok-section")).toBe("pass");
    expect(status(first, kalmykia!.url, "authority/nok-section")).toBe("fail");
    expect(status(first, kalmykia!.url, "authority/council-regulation")).toBe("fail");

    // Every region of the registry's 89 is listed; the run's two carry the sites.
    expect(first.regions).toHaveLength(89);
    const tula = first.regions.find((r) => r.code === "71") as RegionSummaryExt;
    expect(tula.sites).toBe(3);
    expect(tula.unreachable).toBe(1);
    expect(tula.byRule["authority/nok-section"]).toMatchObject({ pass: 2, unknown: 1, fail: 0 });
    const kalm = first.regions.find((r) => r.code === "08") as RegionSummaryExt;
    expect(kalm.gaps.find((g) => g.rule === "authority/nok-section")?.spheres).toEqual(["health"]);

    const national = first.national as NationalSummaryExt;
    expect(national.regions).toBe(89);
    expect(national.regionsWithSites).toBe(2);
    expect(national.bySphere.health?.["authority/nok-section"]).toMatchObject({ pass: 1, fail: 1 });
    expect(national.bySphere.social?.["authority/nok-section"]).toMatchObject({ pass: 1 });
    expect(national.failing["authority/nok-section"]).toEqual([
      { code: "08", name: "Республика Калмыкия", spheres: ["health"] },
    ]);
    expect(first.compare ?? null).toBeNull();
  });

  it("reports progress up to every site done, never more sites at once than the cap", () => {
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ runId: first.runId, total: 4, done: 4, unreachable: 1 });
    expect(last.pages).toBe(first.sites.reduce((n, s) => n + s.crawl.pages, 0));
    expect(progress.filter((p) => p.completed).map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(Math.max(...progress.map((p) => p.active.length))).toBeLessThanOrEqual(2);
    expect(progress.find((p) => p.completed && p.done < 4)?.etaMs).not.toBeNull();
  });

  it("stores the run, its site summaries and result.json; the plan and per-site log beside the snapshots", async () => {
    const store = openStore(join(dir, "data"));
    const record = await store.getRun(first.runId);
    expect(record).toMatchObject({
      mode: "run",
      status: "finished",
      asOf: "2026-06-01",
      registryFiles: [registry],
    });
    expect(record?.counts).toMatchObject({ planned: 4, done: 4, sites: { ok: 3, unreachable: 1 } });
    expect(record?.byRule["authority/nok-section"]).toMatchObject({ pass: 2, fail: 1, unknown: 1 });
    expect(await store.siteSummaries(first.runId)).toHaveLength(4);
    const stored = JSON.parse(await readFile(record!.resultPath!, "utf8")) as RunResult;
    expect(stored).toEqual(first);
    const plan = await readPlan(join(dir, "snapshots"), first.runId);
    expect(plan?.targets.map((t) => t.url)).toEqual(first.sites.map((s) => s.url));
    expect(existsSync(join(dir, "snapshots", "runs", first.runId, "sites.jsonl"))).toBe(true);
    expect(existsSync(join(dir, "data", "run.lock"))).toBe(false);
  });

  it("the next run is compared with the previous finished one; history shows the trend", async () => {
    const second = await runNational({ ...opts(), regions: ["Республика Калмыкия"] });
    expect(second.sites.map((s) => s.region)).toEqual(["08"]);
    expect(second.regions.map((r) => r.code)).toEqual(["08"]);
    expect(second.compare?.runId).toBe(first.runId);
    expect(
      second.compare?.changes.some((c) => c.change === "still-missing" && c.rule === "authority/nok-section"),
    ).toBe(true);
    const trend = await openStore(join(dir, "data")).ruleTrend("authority/nok-section");
    expect(trend.map((t) => t.runId)).toEqual([first.runId, second.runId]);
  });

  it("an aborted run is saved as interrupted and releases the lock", async () => {
    const controller = new AbortController();
    const err = await runNational({
      ...opts(),
      concurrency: 1,
      onProgress: (p) => {
        if (p.completed) controller.abort();
      },
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunInterruptedError);
    const runId = (err as RunInterruptedError).runId;
    const record = await openStore(join(dir, "data")).getRun(runId);
    expect(record?.status).toBe("interrupted");
    expect(record?.counts.done).toBe(1);
    expect(existsSync(join(dir, "data", "run.lock"))).toBe(false);
    // Resuming it finishes the rest.
    const resumed = await runNational({ ...opts(), registryFiles: [], resume: true });
    expect(resumed.runId).toBe(runId);
    expect(resumed.sites).toHaveLength(4);
    expect((await openStore(join(dir, "data")).getRun(runId))?.status).toBe("finished");
  });

  it("registry problems are reported by file and row; the rest still runs; nothing usable is a usage error", async () => {
    const mixed = join(dir, "mixed.yaml");
    await writeFile(
      mixed,
      [
        "sites:",
        "  - kind: authority",
        '    region: "08"',
        "    sphere: health",
        '    name: "Министерство здравоохранения Республики Калмыкия"',
        `    url: "${web.sites[2]!.url}"`,
        "  - kind: authority",
        '    region: "999"',
        "    sphere: health",
        '    name: "Нет такого региона"',
        '    url: "http://127.0.0.1:9/"',
      ].join("\n"),
    );
    const logs: string[] = [];
    const run = await runNational({ ...opts(), registryFiles: [mixed], onLog: (_l, m) => logs.push(m) });
    expect(run.sites).toHaveLength(1);
    expect(logs.some((m) => m.startsWith(`реестр: ${mixed}`) && m.includes("строка 2"))).toBe(true);

    const broken = join(dir, "broken.yaml");
    await writeFile(broken, "sites:\n  - kind: authority\n    region: '999'\n");
    await expect(runNational({ ...opts(), registryFiles: [broken] })).rejects.toThrow(UsageError);
    await expect(runNational({ ...opts(), registryFiles: [registry], spheres: ["sport"] })).rejects.toThrow(
      /не попал ни один сайт/,
    );
    await expect(runNational({ ...opts(), regions: ["Атлантида"] })).rejects.toThrow(/неизвестный регион/);
  });
});

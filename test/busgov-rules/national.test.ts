import { writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BusGovMock, demoAgencies, startBusGovMock } from "../../demo/web/busgov-mock/index.ts";
import { planTargets } from "../../src/pipeline/national-plan.ts";
import { recheckRun } from "../../src/pipeline/recheck.ts";
import { RunInterruptedError, runNational } from "../../src/pipeline/run.ts";
import type { RegistrySite } from "../../src/registry/index.ts";
import { openStore } from "../../src/store/index.ts";
import { UsageError } from "../../src/util/errors.ts";
import { tempDir } from "./helpers.ts";

let mock: BusGovMock;
let web: Server;
let webUrl: string;
let dir: Awaited<ReturnType<typeof tempDir>>;
let registry: string;

beforeAll(async () => {
  dir = await tempDir();
  mock = await startBusGovMock(demoAgencies(2026));
  web = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      "<!doctype html><html><head><title>Учреждение</title></head><body><p>Сайт учреждения</p></body></html>",
    );
  });
  await new Promise<void>((r) => web.listen(0, "127.0.0.1", r));
  webUrl = `http://127.0.0.1:${(web.address() as { port: number }).port}`;
  registry = join(dir.path, "registry.yaml");
  const row = (sphere: string, name: string, path: string, extra: string[]) => [
    "  - kind: institution",
    '    region: "71"',
    `    sphere: ${sphere}`,
    `    name: "${name}"`,
    `    url: "${webUrl}/${path}"`,
    ...extra,
  ];
  await writeFile(
    registry,
    [
      "sites:",
      ...row("education", "Школа № 1", "school", ['    inn: "7105001011"']),
      ...row("social", "КЦСОН № 2", "kcson", ['    busgovId: "100006"']),
      ...row("health", "Поликлиника без ИНН", "clinic", []),
    ].join("\n"),
  );
});

afterAll(async () => {
  await mock?.close();
  await new Promise<void>((r) => (web ? web.close(() => r()) : r()));
  await dir?.remove();
});

const site = (over: Partial<RegistrySite>): RegistrySite => ({
  kind: "institution",
  region: "71",
  sphere: "social",
  name: "Учреждение",
  url: "https://example.ru/",
  ...over,
});

describe("national plan", () => {
  const sites = [
    site({ url: "https://a.example.ru/", inn: "7105001011" }),
    site({ url: "https://b.example.ru/" }),
    site({ kind: "authority", url: "https://min.example.ru/", inn: "7107002028" }),
  ];

  it("follows each institution with an INN or id by its bus.gov.ru target", () => {
    const plan = planTargets(sites, { regions: [], spheres: [], kinds: [] }, "https://bus.gov.ru");
    expect(plan.map((t) => t.kind)).toEqual(["institution", "busgov", "institution", "authority"]);
    expect(plan[1]).toMatchObject({ inn: "7105001011", sphere: "social", region: "71" });
    expect(plan[1]!.url).toMatch(
      /^https:\/\/bus\.gov\.ru\/public-rest\/api\/agency\/extendedSearchAgencyNew\?searchString=7105001011/,
    );
    expect(new Set(plan.map((t) => t.key)).size).toBe(plan.length);
  });

  it("obeys the kind filter both ways", () => {
    const only = (kinds: ("institution" | "busgov" | "authority")[]) =>
      planTargets(sites, { regions: [], spheres: [], kinds }, "https://bus.gov.ru").map((t) => t.kind);
    expect(only(["busgov"])).toEqual(["busgov"]);
    expect(only(["institution"])).toEqual(["institution", "institution"]);
    expect(planTargets(sites, { regions: [], spheres: [], kinds: [] }).map((t) => t.kind)).not.toContain(
      "busgov",
    );
  });
});

describe("national run with bus.gov.ru", () => {
  const opts = () => ({
    registryFiles: [registry],
    asOf: "2026-11-01",
    dataDir: join(dir.path, "data"),
    snapshotsDir: join(dir.path, "snapshots"),
    hostIntervalMs: 0,
    render: "never" as const,
    busgovUrl: mock.url,
  });

  it("checks the bus.gov.ru targets through one client, and a resumed run finishes them", async () => {
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

    const before = mock.requests.length;
    // The plan is kept: no --busgov-url on resume, its targets say where bus.gov.ru is.
    const { busgovUrl: _drop, ...resumeOpts } = opts();
    const run = await runNational({ ...resumeOpts, registryFiles: [], resume: runId });
    expect(run.runId).toBe(runId);
    expect(run.sites.map((s) => s.kind)).toEqual([
      "institution",
      "busgov",
      "institution",
      "busgov",
      "institution",
    ]);
    const [school, kcson] = [run.sites[1]!, run.sites[3]!];
    expect(school.finalUrl).toBe(`${mock.url}/pub/info-card/100001`);
    expect(school.findings.map((f) => f.status)).toEqual(["pass", "pass", "pass", "pass"]);
    expect(Object.fromEntries(kcson.findings.map((f) => [f.rule, f.status]))).toMatchObject({
      "busgov/card": "pass",
      "busgov/plan-report": "fail",
    });
    expect(mock.requests.length).toBeGreaterThan(before);
    // Region summaries count bus.gov.ru findings like any other rule.
    const tula = run.regions.find((r) => r.code === "71")!;
    expect(tula.byRule["busgov/card"]).toMatchObject({ pass: 2 });

    // Offline re-judging reads the stored JSON answers: same verdicts, and the mock sees no request.
    const asked = mock.requests.length;
    const again = await recheckRun(runId, {
      dataDir: resumeOpts.dataDir,
      snapshotsDir: resumeOpts.snapshotsDir,
    });
    expect(mock.requests.length).toBe(asked);
    const statuses = (r: typeof run) =>
      r.sites.filter((s) => s.kind === "busgov").map((s) => s.findings.map((f) => `${f.rule}:${f.status}`));
    expect(statuses(again)).toEqual(statuses(run));
  });

  it("render always without Chromium refuses to start: no run is recorded", async () => {
    const data = join(dir.path, "data-always");
    await expect(runNational({ ...opts(), dataDir: data, render: "always", chromium: null })).rejects.toThrow(
      UsageError,
    );
    expect(await openStore(data).listRuns()).toEqual([]);
  });
});

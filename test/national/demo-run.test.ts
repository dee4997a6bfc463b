import { mkdtempSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AS_OF, type DemoWeb, startDemoWeb } from "../../demo/index.ts";
import type { NationalSummaryExt } from "../../src/findings/index.ts";
import { runNational } from "../../src/pipeline/run.ts";
import type { RunResult, Status } from "../../src/types/index.ts";

/** A quick demo site and the one that never answers: enough to see the run end to end on the demo web. */
const ONLY = ["tula-social", "mordovia-health"];

let web: DemoWeb;
let dir: string;
let run: RunResult;

beforeAll(async () => {
  web = await startDemoWeb({ only: ONLY });
  dir = mkdtempSync(join(tmpdir(), "nok-demo-run-"));
  const registry = join(dir, "demo.yaml");
  await writeFile(
    registry,
    `sites:\n${web.sites
      .map(
        (s) =>
          `  - { kind: authority, region: "${s.region}", sphere: ${s.sphere}, name: ${JSON.stringify(s.name)}, url: "${s.url}" }`,
      )
      .join("\n")}\n`,
  );
  run = await runNational({
    registryFiles: [registry],
    asOf: DEMO_AS_OF,
    hostIntervalMs: 0,
    dataDir: join(dir, "data"),
    snapshotsDir: join(dir, "snapshots"),
  });
});
afterAll(async () => {
  await web?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("national run over the demo web", () => {
  it("checks every demo site; the one that never answers stays undecided, never a breach", () => {
    expect(run.sites.map((s) => s.url)).toEqual(web.sites.map((s) => s.url));
    const down = run.sites.find((s) => s.url === web.sites.find((d) => d.id === "mordovia-health")?.url);
    expect(down?.status).toBe("unreachable");
    expect(new Set(down?.findings.map((f) => f.status))).toEqual(new Set(["unknown"]));
  });

  it("the national summary counts each region's authority site verdicts per sphere", () => {
    const national = run.national as NationalSummaryExt;
    expect(national.regionsWithSites).toBe(new Set(web.sites.map((s) => s.region)).size);
    for (const site of run.sites) {
      for (const f of site.findings) {
        const counts = national.bySphere[site.sphere!]?.[f.rule];
        expect(counts?.[f.status], `${site.url} ${f.rule}`).toBeGreaterThanOrEqual(1);
      }
      if (site.status === "unreachable")
        expect(national.unknown["authority/nok-section"]?.some((r) => r.code === site.region)).toBe(true);
    }
  });

  it("(prints agreement with the demo's expected verdicts)", () => {
    let agree = 0;
    let total = 0;
    const misses: string[] = [];
    for (const demo of web.sites) {
      const site = run.sites.find((s) => s.url === demo.url)!;
      for (const [rule, expected] of Object.entries(demo.expected) as [string, Status][]) {
        total++;
        const got = site.findings.find((f) => f.rule === rule)?.status;
        if (got === expected) agree++;
        else misses.push(`${demo.id} ${rule}: ожидалось ${expected}, получено ${got}`);
      }
    }
    console.log(`demo agreement: ${agree}/${total}${misses.length ? `\n  ${misses.join("\n  ")}` : ""}`);
    expect(total).toBeGreaterThan(0);
  });
});

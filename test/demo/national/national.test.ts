import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedFor } from "../../../demo/harness/expected.ts";
import { accuracyOf } from "../../../demo/harness/national-measure.ts";
import { DEMO_SPECS } from "../../../demo/web/catalogue.ts";
import { DEMO_AS_OF } from "../../../demo/web/clock.ts";
import { buildSiteModel } from "../../../demo/web/model.ts";
import {
  COMPACT_MAX_DOCUMENTS,
  documentCount,
  NATIONAL_SPHERES,
  type NationalSpec,
  nationalSpecs,
  SLOW_LATENCY_MS,
} from "../../../demo/web/national/specs.ts";
import { sphereTargets, targetCount } from "../../../demo/web/national/targets.ts";
import { type NationalDemo, startNationalDemo } from "../../../demo/web/national/web.ts";
import { modelDocuments } from "../../../demo/web/web.ts";
import { runNational } from "../../../src/pipeline/run.ts";
import { loadRegions, loadRegistry } from "../../../src/registry/index.ts";
import type { RunResult, Sphere } from "../../../src/types/index.ts";

const specs = nationalSpecs();
const regions = loadRegions();

/** Within ±10 % of the target count (at least one site either way, for the small shares). */
function expectNear(actual: number, target: number, label: string): void {
  const slack = Math.max(1, Math.round(target * 0.1));
  expect(Math.abs(actual - target), `${label}: ${actual} against a target of ${target}`).toBeLessThanOrEqual(
    slack,
  );
}

describe("nationalSpecs", () => {
  it("has one site per region × sphere: 89 × 4 = 356, unique ids", () => {
    expect(regions).toHaveLength(89);
    expect(specs).toHaveLength(356);
    expect(new Set(specs.map((s) => s.id)).size).toBe(356);
    const cells = new Set(specs.map((s) => `${s.region.code}/${s.sphere}`));
    for (const r of regions)
      for (const sphere of NATIONAL_SPHERES) expect(cells.has(`${r.code}/${sphere}`)).toBe(true);
  });

  it("keeps the hand-made catalogue's sites, ids and specs, in their regions and spheres", () => {
    for (const own of DEMO_SPECS) {
      const got = specs.find((s) => s.id === own.id);
      expect(got, own.id).toBeDefined();
      const { story: _story, ...spec } = own;
      expect(got).toEqual({ ...spec, profile: "hand-made" });
    }
    expect(specs.filter((s) => s.profile === "hand-made")).toHaveLength(DEMO_SPECS.length);
  });

  it("uses the real regions' codes and names", () => {
    const byCode = new Map(regions.map((r) => [r.code, r.name]));
    for (const s of specs) expect(s.region.name).toBe(byCode.get(s.region.code));
  });

  it("spreads dedicated sections, councils without NOK powers and НОКО-only sites per sphere like the analysis", () => {
    for (const sphere of NATIONAL_SPHERES) {
      const mine = specs.filter((s) => s.sphere === sphere);
      const t = sphereTargets(sphere);
      const count = (p: (s: NationalSpec) => boolean): number => mine.filter(p).length;
      expectNear(
        count((s) => s.items.section === "branch"),
        targetCount(t.section, 89),
        `${sphere} sections`,
      );
      expectNear(
        count((s) => s.items.council.kind === "generic"),
        targetCount(t.genericCouncil, 89),
        `${sphere} councils without NOK powers`,
      );
      if (sphere === "education")
        expectNear(
          count((s) => s.items.noko && s.items.section === "none"),
          targetCount(t.nokoOnly, 89),
          "education НОКО-only",
        );
    }
    // The analysis' own figures, scaled from 85 subjects to 89: health 46 → 48, social 63 → 66.
    expect(targetCount(sphereTargets("health").section, 89)).toBe(48);
    expect(targetCount(sphereTargets("social").section, 89)).toBe(66);
  });

  it("seeds the gaps the analysis names", () => {
    const get = (id: string) => specs.find((s) => s.id === id)!;
    expect(get("kalmykia-social").items.council.kind).toBe("generic");
    expect(get("kalmykia-health").items.council.kind).toBe("generic");
    expect(get("irkutsk-culture").items.council.kind).toBe("foreign");
    for (const slug of ["magadan", "arkhangelsk", "kostroma", "karelia", "udmurtia", "kirov"])
      expect(get(`${slug}-social`).items.operator.form, slug).toBe("none");
  });

  it("gives every verdict kind on many rules: present, stale, absent, scanned", () => {
    const seen = new Map<string, Set<string>>();
    for (const s of specs)
      for (const [rule, v] of Object.entries(expectedFor(s, DEMO_AS_OF))) {
        const set = seen.get(rule) ?? new Set<string>();
        set.add(v.status);
        seen.set(rule, set);
      }
    for (const rule of ["authority/council-minutes", "authority/org-list", "authority/results"])
      expect([...(seen.get(rule) ?? [])].sort(), rule).toEqual(["fail", "pass", "unknown", "warn"]);
    for (const rule of ["authority/council-regulation", "authority/improvement-plans"])
      expect(seen.get(rule)?.has("unknown"), rule).toBe(true);
    const profiles = new Set(specs.map((s) => s.profile));
    for (const p of [
      "model",
      "partial",
      "stale",
      "legacy",
      "branch-generic",
      "council-only",
      "generic",
      "noko-only",
      "absent",
    ])
      expect(profiles.has(p as NationalSpec["profile"]), p).toBe(true);
  });

  it("has 3–5 unreachable and 3–5 slow sites", () => {
    const down = specs.filter((s) => !s.reachable);
    const slow = specs.filter((s) => s.latencyMs);
    expect(down.length).toBeGreaterThanOrEqual(3);
    expect(down.length).toBeLessThanOrEqual(5);
    expect(slow.length).toBeGreaterThanOrEqual(3);
    expect(slow.length).toBeLessThanOrEqual(5);
    for (const s of slow.filter((x) => x.profile !== "hand-made")) expect(s.latencyMs).toBe(SLOW_LATENCY_MS);
  });

  it("keeps stamped-out compact sites at few documents, as their models hold them", () => {
    for (const s of specs) {
      if (s.profile === "hand-made") continue;
      const docs = modelDocuments(buildSiteModel(s)).length;
      expect(docs, s.id).toBe(documentCount(s.items));
      expect(docs, s.id).toBeLessThanOrEqual(COMPACT_MAX_DOCUMENTS);
    }
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(nationalSpecs({ seed: 2026 })).toEqual(specs);
    const other = nationalSpecs({ seed: 7 });
    expect(other.map((s) => s.id)).toEqual(specs.map((s) => s.id));
    expect(other.map((s) => s.profile)).not.toEqual(specs.map((s) => s.profile));
  });

  it("builds any set of spheres, sport included", () => {
    const two = nationalSpecs({ spheres: ["health", "sport"] as Sphere[] });
    expect(two).toHaveLength(178);
    expect(two.filter((s) => s.sphere === "sport")).toHaveLength(89);
  });
});

/**
 * Three regions whose 12 sites cover all four shapes and the profiles model, partial, stale, legacy (2014),
 * branch-generic, council-only, НОКО-only and absent — none hand-made, slow or unreachable.
 */
const SMOKE_REGIONS = ["03", "07", "28"];

describe("national run over a national demo subset", () => {
  let demo: NationalDemo;
  let dir: string;
  let run: RunResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "nok-national-demo-test-"));
    demo = await startNationalDemo({ onlyRegions: SMOKE_REGIONS, dir, slowLatencyMs: 0 });
    run = await runNational({
      registryFiles: [demo.registryPath],
      asOf: DEMO_AS_OF,
      hostIntervalMs: 0,
      render: "never",
      dataDir: join(dir, "data"),
      snapshotsDir: join(dir, "snapshots"),
    });
  }, 240_000);

  afterAll(async () => {
    await demo?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes a registry of every started site with the real region codes", async () => {
    expect(demo.sites).toHaveLength(SMOKE_REGIONS.length * 4);
    const { sites, errors } = await loadRegistry([demo.registryPath], regions);
    expect(errors.filter((e) => e.severity === "error")).toEqual([]);
    expect(sites.map((s) => [s.kind, s.region, s.sphere, s.name, s.url])).toEqual(
      demo.sites.map((s) => ["authority", s.region, s.sphere, s.name, s.url]),
    );
  });

  it("every site's findings equal its expected verdicts", () => {
    expect(run.sites.map((s) => s.url).sort()).toEqual(demo.sites.map((s) => s.url).sort());
    const acc = accuracyOf(demo, run);
    expect(acc.misses).toEqual([]);
    expect(acc.total).toBe(demo.sites.length * 13);
  });
});

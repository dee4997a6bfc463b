/** What the pages and the API read: runs by id (or the latest national one), report models, a region's slice. */

import { buildModel, diffRuns, type RegionSummaryExt, type ReportModel } from "../index.ts";
import { type DiffEntry, type RunResult, type SiteResult, SPHERES, type Sphere } from "../types/index.ts";
import type { TileFilter } from "./pages/region-tiles.ts";
import type { RunEntry, RunSource } from "./run-source.ts";

export interface RegionSlice {
  model: ReportModel;
  region: RegionSummaryExt;
  sites: SiteResult[];
  changes: { runId: string; asOf: string; changes: DiffEntry[] } | null;
}

export interface DashboardData {
  readonly runs: RunSource;
  /** A run by id; `null`/`"latest"` → the latest national run. */
  run(id: string | null): Promise<RunResult | null>;
  model(run: RunResult): ReportModel;
  region(run: RunResult, code: string): Promise<RegionSlice | null>;
  /** Filters from query parameters, unknown values ignored. */
  filter(model: ReportModel, params: URLSearchParams): TileFilter;
}

export function createDashboardData(runs: RunSource): DashboardData {
  // Keyed by the RunResult object: it lives as long as the run source caches it.
  const models = new WeakMap<RunResult, ReportModel>();
  const model = (run: RunResult): ReportModel => {
    let m = models.get(run);
    if (!m) {
      m = buildModel(run);
      models.set(run, m);
    }
    return m;
  };

  const previousNational = async (run: RunResult): Promise<RunEntry | undefined> => {
    const national = await runs.national();
    return national.filter((e) => e.id !== run.runId && e.startedAt < run.startedAt).at(-1);
  };

  return {
    runs,
    async run(id) {
      if (id && id !== "latest") return runs.load(id);
      const latest = (await runs.national()).at(-1);
      return latest ? runs.load(latest.id) : null;
    },
    model,
    async region(run, code) {
      const m = model(run);
      const region = m.regions.find((r) => r.code === code);
      if (!region) return null;
      const sites = m.sitesByRegion.get(code) ?? [];
      let compare = run.compare ?? null;
      if (!compare) {
        // Runs stored without a diff: compare with the national run before it, if there is one.
        const prevEntry = await previousNational(run);
        const prev = prevEntry ? await runs.load(prevEntry.id) : null;
        if (prev) compare = { runId: prev.runId, asOf: prev.asOf, changes: diffRuns(prev, run) };
      }
      const changes = compare
        ? {
            runId: compare.runId,
            asOf: compare.asOf,
            changes: compare.changes.filter((c) => c.region === code),
          }
        : null;
      return { model: m, region, sites, changes };
    },
    filter(m, params) {
      const sphere = params.get("sphere") ?? "";
      const rule = params.get("rule") ?? "";
      return {
        sphere:
          (SPHERES as readonly string[]).includes(sphere) && m.spheres.includes(sphere as Sphere)
            ? (sphere as Sphere)
            : null,
        rule: m.authorityRules.includes(rule) ? rule : null,
      };
    },
  };
}

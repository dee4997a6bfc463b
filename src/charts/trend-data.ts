/** The series the pictures draw, computed from stored RunResults alone (oldest run first). */
import { MINISTRY_SPHERE_ORDER, SPHERE_NAMES } from "../findings/sphere-names.ts";
import type { NationalSummaryExt } from "../findings/types.ts";
import { loadRegions } from "../registry/regions.ts";
import { formatDate, formatShare } from "../report/format.ts";
import { STATUS_STYLES } from "../report/labels.ts";
import type { Sphere, Status } from "../types/common.ts";
import type { RunResult, StatusCounts } from "../types/result.ts";

import type { MapTile } from "./tile-map.ts";
import type { TrendSeries } from "./trend.ts";

export interface Trend {
  labels: string[];
  series: TrendSeries[];
}

function share(c: Pick<StatusCounts, "pass" | "warn" | "fail"> | undefined): number | null {
  if (!c) return null;
  const decided = c.pass + c.warn + c.fail;
  return decided === 0 ? null : c.pass / decided;
}

/**
 * One rule over the runs, a line per sphere: the share of regions whose authority site passes it among the
 * regions where it was decided (unknown is left out, never counted as failing).
 */
export function ruleTrend(runs: readonly RunResult[], rule: string, only: Sphere | null = null): Trend {
  const spheres = MINISTRY_SPHERE_ORDER.filter(
    (s) => (!only || s === only) && runs.some((r) => share(r.national?.bySphere[s]?.[rule]) !== null),
  );
  return {
    labels: runs.map((r) => formatDate(r.asOf)),
    series: spheres.map((s) => ({
      label: SPHERE_NAMES[s],
      values: runs.map((r) => share((r.national as NationalSummaryExt | null)?.bySphere[s]?.[rule])),
    })),
  };
}

/** One region over the runs, a line per sphere: the share of passing requirements on its authority site(s). */
export function regionHistory(runs: readonly RunResult[], code: string): Trend {
  const perRun = runs.map((r) => {
    const bySphere = new Map<Sphere, { pass: number; warn: number; fail: number }>();
    for (const site of r.sites) {
      if (site.region !== code || site.kind !== "authority" || !site.sphere) continue;
      const c = bySphere.get(site.sphere) ?? { pass: 0, warn: 0, fail: 0 };
      for (const f of site.findings)
        if (f.status === "pass" || f.status === "warn" || f.status === "fail") c[f.status]++;
      bySphere.set(site.sphere, c);
    }
    return bySphere;
  });
  const spheres = MINISTRY_SPHERE_ORDER.filter((s) => perRun.some((m) => share(m.get(s)) !== null));
  return {
    labels: runs.map((r) => formatDate(r.asOf)),
    series: spheres.map((s) => ({ label: SPHERE_NAMES[s], values: perRun.map((m) => share(m.get(s))) })),
  };
}

/** ≥ 90 % green, ≥ 50 % yellow, below red — the dashboard tiles' thresholds. */
export function toneOfShare(value: number | null, unknown: number): Status {
  if (value === null) return unknown > 0 ? "unknown" : "n/a";
  if (value >= 0.9) return "pass";
  if (value >= 0.5) return "warn";
  return "fail";
}

/** Map tiles of a run: every subject of the registry (and of the run), coloured by its authority sites' verdicts. */
export function runTiles(run: RunResult): MapTile[] {
  let known: { code: string; name: string; short: string; district: string }[] = [];
  try {
    known = loadRegions();
  } catch {
    known = [];
  }
  const byCode = new Map(known.map((r) => [r.code, r]));
  for (const r of run.regions) {
    if (!byCode.has(r.code))
      byCode.set(r.code, { code: r.code, name: r.name, short: r.name, district: String(r.district ?? "") });
  }
  return [...byCode.values()].map((r) => {
    const counts: Record<Status, number> = { pass: 0, warn: 0, fail: 0, unknown: 0, "n/a": 0 };
    let sites = 0;
    for (const s of run.sites) {
      if (s.region !== r.code || s.kind !== "authority") continue;
      sites++;
      for (const f of s.findings) counts[f.status]++;
    }
    const value = share(counts);
    const tone = sites === 0 ? "none" : toneOfShare(value, counts.unknown);
    return {
      code: r.code,
      name: r.name,
      short: r.short,
      district: r.district,
      tone,
      value:
        sites === 0 ? "нет сайта" : value === null ? STATUS_STYLES[tone as Status].label : formatShare(value),
      title:
        sites === 0
          ? `${r.name}: нет сайта органа власти в проверке`
          : `${r.name}: соответствует ${counts.pass}, частично ${counts.warn}, не соответствует ${counts.fail}, не удалось проверить ${counts.unknown}`,
    };
  });
}

/** Per region, what is new since the previous run: new gaps, fixed, still missing, newly unknown. */
import { classify } from "../findings/diff.ts";
import { MINISTRY_SPHERE_ORDER } from "../findings/sphere-names.ts";
import type { DiffEntry, RunResult } from "../types/result.ts";

export interface RegionChanges {
  code: string;
  name: string;
  /** Sites with a change (their URLs): their own contacts get the region's message too. */
  sites: string[];
  newGaps: DiffEntry[];
  fixed: DiffEntry[];
  stillMissing: DiffEntry[];
  newlyUnknown: DiffEntry[];
}

/**
 * The changes of `run` per region. With a comparison (run.compare) they are its entries; a first run (nothing to
 * compare with) reports every `fail` as a new gap, so a region hears of its gaps the first time too.
 */
export function regionChanges(
  run: RunResult,
  names: ReadonlyMap<string, string> = new Map(),
): RegionChanges[] {
  const changes: DiffEntry[] = run.compare
    ? run.compare.changes.map((c) =>
        c.change === "new-site" ? { ...c, change: classify(null, c.after) ?? "new-site" } : c,
      )
    : run.sites.flatMap((s) =>
        s.findings
          .filter((f) => f.status === "fail")
          .map(
            (f): DiffEntry => ({
              site: s.url,
              region: s.region,
              sphere: s.sphere,
              rule: f.rule,
              before: null,
              after: "fail",
              change: "new-gap",
            }),
          ),
      );
  const summaryNames = new Map(run.regions.map((r) => [r.code, r.name]));
  const byCode = new Map<string, RegionChanges>();
  const order = (e: DiffEntry) => (e.sphere ? MINISTRY_SPHERE_ORDER.indexOf(e.sphere) : 99);
  for (const c of [...changes].sort((a, b) => order(a) - order(b))) {
    if (c.region === null) continue;
    let entry = byCode.get(c.region);
    if (!entry) {
      entry = {
        code: c.region,
        name: names.get(c.region) ?? summaryNames.get(c.region) ?? c.region,
        sites: [],
        newGaps: [],
        fixed: [],
        stillMissing: [],
        newlyUnknown: [],
      };
      byCode.set(c.region, entry);
    }
    if (c.change === "new-site") continue;
    if (!entry.sites.includes(c.site)) entry.sites.push(c.site);
    if (c.change === "new-gap") entry.newGaps.push(c);
    else if (c.change === "fixed") entry.fixed.push(c);
    else if (c.change === "still-missing") entry.stillMissing.push(c);
    else if (c.change === "newly-unknown") entry.newlyUnknown.push(c);
  }
  return [...byCode.values()]
    .filter((r) => r.newGaps.length + r.fixed.length + r.stillMissing.length + r.newlyUnknown.length > 0)
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** A region's authority sites as a rules × spheres grid: the shape both the HTML and Markdown reports print. */
import { MINISTRY_SPHERE_ORDER } from "../findings/sphere-names.ts";
import { bestStatus } from "../findings/status-order.ts";
import type { Sphere } from "../types/common.ts";
import type { Finding, SiteResult } from "../types/result.ts";

export interface GridCell {
  site: SiteResult;
  finding: Finding;
}

export interface RegionGrid {
  spheres: Sphere[];
  /** Authority site per sphere (the first when there are several). */
  sites: Map<Sphere, SiteResult>;
  rules: string[];
  /** `${rule} ${sphere}` → the best finding among the sphere's authority sites. */
  cells: Map<string, GridCell>;
}

export function cellKey(rule: string, sphere: Sphere): string {
  return `${rule} ${sphere}`;
}

export function regionGrid(sites: readonly SiteResult[], rules: readonly string[]): RegionGrid {
  const authority = sites.filter((s) => s.kind === "authority" && s.sphere !== null);
  const spheres = MINISTRY_SPHERE_ORDER.filter((sp) => authority.some((s) => s.sphere === sp));
  const bySphere = new Map<Sphere, SiteResult>();
  const cells = new Map<string, GridCell>();
  for (const sphere of spheres) {
    const own = authority.filter((s) => s.sphere === sphere);
    bySphere.set(sphere, own[0]!);
    for (const rule of rules) {
      const candidates = own.flatMap((site) =>
        site.findings.filter((f) => f.rule === rule).map((finding) => ({ site, finding })),
      );
      const best = bestStatus(candidates.map((c) => c.finding.status));
      const cell = candidates.find((c) => c.finding.status === best);
      if (cell) cells.set(cellKey(rule, sphere), cell);
    }
  }
  return { spheres, sites: bySphere, rules: [...rules], cells };
}

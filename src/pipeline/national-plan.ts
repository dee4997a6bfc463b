/** From registry sites to the ordered list of targets a national run checks (the plan). */
import type { RegionRef } from "../findings/index.ts";
import {
  createRegionLookup,
  type RegionInfo,
  type RegistryIssue,
  type RegistrySite,
} from "../registry/index.ts";
import type { Sphere, TargetKind } from "../types/index.ts";
import { UsageError } from "../util/errors.ts";
import { busgovTargetFor } from "./busgov.ts";
import { type PlannedTarget, siteKeys } from "./state/plan.ts";

export interface PlanFilters {
  /** Region codes or names («71», «Тульская область»). */
  regions?: string[];
  spheres?: Sphere[];
  kinds?: TargetKind[];
}

/** Region filter values → codes; an unknown region is a usage error (a typo must not silently check nothing). */
export function resolveRegionCodes(values: readonly string[], regions: readonly RegionInfo[]): string[] {
  const lookup = createRegionLookup(regions);
  const codes: string[] = [];
  for (const value of values) {
    const region = lookup.resolve(value);
    if (!region)
      throw new UsageError(`неизвестный регион «${value}» (укажите код субъекта, например 71, или название)`);
    if (!codes.includes(region.code)) codes.push(region.code);
  }
  return codes;
}

/**
 * Targets in registry order, filtered; each with its plan key (see siteKeys). An institution with an INN or
 * bus.gov.ru id is followed by its bus.gov.ru target (kind `busgov`, URL from `busgovBaseUrl`) unless the kind
 * filter leaves `busgov` out; `--kind busgov` alone plans only those.
 */
export function planTargets(
  sites: readonly RegistrySite[],
  filters: { regions: string[]; spheres: Sphere[]; kinds: TargetKind[] },
  busgovBaseUrl: string | null = null,
): PlannedTarget[] {
  const wants = (kind: TargetKind) => filters.kinds.length === 0 || filters.kinds.includes(kind);
  const inScope = sites.filter(
    (s) =>
      (filters.regions.length === 0 || filters.regions.includes(s.region)) &&
      (filters.spheres.length === 0 || filters.spheres.includes(s.sphere)),
  );
  const chosen: Omit<PlannedTarget, "key">[] = [];
  for (const s of inScope) {
    const site = {
      url: s.url,
      kind: s.kind,
      sphere: s.sphere,
      region: s.region,
      name: s.name,
      ...(s.inn ? { inn: s.inn } : {}),
      ...(s.busgovId ? { busgovId: s.busgovId } : {}),
      ...(s.render ? { render: s.render } : {}),
    };
    if (wants(s.kind)) chosen.push(site);
    if (busgovBaseUrl === null || s.kind !== "institution" || !wants("busgov")) continue;
    const busgov = busgovTargetFor(site, busgovBaseUrl);
    if (busgov) {
      const { site: _own, ...target } = busgov;
      chosen.push(target);
    }
  }
  const keys = siteKeys(chosen);
  return chosen.map((t, i) => ({ key: keys[i]!, ...t }));
}

/** The regions the summaries list: all of them, or only the filtered ones. */
export function planRegions(regions: readonly RegionInfo[], codes: readonly string[]): RegionRef[] {
  return regions
    .filter((r) => codes.length === 0 || codes.includes(r.code))
    .map((r) => ({ code: r.code, name: r.name, district: r.district }));
}

/** `file:line (строка N, поле): message` — what a person needs to fix a registry row. */
export function formatRegistryIssue(issue: RegistryIssue): string {
  const where = [
    issue.line ? `${issue.file}:${issue.line}` : issue.file,
    issue.row ? `строка ${issue.row}` : null,
    issue.column ? `поле «${issue.column}»` : null,
  ]
    .filter(Boolean)
    .join(", ");
  return `реестр: ${where}: ${issue.message}${issue.severity === "warning" ? " (предупреждение)" : ""}`;
}

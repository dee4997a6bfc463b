/** Duplicate detection across all loaded files: one authority per region and sphere; one institution per site and per ИНН. */
import { KIND_TITLES, SPHERE_TITLES } from "./fields.ts";
import { placeOf } from "./raw-row.ts";
import type { RegistryIssue, RegistrySite } from "./schema.ts";
import { siteUrlKey } from "./site-url.ts";

export interface PlacedSite {
  site: RegistrySite;
  file: string;
  row: number | null;
  line: number | null;
  yaml: boolean;
}

function keysOf(site: RegistrySite): { key: string; what: string; column?: string }[] {
  if (site.kind === "authority") {
    return [
      {
        key: `authority|${site.region}|${site.sphere}`,
        what: `${KIND_TITLES.authority} региона ${site.region} в сфере «${SPHERE_TITLES[site.sphere]}»`,
      },
    ];
  }
  const keys: { key: string; what: string; column?: string }[] = [
    { key: `url|${siteUrlKey(site.url)}`, what: `учреждение с сайтом ${site.url}`, column: "Сайт" },
  ];
  if (site.inn) keys.push({ key: `inn|${site.inn}`, what: `учреждение с ИНН ${site.inn}`, column: "ИНН" });
  return keys;
}

/** Keep the first of each duplicate group; every later one becomes an error naming both rows. */
export function dropDuplicates(placed: readonly PlacedSite[]): {
  kept: PlacedSite[];
  issues: RegistryIssue[];
} {
  const seen = new Map<string, PlacedSite>();
  const kept: PlacedSite[] = [];
  const issues: RegistryIssue[] = [];
  for (const p of placed) {
    const keys = keysOf(p.site);
    const clash = keys.map((k) => ({ k, first: seen.get(k.key) })).find((c) => c.first);
    if (clash?.first) {
      issues.push({
        file: p.file,
        line: p.line,
        row: p.row,
        ...(clash.k.column ? { column: clash.k.column } : {}),
        message: `Повтор: ${clash.k.what} — уже в ${placeOf(clash.first, clash.first.yaml)}; эта строка пропущена`,
        severity: "error",
      });
      continue;
    }
    for (const k of keys) seen.set(k.key, p);
    kept.push(p);
  }
  return { kept, issues };
}

/**
 * The national picture as tiles: one tile per subject, grouped by federal district, coloured by how many of the
 * selected requirements its authority sites meet (the sphere and rule filters narrow what is counted).
 */

import {
  badge,
  emptyCounts,
  FEDERAL_DISTRICTS,
  formatShare,
  escapeHtml as h,
  loadRegions,
  type RegionInfo,
  type ReportModel,
  STATUS_CLASS,
  STATUS_STYLES,
} from "../../index.ts";
import type { Sphere, Status, StatusCounts } from "../../types/index.ts";

export const DISTRICT_NAMES: Readonly<Record<string, string>> = {
  ЦФО: "Центральный федеральный округ",
  СЗФО: "Северо-Западный федеральный округ",
  ЮФО: "Южный федеральный округ",
  СКФО: "Северо-Кавказский федеральный округ",
  ПФО: "Приволжский федеральный округ",
  УФО: "Уральский федеральный округ",
  СФО: "Сибирский федеральный округ",
  ДФО: "Дальневосточный федеральный округ",
};

export interface TileFilter {
  sphere: Sphere | null;
  rule: string | null;
}

export interface RegionTile {
  code: string;
  name: string;
  short: string;
  district: string;
  /** Region × sphere × rule cells counted, by the region's best status per sphere and rule. */
  counts: StatusCounts;
  /** Share of passing cells among decided ones (pass + warn + fail); null when none decided. */
  share: number | null;
  /** Colour: a status, or "none" when the region has no authority site in the selection. */
  tone: Status | "none";
}

let registryRegions: Map<string, RegionInfo> | null = null;

/** Short names and districts from the bundled registry (a run's own names win). */
function registry(): Map<string, RegionInfo> {
  if (!registryRegions) {
    try {
      registryRegions = new Map(loadRegions().map((r) => [r.code, r]));
    } catch {
      registryRegions = new Map();
    }
  }
  return registryRegions;
}

/** ≥ 90 % green, ≥ 50 % yellow, below red; one cell shows its own status. */
function toneOf(counts: StatusCounts, cells: number, share: number | null): RegionTile["tone"] {
  if (cells === 0) return "none";
  if (cells === 1) return (Object.keys(counts) as Status[]).find((s) => counts[s] > 0) ?? "none";
  if (share === null) return counts.unknown > 0 ? "unknown" : "n/a";
  if (share >= 0.9) return "pass";
  if (share >= 0.5) return "warn";
  return "fail";
}

export function regionTiles(model: ReportModel, filter: TileFilter): RegionTile[] {
  const spheres = filter.sphere ? model.spheres.filter((s) => s === filter.sphere) : model.spheres;
  const rules = filter.rule ? model.authorityRules.filter((r) => r === filter.rule) : model.authorityRules;
  const rows = new Map<string, Map<Sphere, Map<string, Status>>>();
  for (const sphere of spheres) {
    for (const row of model.matrix.get(sphere) ?? []) {
      if (row.sites.length === 0) continue;
      const bySphere = rows.get(row.region.code) ?? new Map<Sphere, Map<string, Status>>();
      bySphere.set(sphere, row.statuses);
      rows.set(row.region.code, bySphere);
    }
  }
  const known = registry();
  return model.regions.map((region) => {
    const counts = emptyCounts();
    let cells = 0;
    for (const statuses of rows.get(region.code)?.values() ?? []) {
      for (const rule of rules) {
        const status = statuses.get(rule);
        if (!status) continue;
        counts[status]++;
        cells++;
      }
    }
    const decided = counts.pass + counts.warn + counts.fail;
    const share = decided === 0 ? null : counts.pass / decided;
    const info = known.get(region.code);
    return {
      code: region.code,
      name: region.name,
      short: info?.short ?? region.name,
      district: info?.district ?? region.district ?? "",
      counts,
      share,
      tone: toneOf(counts, cells, share),
    };
  });
}

function tileValue(tile: RegionTile): string {
  if (tile.tone === "none") return "нет сайта";
  const cells =
    tile.counts.pass + tile.counts.warn + tile.counts.fail + tile.counts.unknown + tile.counts["n/a"];
  if (cells === 1) return `${STATUS_STYLES[tile.tone].symbol} ${STATUS_STYLES[tile.tone].label}`;
  return tile.share === null ? STATUS_STYLES[tile.tone].label : formatShare(tile.share);
}

function tileTitle(tile: RegionTile): string {
  if (tile.tone === "none") return `${tile.name}: нет сайта органа власти в проверке`;
  const c = tile.counts;
  return `${tile.name}: соответствует ${c.pass}, частично ${c.warn}, не соответствует ${c.fail}, не удалось проверить ${c.unknown}`;
}

export function tilesHtml(tiles: readonly RegionTile[], href: (code: string) => string): string {
  const order = [...FEDERAL_DISTRICTS] as string[];
  const groups = new Map<string, RegionTile[]>();
  for (const tile of tiles) groups.set(tile.district, [...(groups.get(tile.district) ?? []), tile]);
  const districts = [...groups.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b, "ru");
  });
  const parts: string[] = [];
  for (const district of districts) {
    const list = groups.get(district)!.sort((a, b) => a.code.localeCompare(b.code));
    const title = DISTRICT_NAMES[district] ?? (district || "Прочие");
    parts.push(`<h3 class="district">${h(title)}</h3><div class="tiles">`);
    for (const tile of list) {
      const cls = tile.tone === "none" ? "none" : STATUS_CLASS[tile.tone];
      parts.push(
        `<a class="tile ${cls}" href="${h(href(tile.code))}" title="${h(tileTitle(tile))}" data-region="${h(tile.code)}" data-tone="${h(tile.tone)}"><span class="code">${h(tile.code)}</span><span class="name">${h(tile.short)}</span><span class="val">${h(tileValue(tile))}</span></a>`,
      );
    }
    parts.push("</div>");
  }
  return parts.join("\n");
}

export function tilesLegend(): string {
  return `<p class="legend small">Цвет плитки — доля выполненных требований среди проверенных: ${badge("pass")} 90 % и выше · ${badge("warn")} от 50 % · ${badge("fail")} меньше 50 % · ${badge("unknown")} проверить не удалось · пунктир — нет сайта органа власти в проверке.</p>`;
}

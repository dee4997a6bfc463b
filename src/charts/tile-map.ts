/**
 * The regions as a tile map in SVG: one square per subject, the federal districts as blocks from west to east,
 * coloured by compliance. Grouping by district (not a geographic cartogram) keeps every tile findable by a reader
 * who knows where a region belongs, and needs no map data that could be wrong.
 */
import { FEDERAL_DISTRICTS } from "../registry/schema.ts";
import { STATUS_STYLES } from "../report/labels.ts";
import type { Status } from "../types/common.ts";
import { clip, esc, n, text } from "./svg.ts";

export interface MapTile {
  code: string;
  name: string;
  short: string;
  district: string;
  tone: Status | "none";
  /** Shown under the name: «85 %», «нет сайта». */
  value: string;
  /** Tooltip. */
  title: string;
}

/** West to east, as a reader scans the country. */
const DISTRICT_ORDER = ["СЗФО", "ЦФО", "ЮФО", "СКФО", "ПФО", "УФО", "СФО", "ДФО"] as const;

const TILE = 58;
const GAP = 3;
const COLS = 3;
const BLOCK_GAP = 14;
const HEAD = 18;

export interface TileMapOptions {
  href?: (code: string) => string;
  /** Accessible title of the picture. */
  title?: string;
}

export function tileMapSvg(tiles: readonly MapTile[], opts: TileMapOptions = {}): string {
  const known = [
    ...DISTRICT_ORDER,
    ...FEDERAL_DISTRICTS.filter((d) => !(DISTRICT_ORDER as readonly string[]).includes(d)),
  ];
  const groups = new Map<string, MapTile[]>();
  for (const t of tiles) groups.set(t.district || "—", [...(groups.get(t.district || "—") ?? []), t]);
  const districts = [...groups.keys()].sort((a, b) => rank(known, a) - rank(known, b));
  const blockWidth = COLS * TILE + (COLS - 1) * GAP;
  const parts: string[] = [];
  let maxRows = 0;
  districts.forEach((district, i) => {
    const list = groups.get(district)!.sort((a, b) => a.code.localeCompare(b.code));
    const x0 = i * (blockWidth + BLOCK_GAP);
    parts.push(
      text(x0 + blockWidth / 2, 12, district, {
        "text-anchor": "middle",
        class: "d",
        "font-size": 12,
        "font-weight": "bold",
      }),
    );
    list.forEach((t, k) => {
      const x = x0 + (k % COLS) * (TILE + GAP);
      const y = HEAD + Math.floor(k / COLS) * (TILE + GAP);
      maxRows = Math.max(maxRows, Math.floor(k / COLS) + 1);
      const style = t.tone === "none" ? null : STATUS_STYLES[t.tone];
      const fill = style ? style.background : "#ffffff";
      const ink = style ? style.color : "#777777";
      const rect = `<rect x="${n(x)}" y="${n(y)}" width="${TILE}" height="${TILE}" rx="4" fill="${fill}" stroke="${t.tone === "none" ? "#999999" : ink}" stroke-width="${t.tone === "none" ? 1 : 0.6}"${t.tone === "none" ? ' stroke-dasharray="3 2"' : ""}/>`;
      const labels = [
        text(x + 4, y + 12, t.code, { "font-size": 10, fill: ink, "font-weight": "bold" }),
        text(x + TILE / 2, y + 31, clip(t.short, 10), {
          "font-size": 9,
          fill: "#222222",
          "text-anchor": "middle",
        }),
        text(x + TILE / 2, y + 48, clip(t.value, 11), {
          "font-size": 10,
          fill: ink,
          "text-anchor": "middle",
          "font-weight": "bold",
        }),
      ].join("");
      const tile = `<g data-region="${esc(t.code)}" data-tone="${esc(t.tone)}"><title>${esc(t.title)}</title>${rect}${labels}</g>`;
      parts.push(opts.href ? `<a href="${esc(opts.href(t.code))}">${tile}</a>` : tile);
    });
  });
  const width = districts.length * (blockWidth + BLOCK_GAP) - BLOCK_GAP;
  const height = HEAD + maxRows * (TILE + GAP);
  const title = opts.title ?? "Субъекты Российской Федерации по федеральным округам";
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart tilemap-svg" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-label="${esc(title)}" font-family="Arial, Helvetica, sans-serif"><title>${esc(title)}</title>${parts.join("")}</svg>`;
}

function rank(order: readonly string[], d: string): number {
  const i = order.indexOf(d);
  return i < 0 ? 99 : i;
}

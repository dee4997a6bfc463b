/**
 * A line chart in SVG: shares (0–100 %) over runs, one line per series (a sphere, a rule, a site). A missing value
 * (nothing decided in that run) breaks the line instead of pretending a zero.
 */
import { clip, esc, n, text } from "./svg.ts";

export interface TrendSeries {
  label: string;
  /** One value per run, 0–1, or null. */
  values: (number | null)[];
}

export interface TrendOptions {
  /** X labels, one per run (dates). */
  labels: string[];
  title: string;
  width?: number;
  height?: number;
}

/** Distinguishable in colour and in print (the dash patterns). */
const PALETTE = [
  { color: "#1f5fa8", dash: "" },
  { color: "#c0392b", dash: "6 3" },
  { color: "#2e8b57", dash: "2 2" },
  { color: "#8e44ad", dash: "8 3 2 3" },
  { color: "#d68910", dash: "" },
  { color: "#566573", dash: "4 4" },
] as const;

export function trendSvg(series: readonly TrendSeries[], opts: TrendOptions): string {
  const width = opts.width ?? 640;
  const legendRows = Math.ceil(series.length / 2);
  const plotHeight = opts.height ?? 200;
  const left = 44;
  // Room for half of the last date label, centred on the last point.
  const right = 36;
  const titleLines = wrap(opts.title, Math.floor((width - left) / 7.2));
  const top = 12 + titleLines.length * 16;
  const bottom = 34;
  const height = top + plotHeight + bottom + legendRows * 16;
  const plotWidth = width - left - right;
  const count = opts.labels.length;
  const xOf = (i: number) => left + (count <= 1 ? plotWidth / 2 : (i * plotWidth) / (count - 1));
  const yOf = (v: number) => top + plotHeight * (1 - v);
  const parts: string[] = titleLines.map((line, i) =>
    text(left, 16 + i * 16, line, { "font-size": 13, "font-weight": "bold", fill: "#222222" }),
  );
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const y = yOf(tick);
    parts.push(
      `<line x1="${left}" y1="${n(y)}" x2="${n(left + plotWidth)}" y2="${n(y)}" stroke="#dddddd" stroke-width="1"/>`,
      text(left - 6, y + 4, `${Math.round(tick * 100)} %`, {
        "font-size": 10,
        "text-anchor": "end",
        fill: "#555555",
      }),
    );
  }
  // Every label when they fit, else every k-th: dates must not overlap.
  const step = Math.max(1, Math.ceil((count * 62) / plotWidth));
  opts.labels.forEach((label, i) => {
    if (i % step !== 0 && i !== count - 1) return;
    parts.push(
      text(xOf(i), top + plotHeight + 16, label, {
        "font-size": 10,
        "text-anchor": "middle",
        fill: "#555555",
      }),
    );
  });
  series.forEach((s, k) => {
    const { color, dash } = PALETTE[k % PALETTE.length]!;
    const segments: string[][] = [[]];
    s.values.forEach((v, i) => {
      if (v === null) {
        segments.push([]);
        return;
      }
      segments.at(-1)!.push(`${n(xOf(i))},${n(yOf(v))}`);
    });
    for (const seg of segments) {
      if (seg.length > 1)
        parts.push(
          `<polyline points="${seg.join(" ")}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
        );
    }
    s.values.forEach((v, i) => {
      if (v === null) return;
      parts.push(
        `<circle cx="${n(xOf(i))}" cy="${n(yOf(v))}" r="3" fill="${color}"><title>${esc(`${s.label}, ${opts.labels[i] ?? ""}: ${Math.round(v * 100)} %`)}</title></circle>`,
      );
    });
    const lx = left + (k % 2) * (plotWidth / 2);
    const ly = top + plotHeight + bottom + Math.floor(k / 2) * 16 - 4;
    parts.push(
      `<line x1="${n(lx)}" y1="${n(ly - 4)}" x2="${n(lx + 22)}" y2="${n(ly - 4)}" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
      text(lx + 28, ly, clip(s.label, 48), { "font-size": 11, fill: "#222222" }),
    );
  });
  if (count === 0 || series.length === 0)
    parts.push(
      text(left + plotWidth / 2, top + plotHeight / 2, "нет данных", {
        "text-anchor": "middle",
        fill: "#777777",
      }),
    );
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart trend-svg" viewBox="0 0 ${width} ${n(height)}" width="${width}" height="${n(height)}" role="img" aria-label="${esc(opts.title)}" font-family="Arial, Helvetica, sans-serif"><title>${esc(opts.title)}</title>${parts.join("")}</svg>`;
}

/** Splits a title into at most two lines of about `max` characters, at spaces. */
function wrap(title: string, max: number): string[] {
  if (title.length <= max) return [title];
  const cut = title.lastIndexOf(" ", max);
  const at = cut > max / 2 ? cut : max;
  return [title.slice(0, at).trim(), clip(title.slice(at).trim(), max)];
}

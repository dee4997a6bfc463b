/** The printed summary: one block per measurement, Russian labels, numbers with a decimal comma. */
import type { MeasurementResult } from "./types.ts";

export function formatNumber(value: number | string): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "—";
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString("ru-RU", { maximumFractionDigits: digits, useGrouping: false });
}

export function renderTable(results: MeasurementResult[]): string {
  const lines: string[] = [];
  const rows = results.map((r) => [
    r.title,
    `${formatNumber(r.headline.value)}${r.headline.unit && r.headline.unit !== "×" ? ` ${r.headline.unit}` : r.headline.unit}`,
    r.headline.goal,
    r.headline.met ? "да" : "нет",
  ]);
  const head = ["Замер", "Результат", "Цель", "Достигнута"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((c, i) => c.padEnd(widths[i]!)).join(" | ");
  lines.push(fmt(head), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(fmt), "");
  for (const r of results) {
    lines.push(
      `${r.title}: ${r.headline.label} = ${formatNumber(r.headline.value)} ${r.headline.unit}`.trimEnd(),
    );
    for (const [k, v] of Object.entries(r.figures)) lines.push(`  ${k}: ${formatNumber(v)}`);
    lines.push(`  повторов: ${r.reps}; время замера: ${formatNumber(r.wallMs / 1000)} с`);
    for (const n of r.notes) lines.push(`  ! ${n}`);
    lines.push("");
  }
  return lines.join("\n");
}

/**
 * Tiny helpers for server-rendered SVG: escaped text and attributes, no scripts, no external references — the
 * pictures work offline, inside the strict CSP of the dashboard and inline in the self-contained HTML report.
 */
import { escapeHtml } from "../report/escape-html.ts";

export const esc = escapeHtml;

/** Numbers in SVG: one decimal at most, so the markup stays small and diffs stable. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function text(
  x: number,
  y: number,
  content: string,
  attrs: Record<string, string | number> = {},
): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join("");
  return `<text x="${n(x)}" y="${n(y)}"${a}>${esc(content)}</text>`;
}

/** Cuts a label to `max` characters with an ellipsis. */
export function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

/** Markdown building blocks shared by the report's sections: escaping, links, statuses, tables. */
/** The Markdown report: the same content as the HTML page, as headings, lists and tables. */

import type { Status } from "../types/common.ts";
import { safeHref } from "./format.ts";
import { STATUS_STYLES } from "./labels.ts";

/** Escapes Markdown syntax in crawled or user text and keeps it on one line (safe inside table cells). */
export function mdEscape(value: unknown): string {
  return String(value ?? "")
    .replace(/\s+/g, " ")
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** A link only for http(s) URLs; parentheses and spaces are percent-encoded so the link cannot break out. */
export function mdLink(url: string | null | undefined, text?: string | null): string {
  const label = mdEscape(text?.trim() ? text : (url ?? ""));
  const href = safeHref(url);
  if (!href) return label;
  return `[${label}](${href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}

export function status(s: Status): string {
  return `${STATUS_STYLES[s].symbol} ${STATUS_STYLES[s].label}`;
}

export function mdTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Small HTML building blocks shared by the report sections. All dynamic text is escaped here. */
import type { Status } from "../types/common.ts";
import type { Evidence } from "../types/result.ts";
import { escapeHtml as h } from "./escape-html.ts";
import { formatDate, safeHref, shortHash, truncate } from "./format.ts";
import { STATUS_CLASS } from "./html-css.ts";
import { STATUS_STYLES } from "./labels.ts";

/** A link only for http(s) URLs; anything else is shown as inert text. */
export function link(url: string | null | undefined, text?: string | null): string {
  const label = text?.trim() ? text : (url ?? "");
  const href = safeHref(url);
  if (!href) return `<span class="url">${h(label)}</span>`;
  return `<a href="${h(href)}">${h(label)}</a>`;
}

export function badge(status: Status): string {
  const s = STATUS_STYLES[status];
  return `<span class="st ${STATUS_CLASS[status]}">${s.symbol} ${h(s.label)}</span>`;
}

/** Where the evidence was found: link (anchor text), depth, date, and optionally the excerpt. */
export function evidenceHtml(ev: Evidence, opts: { excerpt?: number; hash?: boolean } = {}): string {
  const facts: string[] = [];
  if (ev.depth !== null && ev.depth !== undefined) facts.push(`глубина ${h(ev.depth)}`);
  if (ev.date) facts.push(`дата ${h(formatDate(ev.date))}`);
  if (opts.hash && ev.snapshot) facts.push(`снимок <span class="hash">${h(shortHash(ev.snapshot))}</span>`);
  const head = `${link(ev.url, ev.linkText || ev.url)}${facts.length ? ` <span class="muted small">(${facts.join(", ")})</span>` : ""}`;
  const quote =
    opts.excerpt && ev.excerpt ? `<blockquote>${h(truncate(ev.excerpt, opts.excerpt))}</blockquote>` : "";
  return `<div class="ev">${head}${quote}</div>`;
}

export function table(head: string[], rows: string[], cls = ""): string {
  const ths = head.map((c) => (c.startsWith("<th") ? c : `<th>${c}</th>`)).join("");
  return `<table${cls ? ` class="${cls}"` : ""}><thead><tr>${ths}</tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
}

export function legend(): string {
  const items = (Object.keys(STATUS_STYLES) as Status[]).map((s) => badge(s)).join(" ");
  return `<p class="legend small">${items}</p>`;
}

/** One site's verdicts with their evidence: links, excerpts and the stored snapshot, viewable as text. */

import {
  badge,
  checkedBlock,
  countsLine,
  findingTitle,
  formatDate,
  escapeHtml as h,
  link,
  siteHeaderFacts,
  siteLabel,
  table,
  truncate,
  unreadableNote,
} from "../../index.ts";
import type { Evidence, Finding, RunResult, SiteResult } from "../../types/index.ts";

/** `/snapshot/<runId>/<hex>` for an evidence hash, or null. */
export function snapshotHref(runId: string, hash: string | null | undefined): string | null {
  const hex = /^(?:sha256:)?([0-9a-f]{64})$/.exec(hash ?? "")?.[1];
  return hex ? `/snapshot/${encodeURIComponent(runId)}/${hex}` : null;
}

function evidenceItem(runId: string, ev: Evidence): string {
  const facts: string[] = [];
  if (ev.depth !== null && ev.depth !== undefined) facts.push(`глубина ${h(ev.depth)}`);
  if (ev.date) facts.push(`дата ${h(formatDate(ev.date))}`);
  const snap = snapshotHref(runId, ev.snapshot);
  if (snap) facts.push(`<a class="snap" href="${h(snap)}">сохранённая копия (текст)</a>`);
  const head = `${link(ev.url, ev.linkText || ev.url)}${facts.length ? ` <span class="muted small">(${facts.join(", ")})</span>` : ""}`;
  const quote = ev.excerpt ? `<blockquote>${h(truncate(ev.excerpt, 500))}</blockquote>` : "";
  return `<div class="ev">${head}${quote}</div>`;
}

function verdictRow(run: RunResult, f: Finding): string {
  const title = `<b>${h(findingTitle(run, f))}</b>${f.message ? `<div class="msg">${h(f.message)}</div>` : ""}`;
  const shown = f.evidence.slice(0, 5);
  const more = f.evidence.length - shown.length;
  const evidence =
    shown.map((ev) => evidenceItem(run.runId, ev)).join("") +
    (more > 0 ? `<div class="muted small">и ещё ${more}</div>` : "");
  return `<tr data-rule="${h(f.rule)}" data-status="${h(f.status)}"><td>${title}</td><td>${badge(f.status)}</td><td>${evidence || "—"}</td></tr>`;
}

export interface SiteSectionOptions {
  id: string;
  regionName?: string;
  heading?: "h2" | "h3";
}

export function siteSection(run: RunResult, site: SiteResult, options: SiteSectionOptions): string {
  const hx = options.heading ?? "h3";
  const note = unreadableNote(site);
  return [
    `<section class="site" id="${h(options.id)}">`,
    `<${hx}>${h(siteLabel(site))}</${hx}>`,
    siteHeaderFacts(site, options.regionName),
    note ? `<p class="note">${h(note)}</p>` : "",
    `<p>${countsLine(site)}</p>`,
    table(
      ["Требование", "Статус", "Подтверждение"],
      site.findings.map((f) => verdictRow(run, f)),
      "verdicts",
    ),
    `<details><summary>Что проверено</summary>${checkedBlock(site)}</details>`,
    "</section>",
  ]
    .filter(Boolean)
    .join("\n");
}

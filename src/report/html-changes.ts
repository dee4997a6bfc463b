/** The diff against the previous run in the HTML report. */
import { SPHERE_NAMES } from "../findings/sphere-names.ts";
import type { DiffEntry } from "../types/result.ts";
import { escapeHtml as h } from "./escape-html.ts";
import { capitalize, formatDate } from "./format.ts";
import { badge, link, table } from "./html-parts.ts";
import { CHANGE_LABELS, CHANGE_ORDER, ruleTitle } from "./labels.ts";
import type { ReportModel } from "./model.ts";

export function changesSection(model: ReportModel): string {
  const compare = model.run.compare;
  if (!compare) return "";
  const { run } = model;
  const parts = [
    `<h2 id="changes">Изменения по сравнению с запуском ${h(compare.runId)} (на ${h(formatDate(compare.asOf))})</h2>`,
  ];
  const groups = new Map<DiffEntry["change"], DiffEntry[]>();
  for (const e of compare.changes) groups.set(e.change, [...(groups.get(e.change) ?? []), e]);
  if (compare.changes.length === 0) {
    parts.push("<p>Изменений нет.</p>");
    return parts.join("\n");
  }
  const newSites = uniqueSites(groups.get("new-site") ?? []);
  parts.push(
    `<ul>${CHANGE_ORDER.map((c) => {
      const n = c === "new-site" ? newSites.length : (groups.get(c)?.length ?? 0);
      return `<li>${h(capitalize(CHANGE_LABELS[c]))}: <b>${n}</b></li>`;
    }).join("")}</ul>`,
  );
  for (const change of CHANGE_ORDER) {
    const entries = groups.get(change) ?? [];
    if (entries.length === 0) continue;
    if (change === "new-site") {
      const rows = newSites.map(
        (e) =>
          `<tr><td>${h(model.regionName(e.region))}</td><td>${h(e.sphere ? SPHERE_NAMES[e.sphere] : "—")}</td><td>${link(e.site)}</td></tr>`,
      );
      parts.push(
        `<details><summary>${h(capitalize(CHANGE_LABELS[change]))} (${newSites.length})</summary>${table(["Субъект", "Сфера", "Сайт"], rows)}</details>`,
      );
      continue;
    }
    const rows = entries.map(
      (e) =>
        `<tr><td>${h(model.regionName(e.region))}</td><td>${h(e.sphere ? SPHERE_NAMES[e.sphere] : "—")}</td><td>${link(e.site)}</td><td>${h(ruleTitle(run, e.rule))}</td><td>${e.before ? badge(e.before) : "—"}</td><td>${badge(e.after)}</td></tr>`,
    );
    const open = change === "new-gap" || change === "fixed" ? " open" : "";
    parts.push(
      `<details${open}><summary>${h(capitalize(CHANGE_LABELS[change]))} (${entries.length})</summary>${table(["Субъект", "Сфера", "Сайт", "Требование", "Было", "Стало"], rows)}</details>`,
    );
  }
  return parts.join("\n");
}

function uniqueSites(entries: readonly DiffEntry[]): DiffEntry[] {
  const seen = new Map<string, DiffEntry>();
  for (const e of entries) if (!seen.has(e.site)) seen.set(e.site, e);
  return [...seen.values()];
}

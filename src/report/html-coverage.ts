/** The coverage-audit section of the HTML report (national) and its paragraph in each region's block. */
import { type CoverageAudit, coverageAudit, nationalCoverageAudit } from "../findings/coverage-audit.ts";
import { SPHERE_NAMES } from "../findings/sphere-names.ts";
import type { SiteResult } from "../types/result.ts";
import {
  coverageAside,
  coverageHeadline,
  coveragePercent,
  coverageWindow,
  gapReason,
  gapWhere,
} from "./coverage-text.ts";
import { escapeHtml as h } from "./escape-html.ts";
import { formatInt } from "./format.ts";
import { link, table } from "./html-parts.ts";
import type { ReportModel } from "./model.ts";

/** The national list stops here; each region's block lists all of its own. */
const NATIONAL_GAPS = 100;

function gapsList(model: ReportModel, audit: CoverageAudit, max: number, withRegion: boolean): string {
  if (audit.notCovered.length === 0) return "";
  const items = audit.notCovered.slice(0, max).map((g) => {
    const where = gapWhere(model, g, withRegion);
    return `<li>${link(g.url, g.name ?? g.url)}${where ? ` <span class="muted small">${h(where)}</span>` : ""} — ${h(gapReason(g))}</li>`;
  });
  const more =
    audit.notCovered.length > max
      ? `<p class="small muted">Показаны ${formatInt(max)} из ${formatInt(audit.notCovered.length)}; полные списки — в разделах субъектов.</p>`
      : "";
  return `<p><b>Не охвачены оценкой за 3 года (${formatInt(audit.notCovered.length)}):</b></p><ul>${items.join("")}</ul>${more}`;
}

export function coverageSection(model: ReportModel): string {
  const audit = nationalCoverageAudit(model.run.sites, model.regions, model.run.asOf);
  if (!audit) return "";
  const aside = coverageAside(audit.total);
  const parts = [
    `<h2 id="coverage">Охват организаций независимой оценкой</h2>`,
    `<p><b>${h(coverageHeadline(audit.total))}</b>${aside ? `; ${h(aside)}` : ""}.</p>`,
    `<p class="small">${h(coverageWindow(audit))}</p>`,
  ];
  const spheres = Object.keys(audit.bySphere) as (keyof typeof audit.bySphere)[];
  const head = [
    "",
    `<th class="num">Охват</th>`,
    `<th class="num">Охвачено</th>`,
    `<th class="num">Не охвачено</th>`,
    `<th class="num">Не удалось проверить</th>`,
  ];
  const row = (label: string, c: NonNullable<(typeof audit.bySphere)[keyof typeof audit.bySphere]>) =>
    `<tr><td>${label}</td><td class="num">${coveragePercent(c)}</td><td class="num">${formatInt(c.covered)}</td><td class="num">${formatInt(c.notCovered)}</td><td class="num">${formatInt(c.unknown)}</td></tr>`;
  parts.push(
    table(
      ["Сфера", ...head.slice(1)],
      spheres.map((s) => row(h(SPHERE_NAMES[s]), audit.bySphere[s]!)),
    ),
  );
  if (audit.byRegion.length > 1)
    parts.push(
      `<h3>По субъектам</h3>`,
      table(
        ["Субъект", ...head.slice(1)],
        audit.byRegion.map((r) => row(`<a href="#r-${h(r.code)}">${h(r.name)}</a>`, r.total)),
      ),
    );
  parts.push(gapsList(model, audit, NATIONAL_GAPS, true));
  return parts.filter(Boolean).join("\n");
}

/** One region's coverage: the headline, by sphere, and every institution not covered. */
export function regionCoverageHtml(model: ReportModel, sites: readonly SiteResult[]): string {
  const audit = coverageAudit(sites, model.run.asOf);
  if (!audit) return "";
  const aside = coverageAside(audit.total);
  const bySphere = Object.entries(audit.bySphere)
    .map(([s, c]) => `${SPHERE_NAMES[s as keyof typeof SPHERE_NAMES]} — ${coveragePercent(c)}`)
    .join(", ");
  return [
    `<p><b>${h(coverageHeadline(audit.total))}</b>${bySphere ? ` (${h(bySphere)})` : ""}${aside ? `; ${h(aside)}` : ""}.</p>`,
    gapsList(model, audit, Number.POSITIVE_INFINITY, false),
  ]
    .filter(Boolean)
    .join("\n");
}

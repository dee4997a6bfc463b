/** The coverage-audit section of the Markdown report (national) and its paragraph in each region's part. */
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
import { formatInt } from "./format.ts";
import { mdEscape, mdLink } from "./markdown-parts.ts";
import type { ReportModel } from "./model.ts";

const NATIONAL_GAPS = 100;

function gapsMd(model: ReportModel, audit: CoverageAudit, max: number, withRegion: boolean): string {
  if (audit.notCovered.length === 0) return "";
  const lines = audit.notCovered.slice(0, max).map((g) => {
    const where = gapWhere(model, g, withRegion);
    return `- ${mdLink(g.url, g.name)}${where ? ` (${mdEscape(where)})` : ""} — ${gapReason(g)}`;
  });
  if (audit.notCovered.length > max)
    lines.push(
      `- … показаны ${formatInt(max)} из ${formatInt(audit.notCovered.length)}; полные списки — в разделах субъектов`,
    );
  return [`**Не охвачены оценкой за 3 года (${formatInt(audit.notCovered.length)}):**`, "", ...lines].join(
    "\n",
  );
}

function row(label: string, c: CoverageAudit["total"]): string {
  return `| ${label} | ${coveragePercent(c)} | ${formatInt(c.covered)} | ${formatInt(c.notCovered)} | ${formatInt(c.unknown)} |`;
}

export function coverageMd(model: ReportModel): string {
  const audit = nationalCoverageAudit(model.run.sites, model.regions, model.run.asOf);
  if (!audit) return "";
  const aside = coverageAside(audit.total);
  const head = "| Охват | Охвачено | Не охвачено | Не удалось проверить |";
  const parts = [
    "## Охват организаций независимой оценкой",
    `**${coverageHeadline(audit.total)}**${aside ? `; ${aside}` : ""}.`,
    coverageWindow(audit),
    [
      `| Сфера ${head}`,
      "|---|---:|---:|---:|---:|",
      ...Object.entries(audit.bySphere).map(([s, c]) => row(SPHERE_NAMES[s as keyof typeof SPHERE_NAMES], c)),
    ].join("\n"),
  ];
  if (audit.byRegion.length > 1)
    parts.push(
      "### По субъектам",
      [
        `| Субъект ${head}`,
        "|---|---:|---:|---:|---:|",
        ...audit.byRegion.map((r) => row(mdEscape(r.name), r.total)),
      ].join("\n"),
    );
  parts.push(gapsMd(model, audit, NATIONAL_GAPS, true));
  return parts.filter(Boolean).join("\n\n");
}

export function regionCoverageMd(model: ReportModel, sites: readonly SiteResult[]): string {
  const audit = coverageAudit(sites, model.run.asOf);
  if (!audit) return "";
  const aside = coverageAside(audit.total);
  const bySphere = Object.entries(audit.bySphere)
    .map(([s, c]) => `${SPHERE_NAMES[s as keyof typeof SPHERE_NAMES]} — ${coveragePercent(c)}`)
    .join(", ");
  return [
    `**${coverageHeadline(audit.total)}**${bySphere ? ` (${bySphere})` : ""}${aside ? `; ${aside}` : ""}.`,
    gapsMd(model, audit, Number.POSITIVE_INFINITY, false),
  ]
    .filter(Boolean)
    .join("\n\n");
}

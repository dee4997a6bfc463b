/** The Markdown report: the same content as the HTML page, as headings, lists and tables. */

import { formatRegionWithSpheres, SPHERE_IN_PHRASES, SPHERE_NAMES } from "../findings/sphere-names.ts";
import type { RegionSpheres } from "../findings/types.ts";
import type { Status } from "../types/common.ts";
import type { DiffEntry, RunResult, StatusCounts } from "../types/result.ts";
import { plural } from "../util/ru.ts";
import { capitalize, formatDate, formatDateTime, formatInt, formatShare } from "./format.ts";
import { CHANGE_LABELS, CHANGE_ORDER, ruleFailureTitle, ruleTitle, STATUS_STYLES } from "./labels.ts";
import { coverageMd } from "./markdown-coverage.ts";
import { mdEscape, mdLink, mdTable, status } from "./markdown-parts.ts";
import { regionsMd, rulesMd, siteMd } from "./markdown-sites.ts";
import { buildModel, type ReportModel, reportTitle, sortSites } from "./model.ts";

export { mdEscape, mdLink } from "./markdown-parts.ts";

export interface MarkdownOptions {
  /** National report: above this many sites, only authority sites get per-site verdict tables. Default 1000. */
  maxDetailedSites?: number;
}

export function renderMarkdown(run: RunResult, options: MarkdownOptions = {}): string {
  const model = buildModel(run);
  const parts: string[] = [
    `# ${reportTitle(model)}`,
    `Дата, на которую оценены требования: **${formatDate(run.asOf)}** · запуск ${mdEscape(run.runId)} · начат ${formatDateTime(run.startedAt)}, завершён ${formatDateTime(run.finishedAt)}`,
  ];
  if (model.layout === "run") parts.push(...runParts(model, options.maxDetailedSites ?? 1000));
  else {
    for (const site of sortSites(run.sites)) parts.push(siteMd(model, site, "full", "##"));
    if (run.sites.length === 0) parts.push("В результатах нет проверенных сайтов.");
  }
  parts.push(rulesMd(model));
  parts.push(
    "---",
    "«Не удалось проверить» означает, что сайт или документ не удалось прочитать либо проверка не успела дойти до нужного раздела; такие случаи не считаются нарушениями и учитываются отдельно.",
  );
  return `${parts.filter(Boolean).join("\n\n")}\n`;
}

function runParts(model: ReportModel, maxDetailedSites: number): string[] {
  return [
    nationalMd(model),
    gapsMd(model),
    matrixMd(model),
    institutionsMd(model),
    coverageMd(model),
    changesMd(model),
    regionsMd(model, maxDetailedSites),
  ];
}

function countsText(c: StatusCounts | undefined): string {
  if (!c) return "—";
  const n = c.pass + c.warn + c.fail + c.unknown + c["n/a"];
  if (c["n/a"] === n) return "не применяется";
  const extra = (["warn", "fail", "unknown"] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${STATUS_STYLES[s].symbol} ${c[s]}`);
  return `**${c.pass}** из ${n}${extra.length ? ` (${extra.join(", ")})` : ""}`;
}

function nationalMd(model: ReportModel): string {
  const { national, spheres, authorityRules, run } = model;
  const parts = ["## Сводка по субъектам Российской Федерации"];
  const authoritySites = run.sites.filter((s) => s.kind === "authority").length;
  parts.push(
    `Проверено сайтов органов исполнительной власти: **${formatInt(authoritySites)}**; субъектов Российской Федерации в реестре: **${formatInt(national.regions)}**, из них с сайтами в проверке: **${formatInt(national.regionsWithSites)}**.`,
  );
  const nok = "authority/nok-section";
  if (authorityRules.includes(nok)) {
    const items = spheres.map((s, i) => {
      const n = national.bySphere[s]?.[nok]?.pass ?? 0;
      return `- ${SPHERE_IN_PHRASES[s]} — в ${n} ${plural(n, ["субъекте", "субъектах", "субъектах"])} Российской Федерации${i === spheres.length - 1 ? "." : ";"}`;
    });
    parts.push(
      `Специальные разделы о независимой оценке качества созданы на официальных сайтах:\n\n${items.join("\n")}`,
    );
  }
  if (spheres.length === 0) return [...parts, "В запуске нет сайтов органов власти."].join("\n\n");
  parts.push(
    "В ячейке — число субъектов, сайт органа власти которых соответствует требованию, из числа субъектов с проверенным сайтом; в скобках — частично (±), не соответствует (✗), не удалось проверить (?). Сайты, которые не удалось проверить, нарушителями не считаются.",
  );
  parts.push(
    mdTable(
      ["Требование", ...spheres.map((s) => SPHERE_NAMES[s])],
      authorityRules.map((r) => [
        mdEscape(ruleTitle(run, r)),
        ...spheres.map((s) => countsText(national.bySphere[s]?.[r])),
      ]),
    ),
  );
  return parts.join("\n\n");
}

function ministryListMd(entries: readonly RegionSpheres[]): string {
  return entries
    .map(
      (e, i) =>
        `- ${mdEscape(formatRegionWithSpheres(e.name, e.spheres))}${i === entries.length - 1 ? "." : ";"}`,
    )
    .join("\n");
}

function gapsMd(model: ReportModel): string {
  const parts = ["## Субъекты, в которых требования не выполнены"];
  let any = false;
  for (const rule of model.authorityRules) {
    const failing = model.national.failing[rule] ?? [];
    const unknown = model.national.unknown[rule] ?? [];
    if (!failing.length && !unknown.length) continue;
    any = true;
    parts.push(`### ${mdEscape(ruleFailureTitle(model.run, rule))}`);
    if (failing.length) parts.push(ministryListMd(failing));
    if (unknown.length)
      parts.push(
        `Не удалось проверить: ${mdEscape(unknown.map((e) => formatRegionWithSpheres(e.name, e.spheres)).join(", "))}.`,
      );
  }
  if (!any) parts.push("Нарушений не выявлено.");
  return parts.join("\n\n");
}

function matrixMd(model: ReportModel): string {
  const { run, authorityRules, spheres, matrix } = model;
  if (spheres.length === 0) return "";
  const parts = [
    "## Субъекты × требования",
    authorityRules.map((r, i) => `${i + 1}. ${mdEscape(ruleTitle(run, r))}`).join("\n"),
    (Object.keys(STATUS_STYLES) as Status[])
      .map((s) => `${STATUS_STYLES[s].symbol} — ${STATUS_STYLES[s].label}`)
      .join("; "),
  ];
  for (const sphere of spheres) {
    const rows = (matrix.get(sphere) ?? []).map((row) => {
      if (row.sites.length === 0) return [mdEscape(row.region.name), ...authorityRules.map(() => " ")];
      return [
        mdEscape(row.region.name),
        ...authorityRules.map((r) => STATUS_STYLES[row.statuses.get(r) ?? "n/a"].symbol),
      ];
    });
    parts.push(
      `### ${SPHERE_NAMES[sphere]}`,
      mdTable(["Субъект", ...authorityRules.map((_, i) => String(i + 1))], rows),
    );
  }
  return parts.join("\n\n");
}

function institutionsMd(model: ReportModel): string {
  const cov = model.national.institutions;
  if (!cov) return "";
  const parts = [
    "## Организации социальной сферы и bus.gov.ru",
    `Проверено сайтов организаций: **${formatInt(cov.institutions)}**; записей на bus.gov.ru: **${formatInt(cov.busgov)}**.`,
  ];
  const lines: string[] = [];
  for (const [label, fig] of [
    ["Доля организаций с результатами НОК на bus.gov.ru", cov.results],
    ["Доля организаций, разместивших планы по устранению недостатков", cov.plans],
  ] as const) {
    if (fig)
      lines.push(
        `- ${label}: **${formatShare(fig.share)}** (${formatInt(fig.pass)} из ${formatInt(fig.decided)} проверенных; частично — ${formatInt(fig.warn)}; не удалось проверить — ${formatInt(fig.unknown)})`,
      );
  }
  if (lines.length) parts.push(lines.join("\n"));
  const statuses = ["pass", "warn", "fail", "unknown", "n/a"] as const;
  parts.push(
    mdTable(
      ["Требование", ...statuses.map((s) => STATUS_STYLES[s].label), "Доля соответствующих"],
      Object.entries(cov.byRule).map(([rule, f]) => [
        mdEscape(ruleTitle(model.run, rule)),
        ...statuses.map((s) => formatInt(f[s])),
        formatShare(f.share),
      ]),
    ),
  );
  return parts.join("\n\n");
}

function changesMd(model: ReportModel): string {
  const compare = model.run.compare;
  if (!compare) return "";
  const parts = [
    `## Изменения по сравнению с запуском ${mdEscape(compare.runId)} (на ${formatDate(compare.asOf)})`,
  ];
  if (compare.changes.length === 0) return [...parts, "Изменений нет."].join("\n\n");
  const groups = new Map<DiffEntry["change"], DiffEntry[]>();
  for (const e of compare.changes) groups.set(e.change, [...(groups.get(e.change) ?? []), e]);
  const newSites = [...new Map((groups.get("new-site") ?? []).map((e) => [e.site, e])).values()];
  parts.push(
    CHANGE_ORDER.map(
      (c) =>
        `- ${capitalize(CHANGE_LABELS[c])}: **${c === "new-site" ? newSites.length : (groups.get(c)?.length ?? 0)}**`,
    ).join("\n"),
  );
  for (const change of CHANGE_ORDER) {
    const entries = groups.get(change) ?? [];
    if (!entries.length) continue;
    parts.push(`### ${capitalize(CHANGE_LABELS[change])}`);
    if (change === "new-site") {
      parts.push(
        mdTable(
          ["Субъект", "Сфера", "Сайт"],
          newSites.map((e) => [
            mdEscape(model.regionName(e.region)),
            e.sphere ? SPHERE_NAMES[e.sphere] : "—",
            mdLink(e.site),
          ]),
        ),
      );
      continue;
    }
    parts.push(
      mdTable(
        ["Субъект", "Сфера", "Сайт", "Требование", "Было", "Стало"],
        entries.map((e) => [
          mdEscape(model.regionName(e.region)),
          e.sphere ? SPHERE_NAMES[e.sphere] : "—",
          mdLink(e.site),
          mdEscape(ruleTitle(model.run, e.rule)),
          e.before ? status(e.before) : "—",
          status(e.after),
        ]),
      ),
    );
  }
  return parts.join("\n\n");
}

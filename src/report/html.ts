/** The HTML report: one self-contained page (inline CSS, no external assets), Russian, printable. */

import type { Dispute } from "../disputes/types.ts";
import type { RunResult } from "../types/result.ts";
import { escapeHtml as h } from "./escape-html.ts";
import { formatDate, formatDateTime } from "./format.ts";
import { changesSection } from "./html-changes.ts";
import { coverageSection } from "./html-coverage.ts";
import { PRINT_SCRIPT, REPORT_CSS } from "./html-css.ts";
import { disputesSection } from "./html-disputes.ts";
import { gapsSection, institutionsSection, matrixSection, nationalSection } from "./html-national.ts";
import { legend } from "./html-parts.ts";
import { picturesSection } from "./html-pictures.ts";
import { regionsSection } from "./html-regions.ts";
import { rulesSection } from "./html-rules.ts";
import { siteBlock } from "./html-site.ts";
import { buildModel, type ReportModel, reportTitle, sortSites } from "./model.ts";

export interface HtmlOptions {
  /** National report: above this many sites, only authority sites get per-site verdict tables. Default 1000. */
  maxDetailedSites?: number;
  /** Earlier national runs (oldest first): the report then draws trends over them. */
  history?: readonly RunResult[];
  /** Disputes of this run's findings, listed beside the verdicts (which they never change). */
  disputes?: readonly Dispute[];
}

const MODE_LABELS: Record<RunResult["mode"], string> = {
  check: "самопроверка",
  run: "плановый запуск",
  recheck: "повторная оценка сохранённых страниц",
};

export function renderHtml(run: RunResult, options: HtmlOptions = {}): string {
  const model = buildModel(run);
  const body = model.layout === "run" ? runBody(model, options) : checkBody(model);
  const title = reportTitle(model);
  return [
    "<!DOCTYPE html>",
    `<html lang="ru"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="${h(run.tool.name)} ${h(run.tool.version)}">`,
    `<title>${h(title)} — ${h(formatDate(run.asOf))}</title>`,
    `<style>${REPORT_CSS}</style></head><body><main>`,
    header(model, title),
    body,
    footer(model),
    `</main><script>${PRINT_SCRIPT}</script></body></html>`,
  ].join("\n");
}

function header(model: ReportModel, title: string): string {
  const { run } = model;
  return `<header><h1>${h(title)}</h1><p class="meta">Дата, на которую оценены требования: <b>${h(formatDate(run.asOf))}</b> · ${h(MODE_LABELS[run.mode] ?? run.mode)} ${h(run.runId)} · начат ${h(formatDateTime(run.startedAt))}, завершён ${h(formatDateTime(run.finishedAt))}</p>${legend()}</header>`;
}

function footer(model: ReportModel): string {
  const { run } = model;
  return `<footer class="muted small"><p>«Не удалось проверить» означает, что сайт или документ не удалось прочитать либо проверка не успела дойти до нужного раздела; такие случаи не считаются нарушениями и учитываются отдельно. Оценка сайта — взвешенная доля выполненных требований (соответствует — 1, частично — 0,5, не соответствует — 0) среди проверенных.</p><p>Сформировано: ${h(run.tool.name)} ${h(run.tool.version)}.</p></footer>`;
}

function checkBody(model: ReportModel): string {
  const sites = sortSites(model.run.sites);
  if (sites.length === 0) return `<p>В результатах нет проверенных сайтов.</p>${rulesSection(model)}`;
  const blocks = sites.map((site, i) =>
    siteBlock(model.run, site, {
      detail: "full",
      regionName: model.regionName(site.region),
      id: `site-${i + 1}`,
    }),
  );
  return [...blocks, rulesSection(model)].join("\n");
}

function runBody(model: ReportModel, options: HtmlOptions): string {
  const sections: [string, string, string][] = [
    ["national", "Сводка по субъектам", nationalSection(model)],
    ["map", "Карта субъектов", picturesSection(model, options.history)],
    ["gaps", "Субъекты, в которых требования не выполнены", gapsSection(model)],
    ["matrix", "Субъекты × требования", matrixSection(model)],
    ["institutions", "Организации и bus.gov.ru", institutionsSection(model)],
    ["coverage", "Охват независимой оценкой", coverageSection(model)],
    ["changes", "Изменения", changesSection(model)],
    ["disputes", "Споры", disputesSection(model, options.disputes)],
    [
      "regions",
      "Субъекты Российской Федерации",
      regionsSection(model, { maxDetailedSites: options.maxDetailedSites ?? 1000 }),
    ],
    ["rules", "Требования и правовые основания", rulesSection(model)],
  ];
  const present = sections.filter(([, , html]) => html);
  const toc = `<nav class="toc"><b>Содержание</b><ol>${present.map(([id, label]) => `<li><a href="#${id}">${h(label)}</a></li>`).join("")}</ol></nav>`;
  return [toc, ...present.map(([, , html]) => html)].join("\n");
}

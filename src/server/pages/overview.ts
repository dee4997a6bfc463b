/** «Обзор»: the latest (or a chosen) national run — tiles, filters, ministry-style figures, reports, history. */

import {
  badge,
  formatDate,
  formatDateTime,
  formatInt,
  escapeHtml as h,
  ministryList,
  nationalSection,
  type ReportModel,
  ruleFailureTitle,
  ruleTitle,
  SPHERE_NAMES,
} from "../../index.ts";
import { plural } from "../../util/ru.ts";
import type { RunEntry } from "../run-source.ts";
import { page } from "./layout.ts";
import { regionTiles, type TileFilter, tilesHtml, tilesLegend } from "./region-tiles.ts";
import { historySection } from "./run-history.ts";

export interface OverviewData {
  model: ReportModel;
  runs: RunEntry[];
  filter: TileFilter;
  /** The selected rule's trend over the national runs (SVG). */
  trend?: string;
}

export function runLinks(runId: string): string {
  const id = encodeURIComponent(runId);
  return `<p class="downloads">Отчёты для скачивания: <a href="/run/${id}/report.html">HTML</a><a href="/run/${id}/report.xlsx">XLSX</a><a href="/api/runs/${id}">JSON</a></p>`;
}

function filtersForm(data: OverviewData): string {
  const { model, filter, runs } = data;
  const run = model.run;
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${h(value)}"${selected ? " selected" : ""}>${h(label)}</option>`;
  const runSelect =
    runs.length > 1
      ? `<label>Запуск<select name="run">${[...runs]
          .reverse()
          .map((r) => option(r.id, `${formatDate(r.asOf)} · ${r.id}`, r.id === run.runId))
          .join("")}</select></label>`
      : `<input type="hidden" name="run" value="${h(run.runId)}">`;
  const spheres = [
    option("", "все сферы", filter.sphere === null),
    ...model.spheres.map((s) => option(s, SPHERE_NAMES[s], filter.sphere === s)),
  ].join("");
  const rules = [
    option("", "все требования", filter.rule === null),
    ...model.authorityRules.map((r) => option(r, ruleTitle(run, r), filter.rule === r)),
  ].join("");
  return `<form class="filters" method="get" action="/">${runSelect}<label>Сфера<select name="sphere">${spheres}</select></label><label>Требование<select name="rule">${rules}</select></label><button type="submit">Показать</button></form>`;
}

function ruleLists(model: ReportModel, rule: string): string {
  const failing = model.national.failing[rule] ?? [];
  const unknown = model.national.unknown[rule] ?? [];
  const parts = [`<h2 id="rule">${h(ruleFailureTitle(model.run, rule))}</h2>`];
  const subjects = (n: number) => `${n} ${plural(n, ["субъект", "субъекта", "субъектов"])}`;
  if (failing.length === 0) parts.push(`<p>${badge("pass")} Нарушений по этому требованию не выявлено.</p>`);
  else parts.push(`<p>${badge("fail")} ${subjects(failing.length)}:</p>`, ministryList(failing));
  if (unknown.length)
    parts.push(
      `<details><summary>Не удалось проверить: ${subjects(unknown.length)}</summary>${ministryList(unknown)}</details>`,
    );
  return parts.join("\n");
}

export function overviewPage(data: OverviewData): string {
  const { model, filter, runs } = data;
  const run = model.run;
  const runParam = `run=${encodeURIComponent(run.runId)}`;
  const tiles = regionTiles(model, filter);
  const withSites = tiles.filter((t) => t.tone !== "none").length;
  const body = [
    `<h1>Обзор: размещение информации о независимой оценке качества</h1>`,
    `<p class="meta">Плановый запуск <b>${h(run.runId)}</b>; требования оценены на <b>${h(formatDate(run.asOf))}</b>; завершён ${h(formatDateTime(run.finishedAt))}. Сайтов: <b>${formatInt(run.sites.length)}</b>; субъектов с сайтами органов власти в выборке: <b>${formatInt(withSites)}</b> из ${formatInt(tiles.length)}.</p>`,
    runLinks(run.runId),
    filtersForm(data),
    `<h2 id="map">Субъекты Российской Федерации${filter.sphere ? ` — ${h(SPHERE_NAMES[filter.sphere])}` : ""}${filter.rule ? ` — ${h(ruleTitle(run, filter.rule))}` : ""}</h2>`,
    tilesLegend(),
    `<div class="tilemap">${tilesHtml(tiles, (code) => `/region/${encodeURIComponent(code)}?${runParam}`)}</div>`,
    data.trend ? `<h2 id="trend">Динамика по запускам</h2>${data.trend}` : "",
    filter.rule ? ruleLists(model, filter.rule) : "",
    nationalSection(model),
    filter.rule
      ? ""
      : `<p class="small">Перечни субъектов, в которых требования не выполнены, — в <a href="/run/${encodeURIComponent(run.runId)}/report.html#gaps">отчёте</a> или выберите требование в фильтре выше.</p>`,
    historySection(runs, run, model.authorityRules, (id) => `/?run=${encodeURIComponent(id)}`),
  ];
  return page({ title: "Обзор", section: "overview", body: body.filter(Boolean).join("\n") });
}

export function emptyOverviewPage(checkRuns: number): string {
  const body = [
    `<h1>Обзор: размещение информации о независимой оценке качества</h1>`,
    `<p class="note">Плановых запусков пока нет. Национальная картина появится после первого запуска <code>nok run</code> (или <code>nok schedule</code>).</p>`,
    `<p>Проверить один сайт можно на странице <a href="/check">«Самопроверка»</a>.${checkRuns > 0 ? ` Сохранено самопроверок: ${formatInt(checkRuns)}.` : ""}</p>`,
  ];
  return page({ title: "Обзор", section: "overview", body: body.join("\n") });
}

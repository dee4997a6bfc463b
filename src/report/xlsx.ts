/** report.xlsx (exceljs): summary, regions × rules matrix, findings, changes and per-site crawl figures. */
import ExcelJS from "exceljs";
import { formatMinistryList, SPHERE_NAMES } from "../findings/sphere-names.ts";
import type { Status } from "../types/common.ts";
import type { RunResult, SiteResult } from "../types/result.ts";
import { capitalize, formatDate, safeHref, truncate } from "./format.ts";
import {
  CHANGE_LABELS,
  errorLabel,
  findingTitle,
  KIND_LABELS,
  ruleTitle,
  SITE_STATUS_LABELS,
  STATUS_STYLES,
} from "./labels.ts";
import { buildModel, type ReportModel, siteCounts, siteLabel, sortSites } from "./model.ts";

export const SHEET_NAMES = {
  summary: "Сводка",
  matrix: "Регионы × правила",
  findings: "Нарушения",
  changes: "Изменения",
  sites: "Сайты",
} as const;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE6F0" } };
const MAX_CELL_TEXT = 2000;

type Col = { header: string; width: number };

export async function renderXlsx(run: RunResult): Promise<Uint8Array> {
  const model = buildModel(run);
  const wb = new ExcelJS.Workbook();
  wb.creator = `${run.tool.name} ${run.tool.version}`;
  wb.created = new Date(run.finishedAt || run.startedAt || Date.now());
  summarySheet(wb, model);
  matrixSheet(wb, model);
  findingsSheet(wb, model);
  changesSheet(wb, model);
  sitesSheet(wb, model);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** A table sheet: bold filled header in `headerRow`, frozen above the data, autofilter over the table. */
function table(ws: ExcelJS.Worksheet, cols: Col[], headerRow = 1): void {
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const row = ws.getRow(headerRow);
  row.values = cols.map((c) => c.header);
  row.font = { bold: true };
  row.alignment = { vertical: "top", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  ws.views = [{ state: "frozen", ySplit: headerRow, xSplit: 0 }];
}

function finishTable(ws: ExcelJS.Worksheet, cols: number, headerRow: number, lastRow: number): void {
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: Math.max(lastRow, headerRow), column: cols },
  };
}

function colorStatus(cell: ExcelJS.Cell, status: Status): void {
  cell.value = STATUS_STYLES[status].label;
  cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATUS_STYLES[status].argb } };
}

function setLink(cell: ExcelJS.Cell, url: string | null | undefined, text?: string | null): void {
  const href = safeHref(url);
  const label = text?.trim() ? text : (url ?? "");
  if (!href) {
    cell.value = label;
    return;
  }
  cell.value = { text: label, hyperlink: href };
  cell.font = { color: { argb: "FF0563C1" }, underline: true };
}

function summarySheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const { run, national } = model;
  const ws = wb.addWorksheet(SHEET_NAMES.summary);
  const info: [string, string][] = [
    ["Запуск", run.runId],
    [
      "Режим",
      run.mode === "run" ? "плановый запуск" : run.mode === "check" ? "самопроверка" : "повторная оценка",
    ],
    ["Дата, на которую оценены требования", formatDate(run.asOf)],
    ["Начат / завершён", `${run.startedAt} / ${run.finishedAt}`],
    ["Сайтов в проверке", String(run.sites.length)],
  ];
  if (model.layout === "run")
    info.push(["Субъектов в реестре / с сайтами", `${national.regions} / ${national.regionsWithSites}`]);
  info.forEach(([k, v], i) => {
    const row = ws.getRow(i + 1);
    row.values = [k, v];
    row.getCell(1).font = { bold: true };
  });
  const headerRow = info.length + 2;
  if (model.layout === "run") {
    const cols: Col[] = [
      { header: "Требование", width: 50 },
      { header: "Сфера", width: 26 },
      ...(["pass", "warn", "fail", "unknown", "n/a"] as const).map((s) => ({
        header: `${capitalize(STATUS_STYLES[s].label)}, субъектов`,
        width: 14,
      })),
      { header: "Субъекты, не выполняющие требование", width: 80 },
    ];
    table(ws, cols, headerRow);
    let r = headerRow;
    for (const rule of model.authorityRules) {
      for (const sphere of model.spheres) {
        const c = national.bySphere[sphere]?.[rule];
        if (!c) continue;
        const failing = (national.failing[rule] ?? []).filter((e) => e.spheres.includes(sphere));
        const row = ws.getRow(++r);
        row.values = [
          ruleTitle(run, rule),
          SPHERE_NAMES[sphere],
          c.pass,
          c.warn,
          c.fail,
          c.unknown,
          c["n/a"],
          formatMinistryList(failing.map((e) => ({ name: e.name, spheres: [] }))),
        ];
        row.alignment = { vertical: "top", wrapText: true };
      }
    }
    finishTable(ws, cols.length, headerRow, r);
    const cov = national.institutions;
    if (cov) {
      r += 2;
      ws.getRow(r).values = ["Организации и bus.gov.ru"];
      ws.getRow(r).font = { bold: true };
      ws.getRow(++r).values = ["Сайтов организаций", cov.institutions];
      ws.getRow(++r).values = ["Записей bus.gov.ru", cov.busgov];
      for (const [label, fig] of [
        ["Доля с результатами НОК на bus.gov.ru", cov.results],
        ["Доля разместивших планы по устранению недостатков", cov.plans],
      ] as const) {
        if (!fig) continue;
        const row = ws.getRow(++r);
        row.values = [
          label,
          fig.share,
          `${fig.pass} из ${fig.decided} проверенных; не удалось проверить — ${fig.unknown}`,
        ];
        row.getCell(2).numFmt = "0.0%";
      }
    }
  } else {
    const cols: Col[] = [
      { header: "Сайт", width: 40 },
      { header: "Требование", width: 60 },
      { header: "Статус", width: 22 },
      { header: "Пояснение", width: 80 },
    ];
    table(ws, cols, headerRow);
    let r = headerRow;
    for (const site of sortSites(run.sites)) {
      for (const f of site.findings) {
        const row = ws.getRow(++r);
        row.values = [siteLabel(site), findingTitle(run, f), "", f.message];
        colorStatus(row.getCell(3), f.status);
        row.alignment = { vertical: "top", wrapText: true };
      }
    }
    finishTable(ws, cols.length, headerRow, r);
  }
}

function matrixSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const { run } = model;
  const ws = wb.addWorksheet(SHEET_NAMES.matrix);
  const byRegion = model.layout === "run" && model.spheres.length > 0;
  const rules = byRegion ? model.authorityRules : model.rules;
  const cols: Col[] = [
    { header: "Код", width: 7 },
    { header: "Субъект", width: 32 },
    { header: "Сфера", width: 24 },
    { header: "Сайт", width: 34 },
    ...rules.map((r) => ({ header: ruleTitle(run, r), width: 16 })),
  ];
  table(ws, cols);
  ws.getRow(1).height = 120;
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: 2 }];
  let r = 1;
  const put = (
    code: string,
    region: string,
    sphere: string,
    site: SiteResult | undefined,
    statuses: Map<string, Status>,
  ) => {
    const row = ws.getRow(++r);
    row.values = [code, region, sphere];
    if (site) setLink(row.getCell(4), site.url, site.url);
    else row.getCell(4).value = "нет сайта в проверке";
    rules.forEach((rule, i) => {
      const s = statuses.get(rule);
      if (s) colorStatus(row.getCell(5 + i), s);
    });
  };
  if (byRegion) {
    for (const region of model.regions) {
      for (const sphere of model.spheres) {
        const row = model.matrix.get(sphere)?.find((m) => m.region.code === region.code);
        put(region.code, region.name, SPHERE_NAMES[sphere], row?.sites[0], row?.statuses ?? new Map());
      }
    }
  } else {
    for (const site of sortSites(run.sites)) {
      put(...placeCells(model, site), site, new Map(site.findings.map((f) => [f.rule, f.status])));
    }
  }
  finishTable(ws, cols.length, 1, r);
}

function findingsSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const { run } = model;
  const ws = wb.addWorksheet(SHEET_NAMES.findings);
  const cols: Col[] = [
    { header: "Код", width: 7 },
    { header: "Субъект", width: 28 },
    { header: "Сфера", width: 22 },
    { header: "Тип сайта", width: 14 },
    { header: "Сайт", width: 32 },
    { header: "Требование", width: 48 },
    { header: "Статус", width: 20 },
    { header: "Пояснение", width: 60 },
    { header: "Подтверждение", width: 40 },
    { header: "Текст ссылки", width: 28 },
    { header: "Фрагмент", width: 60 },
    { header: "Глубина", width: 9 },
    { header: "Дата документа", width: 14 },
  ];
  table(ws, cols);
  let r = 1;
  const order = new Map(model.rules.map((id, i) => [id, i]));
  const sites = [...run.sites].sort((a, b) =>
    (a.region ?? "").localeCompare(b.region ?? "", "ru", { numeric: true }),
  );
  for (const site of sites) {
    const problems = site.findings
      .filter((f) => f.status === "fail" || f.status === "warn" || f.status === "unknown")
      .sort((a, b) => (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0));
    for (const f of problems) {
      const ev = f.evidence[0];
      const row = ws.getRow(++r);
      row.values = [
        ...placeCells(model, site),
        KIND_LABELS[site.kind],
        "",
        findingTitle(run, f),
        "",
        f.message,
        "",
        ev?.linkText ?? "",
        ev ? truncate(ev.excerpt, MAX_CELL_TEXT) : "",
        ev?.depth ?? "",
        ev?.date ? formatDate(ev.date) : "",
      ];
      setLink(row.getCell(5), site.url, siteLabel(site));
      colorStatus(row.getCell(7), f.status);
      if (ev) setLink(row.getCell(9), ev.url, ev.url);
      row.alignment = { vertical: "top", wrapText: true };
    }
  }
  finishTable(ws, cols.length, 1, r);
}

function changesSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const { run } = model;
  const ws = wb.addWorksheet(SHEET_NAMES.changes);
  const cols: Col[] = [
    { header: "Код", width: 7 },
    { header: "Субъект", width: 28 },
    { header: "Сфера", width: 22 },
    { header: "Сайт", width: 34 },
    { header: "Требование", width: 48 },
    { header: "Было", width: 20 },
    { header: "Стало", width: 20 },
    { header: "Изменение", width: 26 },
  ];
  table(ws, cols);
  let r = 1;
  if (!run.compare) {
    ws.getRow(++r).values = ["", "Сравнение с предыдущим запуском не выполнялось"];
  } else {
    for (const e of run.compare.changes) {
      const row = ws.getRow(++r);
      row.values = [
        e.region ?? "",
        model.regionName(e.region),
        e.sphere ? SPHERE_NAMES[e.sphere] : "",
        "",
        ruleTitle(run, e.rule),
        "",
        "",
        CHANGE_LABELS[e.change],
      ];
      setLink(row.getCell(4), e.site, e.site);
      if (e.before) colorStatus(row.getCell(6), e.before);
      colorStatus(row.getCell(7), e.after);
    }
  }
  finishTable(ws, cols.length, 1, r);
}

function sitesSheet(wb: ExcelJS.Workbook, model: ReportModel): void {
  const { run } = model;
  const ws = wb.addWorksheet(SHEET_NAMES.sites);
  const cols: Col[] = [
    { header: "Код", width: 7 },
    { header: "Субъект", width: 28 },
    { header: "Сфера", width: 22 },
    { header: "Тип", width: 14 },
    { header: "Название", width: 36 },
    { header: "Адрес", width: 34 },
    { header: "Итоговый адрес", width: 34 },
    { header: "Состояние", width: 18 },
    { header: "Ошибка", width: 30 },
    { header: "Страниц", width: 9 },
    { header: "Документов", width: 11 },
    { header: "Объём, байт", width: 13 },
    { header: "Ошибок загрузки", width: 10 },
    { header: "Пропущено по robots.txt", width: 12 },
    { header: "Лимит исчерпан", width: 10 },
    { header: "Длительность, с", width: 11 },
    { header: "Оценка", width: 8 },
    { header: "Соответствует", width: 10 },
    { header: "Частично", width: 10 },
    { header: "Не соответствует", width: 10 },
    { header: "Не удалось проверить", width: 10 },
  ];
  table(ws, cols);
  let r = 1;
  for (const site of sortSites(run.sites)) {
    const c = siteCounts(site);
    const row = ws.getRow(++r);
    row.values = [
      ...placeCells(model, site),
      KIND_LABELS[site.kind],
      site.name ?? "",
      "",
      "",
      SITE_STATUS_LABELS[site.status] ?? site.status,
      site.error ? `${errorLabel(site.error.code)}: ${site.error.message}` : "",
      site.crawl.pages,
      site.crawl.documents,
      site.crawl.bytes,
      site.crawl.errors,
      site.crawl.skippedByRobots,
      site.crawl.budgetExhausted ? "да" : "нет",
      Math.round(site.crawl.durationMs / 100) / 10,
      site.score ?? "",
      c.pass,
      c.warn,
      c.fail,
      c.unknown,
    ];
    setLink(row.getCell(6), site.url, site.url);
    setLink(row.getCell(7), site.finalUrl, site.finalUrl);
  }
  finishTable(ws, cols.length, 1, r);
}

/** The first three cells of a site row: region code, region name, sphere (empty when unknown). */
function placeCells(model: ReportModel, site: SiteResult): [string, string, string] {
  return [
    site.region ?? "",
    site.region === null ? "" : model.regionName(site.region),
    site.sphere ? SPHERE_NAMES[site.sphere] : "",
  ];
}

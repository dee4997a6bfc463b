/** The Markdown report: the same content as the HTML page, as headings, lists and tables. */

import {
  formatRegionWithSpheres,
  formatSphereList,
  SPHERE_IN_PHRASES,
  SPHERE_NAMES,
} from "../findings/sphere-names.ts";
import type { RegionSpheres, RuleSpheres } from "../findings/types.ts";
import type { Status } from "../types/common.ts";
import type { DiffEntry, Evidence, Finding, RunResult, SiteResult, StatusCounts } from "../types/result.ts";
import { formatDuration, plural } from "../util/ru.ts";
import {
  capitalize,
  formatBytes,
  formatDate,
  formatDateTime,
  formatInt,
  formatShare,
  safeHref,
  shortHash,
  truncate,
} from "./format.ts";
import {
  CHANGE_LABELS,
  CHANGE_ORDER,
  errorLabel,
  findingTitle,
  KIND_LABELS,
  ruleFailureTitle,
  ruleInfo,
  ruleTitle,
  SEVERITY_LABELS,
  SITE_STATUS_LABELS,
  STATUS_STYLES,
} from "./labels.ts";
import { coverageMd, regionCoverageMd } from "./markdown-coverage.ts";
import {
  buildModel,
  type ReportModel,
  reportTitle,
  siteCounts,
  siteLabel,
  sortSites,
  unreadableNote,
} from "./model.ts";
import { cellKey, regionGrid } from "./region-grid.ts";

export interface MarkdownOptions {
  /** National report: above this many sites, only authority sites get per-site verdict tables. Default 1000. */
  maxDetailedSites?: number;
}

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

function status(s: Status): string {
  return `${STATUS_STYLES[s].symbol} ${STATUS_STYLES[s].label}`;
}

function mdTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
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

function ruleListMd(model: ReportModel, title: string, list: RuleSpheres[], failing: boolean): string {
  if (!list.length) return "";
  const items = list.map((g) => {
    const name = failing ? ruleFailureTitle(model.run, g.rule) : ruleTitle(model.run, g.rule);
    const spheres = formatSphereList(g.spheres);
    return `- ${mdEscape(name)}${spheres ? ` (${spheres})` : ""}`;
  });
  return `**${title}**\n\n${items.join("\n")}`;
}

function regionsMd(model: ReportModel, maxDetailedSites: number): string {
  const detailAll = model.run.sites.length <= maxDetailedSites;
  const parts = ["## Субъекты Российской Федерации"];
  parts.push(
    `По каждому субъекту: требования к сайтам органов власти по сферам (символ статуса ведёт на страницу, где найдено подтверждение), пояснения ко всему, что не соответствует требованиям, и сведения о проверке сайтов.${detailAll ? "" : " Подробные результаты по сайтам организаций и bus.gov.ru — в файлах report.xlsx и findings.csv."}`,
  );
  for (const region of model.regions) {
    parts.push(
      `### ${mdEscape(region.name)} (код ${mdEscape(region.code)}${region.district ? `, ${mdEscape(region.district)}` : ""})`,
    );
    const sites = sortSites(model.sitesByRegion.get(region.code) ?? []);
    if (!sites.length) {
      parts.push("Сайты субъекта в проверку не включены.");
      continue;
    }
    const k = region.sitesByKind;
    parts.push(
      `Сайтов: **${region.sites}** (органы власти — ${k.authority}, организации — ${k.institution}, bus.gov.ru — ${k.busgov})${region.unreachable ? `; недоступно — ${region.unreachable}` : ""}; средняя оценка: **${region.score ?? "—"}**`,
      ruleListMd(model, "Не выполнены требования:", region.gaps, true),
      regionCoverageMd(model, sites),
      authorityGridMd(model, sites),
      sitesTableMd(sites),
    );
    for (const site of sites)
      if (detailAll && site.kind !== "authority") parts.push(siteMd(model, site, "compact", "####"));
  }
  if (model.unassigned.length) {
    parts.push("### Сайты без указания субъекта", sitesTableMd(model.unassigned));
    for (const site of sortSites(model.unassigned)) parts.push(siteMd(model, site, "compact", "####"));
  }
  return parts.filter(Boolean).join("\n\n");
}

function authorityGridMd(model: ReportModel, sites: readonly SiteResult[]): string {
  const grid = regionGrid(sites, model.authorityRules);
  if (grid.spheres.length === 0) return "";
  const { run } = model;
  const rows = grid.rules.map((rule) => [
    mdEscape(ruleTitle(run, rule)),
    ...grid.spheres.map((sphere) => {
      const cell = grid.cells.get(cellKey(rule, sphere));
      if (!cell) return " ";
      const symbol = STATUS_STYLES[cell.finding.status].symbol;
      const href = safeHref(cell.finding.evidence[0]?.url);
      return href ? mdLink(href, symbol) : symbol;
    }),
  ]);
  const parts = [mdTable(["Требование", ...grid.spheres.map((s) => SPHERE_NAMES[s])], rows)];
  const notes: string[] = [];
  for (const sphere of grid.spheres) {
    const site = grid.sites.get(sphere)!;
    const unreadable = unreadableNote(site);
    if (unreadable) {
      notes.push(
        `**${SPHERE_NAMES[sphere]}** — ${mdLink(site.url, siteLabel(site))}\n\n- ${status("unknown")}: ${mdEscape(unreadable)}`,
      );
      continue;
    }
    const items: string[] = [];
    for (const rule of grid.rules) {
      const f = grid.cells.get(cellKey(rule, sphere))?.finding;
      if (!f || f.status === "pass" || f.status === "n/a") continue;
      const ev = f.evidence[0];
      items.push(
        `- ${status(f.status)}: ${mdEscape(findingTitle(run, f))}${f.message ? `. ${mdEscape(truncate(f.message, 300))}` : ""}${ev ? ` — ${evidenceMd(ev)}` : ""}`,
      );
    }
    if (items.length) {
      notes.push(`**${SPHERE_NAMES[sphere]}** — ${mdLink(site.url, siteLabel(site))}\n\n${items.join("\n")}`);
    }
  }
  if (notes.length) parts.push("**Пояснения**", ...notes);
  return parts.join("\n\n");
}

function sitesTableMd(sites: readonly SiteResult[]): string {
  return mdTable(
    ["Сфера", "Тип", "Сайт", "Проверка", "Стр./док.", "Оценка", "✓", "±", "✗", "?"],
    sortSites(sites).map((s) => {
      const c = siteCounts(s);
      return [
        s.sphere ? SPHERE_NAMES[s.sphere] : "—",
        KIND_LABELS[s.kind],
        mdLink(s.url, siteLabel(s)),
        SITE_STATUS_LABELS[s.status] ?? s.status,
        `${s.crawl.pages}/${s.crawl.documents}`,
        String(s.score ?? "—"),
        String(c.pass),
        String(c.warn),
        String(c.fail),
        String(c.unknown),
      ];
    }),
  );
}

function evidenceMd(ev: Evidence): string {
  const facts: string[] = [];
  if (ev.depth !== null && ev.depth !== undefined) facts.push(`глубина ${ev.depth}`);
  if (ev.date) facts.push(`дата ${formatDate(ev.date)}`);
  return `${mdLink(ev.url, ev.linkText || ev.url)}${facts.length ? ` (${facts.join(", ")})` : ""}`;
}

function verdictRow(run: RunResult, f: Finding, full: boolean): string[] {
  const title = `**${mdEscape(findingTitle(run, f))}**${f.message ? `<br>${mdEscape(f.message)}` : ""}`;
  const evidence = full ? f.evidence : f.evidence.slice(0, 1);
  const where = evidence.map(evidenceMd).join("<br>") || "—";
  if (!full) return [title, status(f.status), where];
  const excerpts = f.evidence.filter((e) => e.excerpt).map((e) => `«${mdEscape(truncate(e.excerpt, 400))}»`);
  const hashes = f.evidence.filter((e) => e.snapshot).map((e) => `\`${shortHash(e.snapshot)}\``);
  return [title, status(f.status), where, excerpts.join("<br>") || "—", hashes.join("<br>") || "—"];
}

function siteMd(model: ReportModel, site: SiteResult, detail: "full" | "compact", level: string): string {
  const { run } = model;
  const full = detail === "full";
  const c = site.crawl;
  const facts = [
    `- Адрес: ${mdLink(site.url)}`,
    site.finalUrl && site.finalUrl !== site.url ? `- После перенаправлений: ${mdLink(site.finalUrl)}` : "",
    `- Тип: ${KIND_LABELS[site.kind]}`,
    site.region !== null ? `- Регион: ${mdEscape(model.regionName(site.region))}` : "",
    site.sphere ? `- Сфера: ${SPHERE_NAMES[site.sphere]}` : "",
    `- Состояние проверки: ${SITE_STATUS_LABELS[site.status] ?? site.status}`,
    `- Прочитано: ${formatInt(c.pages)} стр., ${formatInt(c.documents)} док. (${formatBytes(c.bytes)})`,
    `- Длительность: ${formatDuration(c.durationMs)}`,
    `- Оценка: ${site.score === null ? "— (нет проверенных требований)" : `**${site.score}** из 100`}`,
  ].filter(Boolean);
  const head = full
    ? ["Требование", "Статус", "Где найдено", "Фрагмент", "Снимок"]
    : ["Требование", "Статус", "Где найдено"];
  const checked = [
    `- Страниц прочитано: ${formatInt(c.pages)}; документов: ${formatInt(c.documents)}; объём: ${formatBytes(c.bytes)}`,
    `- Ошибок при загрузке: ${formatInt(c.errors)}; пропущено по robots.txt: ${formatInt(c.skippedByRobots)}`,
    c.budgetExhausted
      ? "- Лимит проверки исчерпан до того, как были решены все требования: часть требований может быть отмечена как «не удалось проверить»."
      : "- Лимит проверки не исчерпан.",
    site.error
      ? `- Ошибка сайта: ${mdEscape(errorLabel(site.error.code))}${site.error.message ? ` — ${mdEscape(site.error.message)}` : ""}`
      : "",
  ].filter(Boolean);
  const counts = siteCounts(site);
  const countLine = (["pass", "warn", "fail", "unknown", "n/a"] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${status(s)}: ${counts[s]}`)
    .join(" · ");
  return [
    `${level} ${mdEscape(siteLabel(site))}`,
    facts.join("\n"),
    countLine,
    mdTable(
      head,
      site.findings.map((f) => verdictRow(run, f, full)),
    ),
    `**Что проверено**`,
    checked.join("\n"),
  ].join("\n\n");
}

function rulesMd(model: ReportModel): string {
  const parts = ["## Требования и правовые основания"];
  for (const id of model.rules) {
    const info = ruleInfo(model.run, id);
    if (!info) {
      parts.push(`### ${mdEscape(id)}`, "Описание требования в результатах запуска отсутствует.");
      continue;
    }
    parts.push(
      `### ${mdEscape(info.title)}`,
      `\`${info.id}\` · значимость: ${SEVERITY_LABELS[info.severity] ?? info.severity}`,
    );
    if (info.description) parts.push(mdEscape(info.description));
    if (info.legal.length)
      parts.push(`Правовые основания:\n\n${info.legal.map((l) => `- ${mdEscape(l)}`).join("\n")}`);
  }
  return parts.join("\n\n");
}

/** The Markdown report's regional and per-site sections and the rules list. */
/** The Markdown report: the same content as the HTML page, as headings, lists and tables. */

import { formatSphereList, SPHERE_NAMES } from "../findings/sphere-names.ts";
import type { RuleSpheres } from "../findings/types.ts";
import type { Evidence, Finding, RunResult, SiteResult } from "../types/result.ts";
import { formatDuration } from "../util/ru.ts";
import { formatBytes, formatDate, formatInt, safeHref, shortHash, truncate } from "./format.ts";
import {
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
import { regionCoverageMd } from "./markdown-coverage.ts";
import { mdEscape, mdLink, mdTable, status } from "./markdown-parts.ts";
import { type ReportModel, siteCounts, siteLabel, sortSites, unreadableNote } from "./model.ts";
import { cellKey, regionGrid } from "./region-grid.ts";

export function regionsMd(model: ReportModel, maxDetailedSites: number): string {
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

export function authorityGridMd(model: ReportModel, sites: readonly SiteResult[]): string {
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

export function sitesTableMd(sites: readonly SiteResult[]): string {
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

export function siteMd(
  model: ReportModel,
  site: SiteResult,
  detail: "full" | "compact",
  level: string,
): string {
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

export function rulesMd(model: ReportModel): string {
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

function ruleListMd(model: ReportModel, title: string, list: RuleSpheres[], failing: boolean): string {
  if (!list.length) return "";
  const items = list.map((g) => {
    const name = failing ? ruleFailureTitle(model.run, g.rule) : ruleTitle(model.run, g.rule);
    const spheres = formatSphereList(g.spheres);
    return `- ${mdEscape(name)}${spheres ? ` (${spheres})` : ""}`;
  });
  return `**${title}**\n\n${items.join("\n")}`;
}

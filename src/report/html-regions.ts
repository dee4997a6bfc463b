/** Per-region sections of the national HTML report. */
import { formatSphereList, SPHERE_NAMES } from "../findings/sphere-names.ts";
import type { RegionSummaryExt, RuleSpheres } from "../findings/types.ts";
import type { SiteResult } from "../types/result.ts";
import { escapeHtml as h } from "./escape-html.ts";
import { formatInt, safeHref, truncate } from "./format.ts";
import { regionCoverageHtml } from "./html-coverage.ts";
import { STATUS_CLASS } from "./html-css.ts";
import { badge, evidenceHtml, link, table } from "./html-parts.ts";
import { siteBlock } from "./html-site.ts";
import {
  findingTitle,
  KIND_LABELS,
  ruleFailureTitle,
  ruleTitle,
  SITE_STATUS_LABELS,
  STATUS_STYLES,
} from "./labels.ts";
import { type ReportModel, siteCounts, siteLabel, sortSites, unreadableNote } from "./model.ts";
import { cellKey, regionGrid } from "./region-grid.ts";

export interface RegionsHtmlOptions {
  /** Above this many sites in the run, institution and bus.gov.ru sites get a table row but no verdict table. */
  maxDetailedSites: number;
}

export function regionsSection(model: ReportModel, opts: RegionsHtmlOptions): string {
  const detailAll = model.run.sites.length <= opts.maxDetailedSites;
  const parts = [`<h2 id="regions">Субъекты Российской Федерации</h2>`];
  parts.push(
    `<p class="small">По каждому субъекту: требования к сайтам органов власти по сферам (символ статуса ведёт на страницу, где найдено подтверждение), затем пояснения ко всему, что не соответствует требованиям, и сведения о проверке сайтов.${detailAll ? "" : " Подробные результаты по сайтам организаций и bus.gov.ru — в файлах report.xlsx и findings.csv."}</p>`,
  );
  for (const region of model.regions) parts.push(regionBlock(model, region, detailAll));
  if (model.unassigned.length) {
    parts.push(`<section class="region"><h3>Сайты без указания субъекта</h3>`);
    parts.push(sitesTable(model.unassigned));
    for (const site of sortSites(model.unassigned)) parts.push(details(model, site));
    parts.push("</section>");
  }
  return parts.join("\n");
}

function ruleList(model: ReportModel, title: string, list: RuleSpheres[], failing: boolean): string {
  if (list.length === 0) return "";
  const items = list.map((g) => {
    const name = failing ? ruleFailureTitle(model.run, g.rule) : ruleTitle(model.run, g.rule);
    const spheres = formatSphereList(g.spheres);
    return `<li>${h(name)}${spheres ? ` (${h(spheres)})` : ""}</li>`;
  });
  return `<p><b>${h(title)}</b></p><ul>${items.join("")}</ul>`;
}

function regionBlock(model: ReportModel, region: RegionSummaryExt, detailAll: boolean): string {
  const sites = sortSites(model.sitesByRegion.get(region.code) ?? []);
  const head = `<h3 id="r-${h(region.code)}">${h(region.name)} <span class="muted small">код ${h(region.code)}${region.district ? ` · ${h(region.district)}` : ""}</span></h3>`;
  if (sites.length === 0)
    return `<section class="region">${head}<p class="muted">Сайты субъекта в проверку не включены.</p></section>`;
  const k = region.sitesByKind;
  const figures = `<p>Сайтов: <b>${formatInt(region.sites)}</b> (органы власти — ${k.authority}, организации — ${k.institution}, bus.gov.ru — ${k.busgov})${region.unreachable ? `; недоступно — ${region.unreachable}` : ""}; средняя оценка: <b>${region.score ?? "—"}</b></p>`;
  const parts = [
    `<section class="region">`,
    head,
    figures,
    ruleList(model, "Не выполнены требования:", region.gaps, true),
    regionCoverageHtml(model, sites),
    authorityGrid(model, sites),
    sitesTable(sites),
  ];
  for (const site of sites) if (detailAll && site.kind !== "authority") parts.push(details(model, site));
  parts.push("</section>");
  return parts.filter(Boolean).join("\n");
}

/** Rules × spheres with a link to the evidence in each passing cell, then notes for every other status. */
function authorityGrid(model: ReportModel, sites: readonly SiteResult[]): string {
  const grid = regionGrid(sites, model.authorityRules);
  if (grid.spheres.length === 0) return "";
  const { run } = model;
  const head = ["Требование", ...grid.spheres.map((s) => `<th class="num">${h(SPHERE_NAMES[s])}</th>`)];
  const rows = grid.rules.map((rule) => {
    const cells = grid.spheres.map((sphere) => {
      const cell = grid.cells.get(cellKey(rule, sphere));
      if (!cell) return "<td></td>";
      const { status, evidence } = cell.finding;
      const href = safeHref(evidence[0]?.url);
      const symbol = STATUS_STYLES[status].symbol;
      return `<td class="${STATUS_CLASS[status]}">${href ? `<a href="${h(href)}">${symbol}</a>` : symbol}</td>`;
    });
    return `<tr><td>${h(ruleTitle(run, rule))}</td>${cells.join("")}</tr>`;
  });
  const notes: string[] = [];
  for (const sphere of grid.spheres) {
    const site = grid.sites.get(sphere)!;
    const unreadable = unreadableNote(site);
    if (unreadable) {
      notes.push(
        `<p><b>${h(SPHERE_NAMES[sphere])}</b> — ${link(site.url, siteLabel(site))}</p><ul><li>${badge("unknown")} ${h(unreadable)}</li></ul>`,
      );
      continue;
    }
    const items: string[] = [];
    for (const rule of grid.rules) {
      const cell = grid.cells.get(cellKey(rule, sphere));
      if (!cell || cell.finding.status === "pass" || cell.finding.status === "n/a") continue;
      const f = cell.finding;
      const ev = f.evidence[0];
      items.push(
        `<li>${badge(f.status)} ${h(findingTitle(run, f))}${f.message ? `. <span class="msg">${h(truncate(f.message, 300))}</span>` : ""}${ev ? evidenceHtml(ev, { excerpt: f.status === "warn" ? 200 : 0 }) : ""}</li>`,
      );
    }
    if (items.length) {
      notes.push(
        `<p><b>${h(SPHERE_NAMES[sphere])}</b> — ${link(site.url, siteLabel(site))}</p><ul>${items.join("")}</ul>`,
      );
    }
  }
  return `${table(head, rows, "grid")}${notes.length ? `<h4>Пояснения</h4>${notes.join("")}` : ""}`;
}

function sitesTable(sites: readonly SiteResult[]): string {
  const head = [
    "Сфера",
    "Тип",
    "Сайт",
    "Проверка",
    `<th class="num">Стр./док.</th>`,
    `<th class="num">Оценка</th>`,
    `<th class="num p">✓</th>`,
    `<th class="num w">±</th>`,
    `<th class="num f">✗</th>`,
    `<th class="num u">?</th>`,
  ];
  const rows = sortSites(sites).map((s) => {
    const c = siteCounts(s);
    const state = `${h(SITE_STATUS_LABELS[s.status] ?? s.status)}${s.crawl.budgetExhausted ? " (лимит исчерпан)" : ""}`;
    return `<tr><td>${h(s.sphere ? SPHERE_NAMES[s.sphere] : "—")}</td><td>${h(KIND_LABELS[s.kind])}</td><td>${link(s.url, siteLabel(s))}</td><td>${state}</td><td class="num">${s.crawl.pages}/${s.crawl.documents}</td><td class="num">${s.score ?? "—"}</td><td class="num">${c.pass}</td><td class="num">${c.warn}</td><td class="num">${c.fail}</td><td class="num">${c.unknown}</td></tr>`;
  });
  return table(head, rows, "sites");
}

function details(model: ReportModel, site: SiteResult): string {
  const sphere = site.sphere ? ` — ${SPHERE_NAMES[site.sphere]}` : "";
  return `<details><summary>Подробно: ${h(siteLabel(site))}${h(sphere)} (${h(KIND_LABELS[site.kind])})</summary>${siteBlock(
    model.run,
    site,
    { detail: "compact", regionName: model.regionName(site.region) },
  )}</details>`;
}

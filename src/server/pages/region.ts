/** «Регион»: one subject's sites with their verdicts and evidence, and the changes since the previous run. */

import {
  cellKey,
  changesSection,
  type Dispute,
  formatDate,
  formatInt,
  formatSphereList,
  escapeHtml as h,
  KIND_LABELS,
  type RegionSummaryExt,
  type ReportModel,
  regionGrid,
  ruleFailureTitle,
  ruleTitle,
  SITE_STATUS_LABELS,
  SPHERE_NAMES,
  STATUS_CLASS,
  STATUS_STYLES,
  siteCounts,
  siteLabel,
  sortSites,
  table,
} from "../../index.ts";
import type { DiffEntry, SiteResult } from "../../types/index.ts";
import { page } from "./layout.ts";
import { runLinks } from "./overview.ts";
import { disputeForm, disputesList } from "./region-disputes.ts";
import { DISTRICT_NAMES } from "./region-tiles.ts";
import { siteSection } from "./site-verdicts.ts";

export interface RegionData {
  model: ReportModel;
  region: RegionSummaryExt;
  sites: SiteResult[];
  /** Changes of this region's sites; null when there is no previous run to compare with. */
  changes: { runId: string; asOf: string; changes: DiffEntry[] } | null;
  /** The region's history over the stored runs (SVG), when there is more than one run. */
  history?: string;
  /** Disputes of this region's findings (any run). */
  disputes?: Dispute[];
}

function figures(region: RegionSummaryExt): string {
  const k = region.sitesByKind;
  return `<p>Сайтов в проверке: <b>${formatInt(region.sites)}</b> (органы власти — ${k.authority}, организации — ${k.institution}, bus.gov.ru — ${k.busgov})${region.unreachable ? `; недоступно — ${region.unreachable}` : ""}; средняя оценка: <b>${region.score ?? "—"}</b>${region.score === null ? "" : " из 100"}.</p>`;
}

function gaps(model: ReportModel, region: RegionSummaryExt): string {
  if (region.gaps.length === 0) return region.sites > 0 ? `<p class="ok">Нарушений не выявлено.</p>` : "";
  const items = region.gaps.map((g) => {
    const spheres = formatSphereList(g.spheres);
    return `<li>${h(ruleFailureTitle(model.run, g.rule))}${spheres ? ` (${h(spheres)})` : ""}</li>`;
  });
  return `<h2 id="gaps">Не выполнены требования</h2><ul class="ministry">${items.join("")}</ul>`;
}

function grid(model: ReportModel, sites: readonly SiteResult[], anchors: Map<SiteResult, string>): string {
  const g = regionGrid(sites, model.authorityRules);
  if (g.spheres.length === 0) return "";
  const head = ["Требование", ...g.spheres.map((s) => `<th class="num">${h(SPHERE_NAMES[s])}</th>`)];
  const rows = g.rules.map((rule) => {
    const cells = g.spheres.map((sphere) => {
      const cell = g.cells.get(cellKey(rule, sphere));
      if (!cell) return "<td></td>";
      const s = cell.finding.status;
      const anchor = anchors.get(cell.site);
      const symbol = STATUS_STYLES[s].symbol;
      return `<td class="${STATUS_CLASS[s]}" title="${h(STATUS_STYLES[s].label)}">${anchor ? `<a href="#${h(anchor)}">${symbol}</a>` : symbol}</td>`;
    });
    return `<tr><td>${h(ruleTitle(model.run, rule))}</td>${cells.join("")}</tr>`;
  });
  return `<h2 id="grid">Органы власти: требования по сферам</h2>${table(head, rows, "grid")}`;
}

function sitesTable(sites: readonly SiteResult[], anchors: Map<SiteResult, string>): string {
  const head = [
    "Сфера",
    "Тип",
    "Сайт",
    "Проверка",
    `<th class="num">Оценка</th>`,
    `<th class="num p">✓</th>`,
    `<th class="num w">±</th>`,
    `<th class="num f">✗</th>`,
    `<th class="num u">?</th>`,
  ];
  const rows = sites.map((s) => {
    const c = siteCounts(s);
    return `<tr><td>${h(s.sphere ? SPHERE_NAMES[s.sphere] : "—")}</td><td>${h(KIND_LABELS[s.kind])}</td><td><a href="#${h(anchors.get(s) ?? "")}">${h(siteLabel(s))}</a></td><td>${h(SITE_STATUS_LABELS[s.status] ?? s.status)}</td><td class="num">${s.score ?? "—"}</td><td class="num">${c.pass}</td><td class="num">${c.warn}</td><td class="num">${c.fail}</td><td class="num">${c.unknown}</td></tr>`;
  });
  return table(head, rows, "sites");
}

function changes(model: ReportModel, data: RegionData): string {
  if (!data.changes) {
    return `<h2 id="changes">Изменения</h2><p class="muted">Предыдущего запуска нет — сравнивать не с чем.</p>`;
  }
  // The report's section renders a run's diff: give it this region's part.
  return changesSection({ ...model, run: { ...model.run, compare: data.changes } });
}

export function regionPage(data: RegionData): string {
  const { model, region } = data;
  const run = model.run;
  const sites = sortSites(data.sites);
  const anchors = new Map(sites.map((s, i) => [s, `site-${i + 1}`]));
  const district = region.district ? (DISTRICT_NAMES[region.district] ?? region.district) : null;
  const body = [
    `<p class="small"><a href="/?run=${encodeURIComponent(run.runId)}">← Обзор</a></p>`,
    `<h1>${h(region.name)} <span class="muted small">код ${h(region.code)}${district ? ` · ${h(district)}` : ""}</span></h1>`,
    `<p class="meta">Запуск ${h(run.runId)}; требования оценены на ${h(formatDate(run.asOf))}.</p>`,
    runLinks(run.runId),
    figures(region),
    sites.length === 0 ? `<p class="muted">Сайты субъекта в проверку не включены.</p>` : "",
    gaps(model, region),
    grid(model, sites, anchors),
    sites.length ? `<h2 id="sites">Сайты</h2>${sitesTable(sites, anchors)}` : "",
    ...sites.map((s) => siteSection(run, s, { id: anchors.get(s)!, regionName: region.name, heading: "h3" })),
    changes(model, data),
    data.history ? `<h2 id="history">История по запускам</h2>${data.history}` : "",
    data.disputes
      ? `<h2 id="disputes">Споры</h2>${disputesList(run, data.disputes)}${disputeForm(run, region.code, sites)}`
      : "",
  ];
  return page({ title: region.name, section: "region", body: body.filter(Boolean).join("\n") });
}

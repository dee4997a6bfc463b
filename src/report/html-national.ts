/** National sections of the HTML report: summary by sphere, failing regions, the regions × rules matrix, institutions. */
import { formatRegionWithSpheres, SPHERE_IN_PHRASES, SPHERE_NAMES } from "../findings/sphere-names.ts";
import type { CoverageFigure, RegionSpheres } from "../findings/types.ts";
import type { Status } from "../types/common.ts";
import type { StatusCounts } from "../types/result.ts";
import { plural } from "../util/ru.ts";
import { escapeHtml as h } from "./escape-html.ts";
import { formatInt, formatShare } from "./format.ts";
import { STATUS_CLASS } from "./html-css.ts";
import { badge, table } from "./html-parts.ts";
import { ruleFailureTitle, ruleTitle, STATUS_STYLES } from "./labels.ts";
import type { ReportModel } from "./model.ts";

const SUBJECT_FORMS_PREP = ["субъекте", "субъектах", "субъектах"] as const;

function total(c: StatusCounts): number {
  return c.pass + c.warn + c.fail + c.unknown + c["n/a"];
}

function countsCell(c: StatusCounts | undefined): string {
  if (!c) return `<td class="muted">—</td>`;
  const n = total(c);
  if (c["n/a"] === n) return `<td class="muted">не применяется</td>`;
  const extra = (["warn", "fail", "unknown"] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `<span class="st ${STATUS_CLASS[s]}">${STATUS_STYLES[s].symbol} ${c[s]}</span>`)
    .join(" ");
  return `<td class="num"><b>${c.pass}</b> из ${n}${extra ? `<div class="small">${extra}</div>` : ""}</td>`;
}

export function nationalSection(model: ReportModel): string {
  const { national, spheres, authorityRules, run } = model;
  const parts: string[] = [`<h2 id="national">Сводка по субъектам Российской Федерации</h2>`];
  const authoritySites = run.sites.filter((s) => s.kind === "authority").length;
  parts.push(
    `<p>Проверено сайтов органов исполнительной власти: <b>${formatInt(authoritySites)}</b>; субъектов Российской Федерации в реестре: <b>${formatInt(national.regions)}</b>, из них с сайтами в проверке: <b>${formatInt(national.regionsWithSites)}</b>.</p>`,
  );
  const nok = "authority/nok-section";
  if (authorityRules.includes(nok)) {
    const items = spheres.map((s) => {
      const n = national.bySphere[s]?.[nok]?.pass ?? 0;
      return `${h(SPHERE_IN_PHRASES[s])} — в ${n} ${plural(n, SUBJECT_FORMS_PREP)} Российской Федерации`;
    });
    parts.push(
      `<p>Специальные разделы о независимой оценке качества созданы на официальных сайтах:</p><ul class="ministry">${items.map((i, k) => `<li>${i}${k === items.length - 1 ? "." : ";"}</li>`).join("")}</ul>`,
    );
  }
  if (spheres.length === 0) {
    parts.push(`<p class="muted">В запуске нет сайтов органов власти.</p>`);
    return parts.join("\n");
  }
  parts.push(
    `<p class="small">В ячейке — число субъектов, сайт органа власти которых соответствует требованию, из числа субъектов с проверенным сайтом; ниже — частично (±), не соответствует (✗), не удалось проверить (?). Сайты, которые не удалось проверить, нарушителями не считаются.</p>`,
  );
  const head = ["Требование", ...spheres.map((s) => `<th class="num">${h(SPHERE_NAMES[s])}</th>`)];
  const rows = authorityRules.map(
    (rule) =>
      `<tr><td>${h(ruleTitle(run, rule))}</td>${spheres.map((s) => countsCell(national.bySphere[s]?.[rule])).join("")}</tr>`,
  );
  parts.push(table(head, rows, "national"));
  const noSite = spheres.filter((s) => (national.noSite[s] ?? 0) > 0);
  if (noSite.length) {
    parts.push(
      `<p class="small muted">Нет сайта органа власти в проверке: ${noSite.map((s) => `${h(SPHERE_NAMES[s])} — ${national.noSite[s]}`).join("; ")}.</p>`,
    );
  }
  return parts.join("\n");
}

/** «· Республика Калмыкия (здравоохранение, социальное обслуживание, спорт);» — the ministry's list style. */
export function ministryList(entries: readonly RegionSpheres[]): string {
  const items = entries.map(
    (e, i) =>
      `<li>${h(formatRegionWithSpheres(e.name, e.spheres))}${i === entries.length - 1 ? "." : ";"}</li>`,
  );
  return `<ul class="ministry">${items.join("")}</ul>`;
}

export function gapsSection(model: ReportModel): string {
  const { national, run, authorityRules } = model;
  const parts = [`<h2 id="gaps">Субъекты, в которых требования не выполнены</h2>`];
  let any = false;
  for (const rule of authorityRules) {
    const failing = national.failing[rule] ?? [];
    const unknown = national.unknown[rule] ?? [];
    if (failing.length === 0 && unknown.length === 0) continue;
    any = true;
    parts.push(`<h3>${h(ruleFailureTitle(run, rule))}</h3>`);
    if (failing.length) {
      parts.push(
        `<p>${badge("fail")} ${failing.length} ${plural(failing.length, ["субъект", "субъекта", "субъектов"])}:</p>`,
      );
      parts.push(ministryList(failing));
    }
    if (unknown.length) {
      parts.push(
        `<details><summary>Не удалось проверить: ${unknown.length} ${plural(unknown.length, ["субъект", "субъекта", "субъектов"])}</summary>${ministryList(unknown)}</details>`,
      );
    }
  }
  if (!any) parts.push(`<p>Нарушений не выявлено.</p>`);
  return parts.join("\n");
}

export function matrixSection(model: ReportModel): string {
  const { run, authorityRules, spheres, matrix } = model;
  if (spheres.length === 0) return "";
  const parts = [`<h2 id="matrix">Субъекты × требования</h2>`];
  parts.push(
    `<ol class="small">${authorityRules.map((r) => `<li>${h(ruleTitle(run, r))}</li>`).join("")}</ol>`,
    `<p class="legend small">${(Object.keys(STATUS_STYLES) as Status[]).map((s) => badge(s)).join(" ")}</p>`,
  );
  const head = [
    "Субъект",
    ...authorityRules.map((r, i) => `<th class="num" title="${h(ruleTitle(run, r))}">${i + 1}</th>`),
  ];
  for (const sphere of spheres) {
    const rows = (matrix.get(sphere) ?? []).map((row) => {
      const name = `<th class="rg"><a href="#r-${h(row.region.code)}">${h(row.region.name)}</a></th>`;
      if (row.sites.length === 0)
        return `<tr>${name}<td class="ns" colspan="${authorityRules.length}">нет сайта в проверке</td></tr>`;
      const cells = authorityRules.map((r) => {
        const s = row.statuses.get(r);
        return s ? `<td class="${STATUS_CLASS[s]}">${STATUS_STYLES[s].symbol}</td>` : "<td></td>";
      });
      return `<tr>${name}${cells.join("")}</tr>`;
    });
    parts.push(`<h3 id="m-${sphere}">${h(SPHERE_NAMES[sphere])}</h3>`, table(head, rows, "matrix"));
  }
  return parts.join("\n");
}

function coverageSentence(label: string, fig: CoverageFigure | null): string {
  if (!fig) return "";
  return `<li>${h(label)}: <b>${formatShare(fig.share)}</b> (${formatInt(fig.pass)} из ${formatInt(fig.decided)} проверенных; частично — ${formatInt(fig.warn)}; не удалось проверить — ${formatInt(fig.unknown)})</li>`;
}

export function institutionsSection(model: ReportModel): string {
  const cov = model.national.institutions;
  if (!cov) return "";
  const { run } = model;
  const parts = [`<h2 id="institutions">Организации социальной сферы и bus.gov.ru</h2>`];
  parts.push(
    `<p>Проверено сайтов организаций: <b>${formatInt(cov.institutions)}</b>; записей на bus.gov.ru: <b>${formatInt(cov.busgov)}</b>.</p>`,
  );
  const sentences = [
    coverageSentence("Доля организаций с результатами НОК на bus.gov.ru", cov.results),
    coverageSentence("Доля организаций, разместивших планы по устранению недостатков", cov.plans),
  ].join("");
  if (sentences) parts.push(`<ul>${sentences}</ul>`);
  const head = [
    "Требование",
    ...(["pass", "warn", "fail", "unknown", "n/a"] as const).map(
      (s) => `<th class="num">${h(STATUS_STYLES[s].label)}</th>`,
    ),
    `<th class="num">Доля соответствующих</th>`,
  ];
  const rows = Object.entries(cov.byRule).map(
    ([rule, f]) =>
      `<tr><td>${h(ruleTitle(run, rule))}</td>${(["pass", "warn", "fail", "unknown", "n/a"] as const).map((s) => `<td class="num">${formatInt(f[s])}</td>`).join("")}<td class="num">${formatShare(f.share)}</td></tr>`,
  );
  parts.push(table(head, rows));
  const spheres = Object.keys(cov.bySphere) as (keyof typeof cov.bySphere)[];
  if (spheres.length > 1) {
    const rules = Object.keys(cov.byRule);
    const sHead = ["Требование", ...spheres.map((s) => `<th class="num">${h(SPHERE_NAMES[s])}</th>`)];
    const sRows = rules.map(
      (rule) =>
        `<tr><td>${h(ruleTitle(run, rule))}</td>${spheres.map((s) => `<td class="num">${formatShare(cov.bySphere[s]?.[rule]?.share ?? null)}</td>`).join("")}</tr>`,
    );
    parts.push(`<h3>Доля соответствующих по сферам</h3>`, table(sHead, sRows));
  }
  return parts.join("\n");
}

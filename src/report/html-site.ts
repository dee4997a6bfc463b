/** One site in the HTML report: header facts, the verdict table and «Что проверено». */
import { SPHERE_NAMES } from "../findings/sphere-names.ts";
import type { Finding, RunResult, SiteResult } from "../types/result.ts";
import { formatDuration } from "../util/ru.ts";
import { escapeHtml as h } from "./escape-html.ts";
import { formatBytes, formatInt, shortHash, truncate } from "./format.ts";
import { badge, evidenceHtml, link, table } from "./html-parts.ts";
import { errorLabel, findingTitle, KIND_LABELS, SITE_STATUS_LABELS } from "./labels.ts";
import { siteCounts, siteLabel } from "./model.ts";

export interface SiteHtmlOptions {
  /** "full": self-check page (every evidence, long excerpts); "compact": a site inside the national report. */
  detail: "full" | "compact";
  regionName?: string;
  id?: string;
}

export function siteHeaderFacts(site: SiteResult, regionName?: string): string {
  const facts: [string, string][] = [
    ["Адрес", link(site.url)],
    ...(site.finalUrl && site.finalUrl !== site.url
      ? ([["После перенаправлений", link(site.finalUrl)]] as [string, string][])
      : []),
    ["Тип", h(KIND_LABELS[site.kind])],
  ];
  if (site.region !== null) facts.push(["Регион", h(regionName ?? site.region)]);
  if (site.sphere) facts.push(["Сфера", h(SPHERE_NAMES[site.sphere])]);
  facts.push(["Состояние проверки", h(SITE_STATUS_LABELS[site.status] ?? site.status)]);
  facts.push([
    "Прочитано",
    `${formatInt(site.crawl.pages)} стр., ${formatInt(site.crawl.documents)} док. (${h(formatBytes(site.crawl.bytes))})`,
  ]);
  facts.push(["Длительность", h(formatDuration(site.crawl.durationMs))]);
  facts.push([
    "Оценка",
    site.score === null ? "— (нет проверенных требований)" : `<b>${h(site.score)}</b> из 100`,
  ]);
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join("")}</dl>`;
}

export function countsLine(site: SiteResult): string {
  const c = siteCounts(site);
  return (["pass", "warn", "fail", "unknown", "n/a"] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `${badge(s)} ${c[s]}`)
    .join(" &nbsp; ");
}

export function verdictTable(run: RunResult, site: SiteResult, detail: SiteHtmlOptions["detail"]): string {
  const full = detail === "full";
  const rows = site.findings.map((f) => verdictRow(run, f, full));
  const head = full
    ? ["Требование", "Статус", "Где найдено", "Фрагмент", "Снимок"]
    : ["Требование", "Статус", "Где найдено"];
  return table(head, rows, "verdicts");
}

function verdictRow(run: RunResult, f: Finding, full: boolean): string {
  const title = `<b>${h(findingTitle(run, f))}</b>${f.message ? `<div class="msg">${h(f.message)}</div>` : ""}`;
  const evidence = full ? f.evidence : f.evidence.slice(0, 1);
  const more = f.evidence.length - evidence.length;
  const where =
    evidence.map((ev) => evidenceHtml(ev, { excerpt: full ? 0 : 160 })).join("") +
    (more > 0 ? `<div class="muted small">и ещё ${more}</div>` : "");
  if (!full) return `<tr><td>${title}</td><td>${badge(f.status)}</td><td>${where || "—"}</td></tr>`;
  const excerpts = f.evidence
    .filter((ev) => ev.excerpt)
    .map((ev) => `<blockquote>${h(truncate(ev.excerpt, 400))}</blockquote>`)
    .join("");
  const hashes = f.evidence
    .filter((ev) => ev.snapshot)
    .map((ev) => `<div class="hash" title="${h(ev.snapshot)}">${h(shortHash(ev.snapshot))}</div>`)
    .join("");
  return `<tr><td>${title}</td><td>${badge(f.status)}</td><td>${where || "—"}</td><td>${excerpts || "—"}</td><td>${hashes || "—"}</td></tr>`;
}

export function checkedBlock(site: SiteResult): string {
  const c = site.crawl;
  const items = [
    `Страниц прочитано: ${formatInt(c.pages)}; документов: ${formatInt(c.documents)}; объём: ${h(formatBytes(c.bytes))}`,
    `Ошибок при загрузке: ${formatInt(c.errors)}; пропущено по robots.txt: ${formatInt(c.skippedByRobots)}`,
    `Длительность: ${h(formatDuration(c.durationMs))}`,
    c.budgetExhausted
      ? "Лимит проверки (страницы, объём или время) исчерпан до того, как были решены все требования: часть требований может быть отмечена как «не удалось проверить»."
      : "Лимит проверки не исчерпан.",
  ];
  if (site.error) {
    items.push(
      `Ошибка сайта: ${h(errorLabel(site.error.code))}${site.error.message ? ` — ${h(site.error.message)}` : ""}`,
    );
  }
  return `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;
}

export function siteBlock(run: RunResult, site: SiteResult, opts: SiteHtmlOptions): string {
  const heading = opts.detail === "full" ? "h2" : "h4";
  const sub = opts.detail === "full" ? "h3" : "h4";
  return [
    `<section class="site"${opts.id ? ` id="${h(opts.id)}"` : ""}>`,
    `<${heading}>${h(siteLabel(site))}</${heading}>`,
    siteHeaderFacts(site, opts.regionName),
    `<p>${countsLine(site)}</p>`,
    verdictTable(run, site, opts.detail),
    `<${sub}>Что проверено</${sub}>`,
    checkedBlock(site),
    "</section>",
  ].join("\n");
}

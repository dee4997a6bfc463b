/** The history of national runs and, per rule, the trend of the passing share across them. */

import {
  formatDate,
  formatDateTime,
  formatInt,
  formatShare,
  escapeHtml as h,
  ruleTitle,
  table,
} from "../../index.ts";
import type { RunResult, StatusCounts } from "../../types/index.ts";
import type { RunEntry } from "../run-source.ts";

/** Runs shown in the trend: about a year of monthly runs. */
const TREND_RUNS = 12;

export function passShare(c: StatusCounts | undefined): number | null {
  if (!c) return null;
  const decided = c.pass + c.warn + c.fail;
  return decided === 0 ? null : c.pass / decided;
}

/** A small line of the share over runs (0–100 %), drawn with SVG attributes only. */
export function sparkline(values: readonly (number | null)[], width = 120, height = 24): string {
  const n = values.length;
  const x = (i: number) => (n <= 1 ? width / 2 : 2 + (i * (width - 4)) / (n - 1));
  const y = (v: number) => height - 2 - v * (height - 4);
  const points = values
    .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  const last = values.at(-1);
  const dot =
    last === null || last === undefined
      ? ""
      : `<circle cx="${x(n - 1).toFixed(1)}" cy="${y(last).toFixed(1)}" r="2"/>`;
  return `<svg class="spark" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="динамика доли соответствующих">${points.length > 1 ? `<polyline points="${points.join(" ")}"/>` : ""}${dot}</svg>`;
}

function delta(now: number | null, before: number | null): string {
  if (now === null || before === null) return "";
  const points = Math.round((now - before) * 1000) / 10;
  if (points === 0) return `<span class="muted">±0</span>`;
  const cls = points > 0 ? "delta-up" : "delta-down";
  return `<span class="${cls}">${points > 0 ? "+" : "−"}${Math.abs(points).toLocaleString("ru-RU")} п. п.</span>`;
}

export function historySection(
  runs: readonly RunEntry[],
  current: RunResult,
  rules: readonly string[],
  href: (id: string) => string,
): string {
  const parts = [`<h2 id="history">История запусков</h2>`];
  if (runs.length === 0) return "";
  const rows = [...runs].reverse().map((r) => {
    const c = r.findings;
    const mark = r.id === current.runId ? " <b>(показан)</b>" : "";
    return `<tr${r.id === current.runId ? ' class="current"' : ""}><td><a href="${h(href(r.id))}">${h(formatDate(r.asOf))}</a>${mark}</td><td class="small">${h(r.id)}</td><td>${h(formatDateTime(r.finishedAt))}</td><td class="num">${formatInt(r.sites)}</td><td class="num">${formatInt(c.pass)}</td><td class="num">${formatInt(c.warn)}</td><td class="num">${formatInt(c.fail)}</td><td class="num">${formatInt(c.unknown)}</td></tr>`;
  });
  parts.push(
    table(
      [
        "На дату",
        "Запуск",
        "Завершён",
        `<th class="num">Сайтов</th>`,
        `<th class="num p">✓</th>`,
        `<th class="num w">±</th>`,
        `<th class="num f">✗</th>`,
        `<th class="num u">?</th>`,
      ],
      rows,
      "runs",
    ),
  );

  const recent = runs.slice(-TREND_RUNS);
  if (recent.length > 0 && rules.length > 0) {
    parts.push(
      `<h3>Динамика по требованиям</h3><p class="small muted">Доля сайтов, соответствующих требованию, среди проверенных (без «не удалось проверить»), по ${recent.length} ${recent.length === 1 ? "запуску" : "последним запускам"}; изменение — к предыдущему запуску.</p>`,
    );
    const trendRows = rules.map((rule) => {
      const values = recent.map((r) => passShare(r.byRule[rule]));
      const now = values.at(-1) ?? null;
      const before = values.length > 1 ? (values.at(-2) ?? null) : null;
      return `<tr data-rule="${h(rule)}"><td>${h(ruleTitle(current, rule))}</td><td class="spark">${sparkline(values)}</td><td class="num">${formatShare(now)}</td><td class="num">${delta(now, before)}</td></tr>`;
    });
    parts.push(
      table(
        ["Требование", "Динамика", `<th class="num">Сейчас</th>`, `<th class="num">Изменение</th>`],
        trendRows,
        "trend",
      ),
    );
  }
  return parts.join("\n");
}

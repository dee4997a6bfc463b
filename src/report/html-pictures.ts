/** The national report's pictures (inline SVG, no external assets): the tile map and, with history, a trend. */
import { ruleTrend, runTiles, tileMapSvg, trendSvg } from "../charts/index.ts";
import type { RunResult } from "../types/result.ts";
import { escapeHtml as h } from "./escape-html.ts";
import { ruleTitle } from "./labels.ts";
import type { ReportModel } from "./model.ts";

/** The rules whose trends the report draws: the section itself, the council's powers, the results. */
const TREND_RULES = ["authority/nok-section", "authority/council-nok-powers", "authority/results"] as const;

export function picturesSection(model: ReportModel, history: readonly RunResult[] = []): string {
  const { run } = model;
  const parts = [
    `<h2 id="map">Карта субъектов</h2>`,
    `<p class="small">Цвет — доля выполненных требований среди проверенных на сайтах органов власти субъекта: зелёный — 90 % и выше, жёлтый — от 50 %, красный — меньше 50 %, серый — проверить не удалось, пунктир — нет сайта в проверке. Субъекты сгруппированы по федеральным округам.</p>`,
    tileMapSvg(runTiles(run)),
  ];
  const runs = [...history.filter((r) => r.runId !== run.runId && r.startedAt < run.startedAt), run];
  if (runs.length > 1) {
    parts.push(`<h3 id="trend">Динамика по запускам</h3>`);
    for (const rule of TREND_RULES.filter((r) => model.authorityRules.includes(r))) {
      const trend = ruleTrend(runs, rule);
      if (!trend.series.length) continue;
      parts.push(
        trendSvg(trend.series, {
          labels: trend.labels,
          title: `${ruleTitle(run, rule)} — доля субъектов, где требование выполнено`,
        }),
      );
    }
    parts.push(
      `<p class="small muted">Запусков на графиках: ${runs.length}; ${h("«не удалось проверить» в доле не учитывается.")}</p>`,
    );
  }
  return parts.join("\n");
}

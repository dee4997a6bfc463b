/** The dashboard's SVG pictures: a rule's trend over the national runs, a region's history. */

import { regionHistory, ruleTitle, ruleTrend, trendSvg } from "../index.ts";
import type { RunResult } from "../types/index.ts";
import type { ServerContext } from "./context.ts";
import type { TileFilter } from "./pages/region-tiles.ts";

/** Runs drawn at most: a year of monthly runs. */
const MAX_RUNS = 12;
const DEFAULT_RULE = "authority/nok-section";

/** The national runs up to `run` (inclusive), oldest first. */
async function runsUpTo(ctx: ServerContext, run: RunResult): Promise<RunResult[]> {
  const entries = (await ctx.data.runs.national()).filter(
    (e) => e.startedAt <= run.startedAt || e.id === run.runId,
  );
  const loaded = await Promise.all(entries.slice(-MAX_RUNS).map((e) => ctx.data.runs.load(e.id)));
  return loaded.filter((r): r is RunResult => r !== null);
}

export async function ruleTrendChart(
  ctx: ServerContext,
  run: RunResult,
  filter: TileFilter,
): Promise<string> {
  const rule = filter.rule ?? DEFAULT_RULE;
  const runs = await runsUpTo(ctx, run);
  const trend = ruleTrend(runs, rule, filter.sphere);
  return trendSvg(trend.series, {
    labels: trend.labels,
    title: `${ruleTitle(run, rule)} — доля субъектов, где требование выполнено`,
    width: 900,
  });
}

export async function regionHistoryChart(
  ctx: ServerContext,
  run: RunResult,
  code: string,
): Promise<string | null> {
  const runs = await runsUpTo(ctx, run);
  if (runs.length < 2) return null;
  const trend = regionHistory(runs, code);
  if (!trend.series.length) return null;
  return trendSvg(trend.series, {
    labels: trend.labels,
    title: "Доля выполненных требований на сайтах органов власти субъекта, по сферам",
    width: 900,
  });
}

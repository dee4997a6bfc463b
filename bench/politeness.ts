/**
 * Measurement 3 — politeness-bound run: many demo hosts, 200 ms response latency, 1 request/s per host.
 * No crawler can beat the slowest host's request count × interval; we report our wall time over that bound.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_POLITENESS } from "../src/crawl/index.ts";
import { benchScript, runChild } from "./child.ts";
import { startDemoServer } from "./demo-children.ts";
import { median, ratio, round, ru } from "./stats.ts";
import { targetOf } from "./targets.ts";
import type { BenchOptions, MeasurementResult } from "./types.ts";

interface PolitenessChild {
  wallMs: number;
  cpuMs: number;
  pages: number;
  sites: number;
  hosts: { host: string; requests: number; minGapMs: number | null }[];
}

export interface PolitenessSample {
  wallMs: number;
  boundMs: number;
  ratio: number;
  hosts: number;
  requests: number;
  maxRequests: number;
  minGapMs: number;
  cpuMs: number;
}

export const POLITENESS_SETUP = { latencyMs: 200, intervalMs: 1_000 };

export async function measurePoliteness(options: BenchOptions): Promise<MeasurementResult> {
  const started = performance.now();
  const copies = options.quick ? 1 : 3;
  const maxPages = options.quick ? 8 : 20;
  const server = await startDemoServer({ latencyMs: POLITENESS_SETUP.latencyMs, copies });
  const samples: PolitenessSample[] = [];
  const root = await mkdtemp(join(tmpdir(), "nok-bench-politeness-"));
  try {
    const targets = server.info.sites.filter((s) => s.reachable).map(targetOf);
    for (let rep = 0; rep < options.reps; rep++) {
      const r = await runChild<PolitenessChild>(
        benchScript("politeness-run.ts"),
        [
          "--targets",
          JSON.stringify(targets),
          "--interval",
          String(POLITENESS_SETUP.intervalMs),
          "--max-pages",
          String(maxPages),
          "--snapshots",
          join(root, String(rep)),
        ],
        { cpu: 0, timeoutMs: 15 * 60_000 },
      );
      const maxRequests = Math.max(...r.hosts.map((h) => h.requests));
      const boundMs = maxRequests * POLITENESS_SETUP.intervalMs;
      const sample: PolitenessSample = {
        wallMs: r.wallMs,
        boundMs,
        ratio: ratio(r.wallMs, boundMs),
        hosts: r.hosts.length,
        requests: r.hosts.reduce((n, h) => n + h.requests, 0),
        maxRequests,
        minGapMs: Math.min(...r.hosts.map((h) => h.minGapMs ?? Number.POSITIVE_INFINITY)),
        cpuMs: r.cpuMs,
      };
      samples.push(sample);
      options.log?.(
        `politeness ${rep + 1}/${options.reps}: ${ru(r.wallMs / 1000, 1)} s vs bound ${boundMs / 1000} s (${sample.hosts} hosts, ${sample.requests} requests)`,
      );
    }
  } finally {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
  const value = median(samples.map((s) => s.ratio));
  const met = value <= 1.2;
  const notes = [
    "Хосты — рукотворные демо-сайты, поднятые несколькими копиями (каждая копия — свои порты, т. е. свои хосты), а не национальный демо-веб; недоступный сайт не включён.",
    `Бюджет ${maxPages} страниц на сайт, чтобы прогон укладывался в минуту: граница растёт с бюджетом, отношение — нет.`,
  ];
  const minGap = Math.min(...samples.map((s) => s.minGapMs));
  if (minGap < POLITENESS_SETUP.intervalMs - 5)
    notes.push(`Нарушение вежливости: наименьший промежуток между запросами к хосту ${ru(minGap, 0)} мс.`);
  if (!met) notes.push(`Цель ≤ 1,2 не достигнута: ${ru(value, 2)}.`);
  return {
    id: "politeness",
    title: "Прогон, ограниченный вежливостью",
    headline: { label: "медиана (время прогона / граница)", value, unit: "×", goal: "≤ 1,2", met },
    figures: {
      хостов: samples[0]?.hosts ?? 0,
      "запросов всего": median(samples.map((s) => s.requests)),
      "граница, с (max по хостам: запросы × интервал)": median(samples.map((s) => s.boundMs / 1000)),
      "время прогона, с": round(median(samples.map((s) => s.wallMs / 1000)), 1),
      "наименьший промежуток между запросами к хосту, мс": round(minGap, 0),
      "CPU прогона, с": round(median(samples.map((s) => s.cpuMs / 1000)), 1),
    },
    definition: `Настоящий конвейер (checkSites) по ${copies} копиям демо-веба; сервер отвечает с задержкой ${POLITENESS_SETUP.latencyMs} мс; пул вежливости: 1 запрос в ${POLITENESS_SETUP.intervalMs} мс на хост, ${DEFAULT_POLITENESS.perHostConcurrency} одновременных на хост. Граница — максимум по хостам (число запросов к хосту, включая robots.txt и sitemap, × интервал). Время — от запуска до готового результата прогона (с вердиктами).`,
    notes,
    reps: options.reps,
    samples,
    wallMs: performance.now() - started,
  };
}

/**
 * Measurement 4 — memory: peak RSS of the pipeline's process while it crawls a synthetic site set (8 hosts ×
 * 12,500 pages = 100,000 pages), the servers in another process, snapshots in a temp dir.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_BUDGET } from "../src/crawl/index.ts";
import { DEFAULT_SITE_CONCURRENCY } from "../src/pipeline/run.ts";
import { benchScript, runChild, startChildServer } from "./child.ts";
import { median, round, ru } from "./stats.ts";
import type { BenchOptions, MeasurementResult } from "./types.ts";

interface MemoryChild {
  pagesFetched: number;
  sites: number;
  wallMs: number;
  cpuMs: number;
  peakRssSampled: number;
  peakHeapUsed: number;
  maxRss: number;
  baselineRss: number;
  samples: number;
}

export interface MemorySetup {
  hosts: number;
  pagesPerHost: number;
  /** Crawl budget per site (pages). */
  maxPages: number;
}

export function memorySetup(quick: boolean): MemorySetup {
  return quick
    ? { hosts: 4, pagesPerHost: 500, maxPages: 100 }
    : // 100,000 pages on as many hosts as a run crawls at once (DEFAULT_SITE_CONCURRENCY = 8): the peak of
      // 8 sites in flight, without paying for more sites crawled one after another.
      { hosts: 8, pagesPerHost: 12_500, maxPages: DEFAULT_BUDGET.maxPages };
}

const MB = 1024 * 1024;

export async function measureMemory(
  options: BenchOptions,
  setup = memorySetup(options.quick),
): Promise<MeasurementResult> {
  const started = performance.now();
  const server = await startChildServer<{ hosts: { origin: string }[] }>(
    benchScript("serve-synthetic.ts"),
    ["--hosts", String(setup.hosts), "--pages", String(setup.pagesPerHost)],
    { cpu: 1 },
  );
  const root = await mkdtemp(join(tmpdir(), "nok-bench-memory-"));
  const samples: MemoryChild[] = [];
  // Peak memory hardly varies between runs (two runs: 1169 and 1294 MB) and one run takes minutes: one
  // repetition unless more are asked for explicitly.
  const reps = options.repsExplicit ? options.reps : 1;
  try {
    for (let rep = 0; rep < reps; rep++) {
      const r = await runChild<MemoryChild>(
        benchScript("memory-crawl.ts"),
        [
          "--origins",
          JSON.stringify(server.info.hosts.map((h) => h.origin)),
          "--max-pages",
          String(setup.maxPages),
          "--snapshots",
          join(root, String(rep)),
        ],
        { cpu: 0, timeoutMs: 20 * 60_000 },
      );
      samples.push(r);
      options.log?.(
        `memory ${rep + 1}/${reps}: peak RSS ${ru(r.maxRss / MB, 0)} MB, ${r.pagesFetched} pages in ${ru(r.wallMs / 1000, 1)} s`,
      );
    }
  } finally {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
  const value = median(samples.map((s) => s.maxRss / MB));
  const met = value < 400;
  const total = setup.hosts * setup.pagesPerHost;
  const notes = [
    `Бюджет обхода — ${setup.maxPages} страниц на сайт (как в настоящем прогоне): загружено ${samples[0]?.pagesFetched ?? 0} из ${total} страниц набора, остальные только попадают во фронтир. Обойти набор целиком настоящим конвейером за отведённые 10 минут нельзя: правила перевычисляются по всем уже загруженным страницам сайта каждые 5 страниц, и стоимость сайта растёт квадратично с числом его страниц.`,
  ];
  if (!met)
    notes.push(`Цель < 400 МБ не достигнута: ${ru(value, 0)} МБ (на ${ru(value - 400, 0)} МБ больше).`);
  return {
    id: "memory",
    title: "Память",
    headline: { label: "пиковый RSS процесса конвейера", value, unit: "МБ", goal: "< 400 МБ", met },
    figures: {
      "набор: хостов × страниц": `${setup.hosts} × ${setup.pagesPerHost}`,
      "загружено страниц": samples[0]?.pagesFetched ?? 0,
      "RSS до обхода, МБ": round(median(samples.map((s) => s.baselineRss / MB)), 0),
      "пик по выборкам каждые 100 мс, МБ": round(median(samples.map((s) => s.peakRssSampled / MB)), 0),
      "пик кучи V8 (heapUsed), МБ": round(median(samples.map((s) => s.peakHeapUsed / MB)), 0),
      "время, с": round(median(samples.map((s) => s.wallMs / 1000)), 1),
      "CPU, с": round(median(samples.map((s) => s.cpuMs / 1000)), 1),
    },
    definition: `Синтетический набор: ${setup.hosts} хостов по ${setup.pagesPerHost} сгенерированных HTML-страниц (дерево: главная → разделы → темы → материалы, меню до 25 ссылок, без упоминаний НОК, так что ранней остановки нет), серверы — в отдельном процессе. Конвейер — как nok run: checkSite по ${DEFAULT_SITE_CONCURRENCY} сайтов одновременно, общий пул (вежливость выключена) и общий писатель снимков во временный каталог. Пик — максимальный RSS процесса по ядру (getrusage maxRSS), включая загрузку модулей.`,
    notes,
    reps,
    samples,
    wallMs: performance.now() - started,
  };
}

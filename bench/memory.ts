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
  /** Most sites in flight at once (the scheduler's heap gate may hold it below the default). */
  maxActive: number;
}

export interface MemorySetup {
  hosts: number;
  pagesPerHost: number;
  /** Crawl budget per site (pages). */
  maxPages: number;
}

export function memorySetup(quick: boolean): MemorySetup {
  return quick
    ? { hosts: 8, pagesPerHost: 250, maxPages: DEFAULT_BUDGET.maxPages }
    : // 100,000 pages crawled for real, every one of them: 400 sites of 250 pages each within the default
      // budget of 300 pages, as a run crawls them (DEFAULT_SITE_CONCURRENCY sites at once), settle off (the
      // synthetic sites hold no NOK material: with settle on, each would stop after its first candidates).
      { hosts: 400, pagesPerHost: 250, maxPages: DEFAULT_BUDGET.maxPages };
}

const MB = 1024 * 1024;

/**
 * V8's old-space limit the run is given (`NODE_OPTIONS=--max-old-space-size=256`, README «Performance»):
 * without it V8 lets garbage pile up to far more than the pipeline holds, since nothing asks it to collect.
 */
export const HEAP_CAP_MB = 256;

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
  let uncapped: MemoryChild | null = null;
  // Peak memory hardly varies between runs (two runs: 1169 and 1294 MB) and one run takes minutes: one
  // repetition unless more are asked for explicitly.
  const reps = options.repsExplicit ? options.reps : 1;
  const crawl = (dir: string, nodeArgs: string[]) =>
    runChild<MemoryChild>(
      benchScript("memory-crawl.ts"),
      [
        "--origins",
        JSON.stringify(server.info.hosts.map((h) => h.origin)),
        "--max-pages",
        String(setup.maxPages),
        "--snapshots",
        join(root, dir),
      ],
      { cpu: 0, timeoutMs: 40 * 60_000, nodeArgs },
    );
  try {
    for (let rep = 0; rep < reps; rep++) {
      const r = await crawl(String(rep), [`--max-old-space-size=${HEAP_CAP_MB}`]);
      samples.push(r);
      options.log?.(
        `memory ${rep + 1}/${reps}: peak RSS ${ru(r.maxRss / MB, 0)} MB, ${r.pagesFetched} pages in ${ru(r.wallMs / 1000, 1)} s`,
      );
    }
    // The same crawl with V8's default heap limit, once: what the cap changes.
    uncapped = await crawl("uncapped", []);
    options.log?.(
      `memory, default heap limit: peak RSS ${ru(uncapped.maxRss / MB, 0)} MB, ${uncapped.pagesFetched} pages in ${ru(uncapped.wallMs / 1000, 1)} s`,
    );
  } finally {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
  const value = median(samples.map((s) => s.maxRss / MB));
  const met = value < 400;
  const total = setup.hosts * setup.pagesPerHost;
  const fetched = samples[0]?.pagesFetched ?? 0;
  const notes = [
    `Загружено ${fetched} страниц из ${total} страниц набора (${fetched >= total ? "весь набор" : "не весь набор"}; плюс robots.txt и sitemap каждого сайта): бюджет ${setup.maxPages} страниц на сайт больше сайта, досрочная остановка выключена, так что каждый сайт обходится целиком.`,
  ];
  if (!met)
    notes.push(`Цель < 400 МБ не достигнута: ${ru(value, 0)} МБ (на ${ru(value - 400, 0)} МБ больше).`);
  return {
    id: "memory",
    title: "Память",
    headline: {
      label: `пиковый RSS процесса конвейера (куча ≤ ${HEAP_CAP_MB} МБ)`,
      value,
      unit: "МБ",
      goal: "< 400 МБ",
      met,
    },
    figures: {
      "набор: хостов × страниц": `${setup.hosts} × ${setup.pagesPerHost}`,
      "сайтов одновременно: предел / наибольшее достигнутое": `${DEFAULT_SITE_CONCURRENCY} / ${samples[0]?.maxActive ?? 0}`,
      "загружено страниц": samples[0]?.pagesFetched ?? 0,
      "RSS до обхода, МБ": round(median(samples.map((s) => s.baselineRss / MB)), 0),
      "пик по выборкам каждые 100 мс, МБ": round(median(samples.map((s) => s.peakRssSampled / MB)), 0),
      "пик кучи V8 (heapUsed), МБ": round(median(samples.map((s) => s.peakHeapUsed / MB)), 0),
      "время, с": round(median(samples.map((s) => s.wallMs / 1000)), 1),
      "CPU, с": round(median(samples.map((s) => s.cpuMs / 1000)), 1),
      "без ограничения кучи: пиковый RSS, МБ": uncapped ? round(uncapped.maxRss / MB, 0) : "—",
      "без ограничения кучи: время, с / CPU, с": uncapped
        ? `${round(uncapped.wallMs / 1000, 1)} / ${round(uncapped.cpuMs / 1000, 1)}`
        : "—",
    },
    definition: `Синтетический набор: ${setup.hosts} хостов по ${setup.pagesPerHost} сгенерированных HTML-страниц (дерево: главная → разделы → темы → материалы, меню до 25 ссылок, без упоминаний НОК), серверы — в отдельном процессе. Конвейер — как nok run, но без досрочной остановки (settle: false), чтобы каждая страница была загружена и извлечена: checkSite через планировщик по хостам (src/pipeline/host-scheduler.ts: до ${DEFAULT_SITE_CONCURRENCY} сайтов одновременно, по одному на хост, новый сайт не начинается, пока куча выше 60 % своего предела), общий пул (вежливость выключена) и общий писатель снимков во временный каталог. Процесс конвейера запущен с --max-old-space-size=${HEAP_CAP_MB} (как рекомендует README для прогонов); для сравнения тот же обход один раз с пределом кучи V8 по умолчанию. Пик — максимальный RSS процесса по ядру (getrusage maxRSS), включая загрузку модулей.`,
    notes,
    reps,
    samples,
    wallMs: performance.now() - started,
  };
}

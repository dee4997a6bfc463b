/**
 * Measurement 6 — the distributed run: the same local web checked by `nok run --queue` with one worker and with
 * two (each a process with the same capacity: a few sites at once), on a throwaway redis-server. Headline: the
 * wall-time ratio two workers ÷ one (0,5 would be perfect scaling). Sites answer after a fixed latency and each
 * host is polite, so a worker's capacity — not this machine's two cores — bounds the run, as on a real farm.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_AS_OF } from "../demo/index.ts";
import { runQueued } from "../src/index.ts";
import { benchScript, type ChildServer, startChildServer } from "./child.ts";
import { startDemoServer } from "./demo-children.ts";
import { redisServerPath, startRedis } from "./redis-server.ts";
import { median, ratio, round, ru } from "./stats.ts";
import type { BenchOptions, MeasurementResult } from "./types.ts";

export const DISTRIBUTED_SETUP = { latencyMs: 200, intervalMs: 1_000, sitesPerWorker: 4 };

interface DistributedSample {
  workers: number;
  wallMs: number;
  sites: number;
  pages: number;
  /** Median of the sites' own crawl times. */
  siteMs: number;
}

export async function measureDistributed(options: BenchOptions): Promise<MeasurementResult> {
  const started = performance.now();
  const binary = redisServerPath();
  if (!binary) throw new Error("redis-server не установлен (apt-get install redis-server)");
  const maxPages = options.quick ? 8 : 12;
  // Each repetition is two full runs: capped at 2 unless --reps says otherwise.
  const reps = options.repsExplicit ? options.reps : Math.min(options.reps, 2);
  const redis = await startRedis(binary);
  const server = await startDemoServer({ latencyMs: DISTRIBUTED_SETUP.latencyMs });
  const root = await mkdtemp(join(tmpdir(), "nok-bench-distributed-"));
  const samples: DistributedSample[] = [];
  try {
    const sites = server.info.sites.filter((s) => s.reachable);
    const registry = join(root, "registry.yaml");
    await writeFile(
      registry,
      `sites:\n${sites
        .map(
          (s) =>
            `  - { kind: authority, region: "${s.region}", sphere: ${s.sphere}, name: ${JSON.stringify(s.name)}, url: "${s.url}" }`,
        )
        .join("\n")}\n`,
    );
    for (let rep = 0; rep < reps; rep++) {
      // Alternating order, so a drift in the machine's load does not favour one side.
      for (const workers of rep % 2 === 0 ? [1, 2] : [2, 1]) {
        const dir = join(root, `${rep}-${workers}`);
        const queueName = `bench-${rep}-${workers}`;
        const children: ChildServer<unknown>[] = [];
        try {
          for (let i = 0; i < workers; i++)
            children.push(
              await startChildServer(benchScript("distributed-worker.ts"), [
                "--queue",
                redis.url,
                "--queue-name",
                queueName,
                "--concurrency",
                String(DISTRIBUTED_SETUP.sitesPerWorker),
                "--snapshots",
                join(dir, "snapshots"),
              ]),
            );
          const t0 = performance.now();
          const run = await runQueued({
            registryFiles: [registry],
            asOf: DEMO_AS_OF,
            queue: redis.url,
            queueName,
            hostIntervalMs: DISTRIBUTED_SETUP.intervalMs,
            maxPages,
            render: "never",
            reuse: false,
            pollMs: 100,
            dataDir: join(dir, "data"),
            snapshotsDir: join(dir, "snapshots"),
          });
          const wallMs = performance.now() - t0;
          samples.push({
            workers,
            wallMs,
            sites: run.sites.length,
            pages: run.sites.reduce((n, s) => n + s.crawl.pages, 0),
            siteMs: median(run.sites.map((s) => s.crawl.durationMs)),
          });
          options.log?.(
            `distributed ${rep + 1}/${reps}: ${workers} worker(s) — ${ru(wallMs / 1000, 1)} s, ${run.sites.length} sites`,
          );
        } finally {
          await Promise.all(children.map((c) => c.stop()));
        }
      }
    }
  } finally {
    await server.stop();
    await redis.stop();
    await rm(root, { recursive: true, force: true });
  }
  const wall = (n: number) => median(samples.filter((s) => s.workers === n).map((s) => s.wallMs));
  const siteWall = (n: number) => median(samples.filter((s) => s.workers === n).map((s) => s.siteMs));
  const value = ratio(wall(2), wall(1));
  const met = value <= 0.6;
  const notes = [
    "Оба «компьютера» — процессы на одной машине с двумя ядрами (ею же пользуются сервер демо-веба, Redis и планировщик): на отдельных машинах масштабирование не хуже.",
  ];
  if (!met) notes.push(`Цель ≤ 0,6 не достигнута: ${ru(value, 2)}.`);
  return {
    id: "distributed",
    title: "Распределённый прогон (BullMQ)",
    headline: { label: "медиана времени: два воркера ÷ один", value, unit: "×", goal: "≤ 0,6", met },
    figures: {
      сайтов: samples[0]?.sites ?? 0,
      "страниц (один воркер)": median(samples.filter((s) => s.workers === 1).map((s) => s.pages)),
      "страниц (два воркера)": median(samples.filter((s) => s.workers === 2).map((s) => s.pages)),
      "время, один воркер, с": round(wall(1) / 1000, 1),
      "время, два воркера, с": round(wall(2) / 1000, 1),
      "сайт (медиана), один воркер, с": round(siteWall(1) / 1000, 1),
      "сайт (медиана), два воркера, с": round(siteWall(2) / 1000, 1),
    },
    definition: `nok run --queue на временном redis-server по сайтам демо-веба (одна копия: реестр допускает один орган власти на субъект и сферу) (ответ через ${DISTRIBUTED_SETUP.latencyMs} мс, 1 запрос в ${DISTRIBUTED_SETUP.intervalMs} мс на хост, до ${maxPages} страниц на сайт); каждый воркер — отдельный процесс, ${DISTRIBUTED_SETUP.sitesPerWorker} сайта одновременно. Время — от планирования до готового результата прогона (с вердиктами и отчётом в хранилище), без запуска воркеров.`,
    notes,
    reps,
    samples,
    wallMs: performance.now() - started,
  };
}

import { resolve } from "node:path";
import type { Command } from "commander";
import { parsePositiveInt, readCaFiles } from "../options.ts";

export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description(
      "воркер распределённого прогона: берёт сайты из очереди BullMQ в Redis, проверяет их и пишет снимки в общую папку",
    )
    .requiredOption("--queue <url>", "адрес Redis: redis://ХОСТ:ПОРТ (тот же, что у nok run --queue)")
    .option("--concurrency <n>", "сколько сайтов проверять одновременно (по умолчанию 4)", parsePositiveInt)
    .option(
      "--snapshots <dir>",
      "общая папка снимков, та же, что у планировщика (по умолчанию NOK_SNAPSHOTS_DIR или snapshots/)",
    )
    .option(
      "--ca <file...>",
      "дополнительные доверенные корневые сертификаты (PEM); Russian Trusted Root CA доверен и без этого",
    )
    .option("--quiet", "не печатать начало и конец проверки каждого сайта")
    .action(async (opts) => {
      const { DEFAULT_WORKER_CONCURRENCY, readCaFile, startWorker } = await import("../../index.ts");
      const ca = readCaFiles(opts.ca, readCaFile);
      const say = (text: string) => process.stderr.write(`${new Date().toISOString()} ${text}\n`);
      const worker = await startWorker({
        queue: opts.queue,
        ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
        ...(opts.snapshots ? { snapshotsDir: resolve(opts.snapshots) } : {}),
        ...(ca.length > 0 ? { ca } : {}),
        onLog: (level, message) => {
          if (level !== "info" || !opts.quiet) say(level === "info" ? message : `${level}: ${message}`);
        },
        onSite: ({ url, result, error }) => {
          if (opts.quiet) return;
          say(
            result
              ? `${url}: готово — ${result.status}, страниц ${result.crawl.pages}`
              : `${url}: не проверен — ${error}`,
          );
        },
      });
      await worker.ready();
      say(
        `nok worker ${worker.name}: жду сайты из ${opts.queue} (одновременно ${opts.concurrency ?? DEFAULT_WORKER_CONCURRENCY})`,
      );
      await new Promise<void>((done) => {
        let stopping = false;
        const onSignal = (sig: NodeJS.Signals) => {
          // Second signal: leave at once; the sites in progress are taken back by other workers.
          if (stopping) process.exit(128 + (sig === "SIGINT" ? 2 : 15));
          stopping = true;
          say("Остановка: дожидаюсь проверяемых сайтов… (повторный сигнал — выйти сразу)");
          void worker.close().then(done, done);
        };
        process.on("SIGINT", onSignal);
        process.on("SIGTERM", onSignal);
      });
    });
}

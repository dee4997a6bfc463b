import { join, resolve } from "node:path";
import type { Command } from "commander";
import type { RunResult } from "../../index.ts";
import { DEFAULT_CRON } from "../../schedule/default-cron.ts";
import type { DaemonLogger } from "../../schedule/index.ts";
import type { Sphere } from "../../types/index.ts";
import { UsageError } from "../../util/errors.ts";
import { splitList } from "../../util/target-url.ts";
import { parsePositiveInt, parseSphere } from "../options.ts";
import { notifySummary } from "./notify.ts";
import { asUsage, parseNonNegativeInt } from "./run.ts";

/**
 * `--notify`: after each finished run, the notifications of `nok notify`. Runs detached from the daemon's loop and
 * never throws: a delivery problem is logged and recorded, the run is already saved.
 */
function notifyAfterRun(
  opts: { smtp?: string; webhook?: string },
  registryFiles: string[],
  logger: DaemonLogger,
): (run: RunResult) => void {
  return (finished) => {
    void (async () => {
      const { defaultReportsDir, loadRunWithPrevious, notifyRun } = await import("../../index.ts");
      const { run } = await loadRunWithPrevious(finished.runId);
      const res = await notifyRun(run, {
        outDir: join(defaultReportsDir(run.runId), "notifications"),
        ...(opts.smtp ? { smtp: opts.smtp } : {}),
        ...(opts.webhook ? { webhook: opts.webhook } : {}),
        dryRun: !opts.smtp && !opts.webhook,
        registryFiles,
      });
      for (const line of notifySummary(res).split("\n")) {
        if (res.deliveries.some((d) => !d.ok)) logger.warn(line.trim());
        else logger.info(line.trim());
      }
    })().catch((err: unknown) =>
      logger.error("уведомления не отправлены", err instanceof Error ? err : undefined),
    );
  };
}

export function registerSchedule(program: Command): void {
  program
    .command("schedule")
    .description("демон автоматических прогонов по расписанию (по умолчанию — ежемесячно)")
    .option(
      "--cron <expr>",
      `расписание node-cron (по умолчанию «${DEFAULT_CRON}»: 03:00 первого числа месяца)`,
      DEFAULT_CRON,
    )
    .option("--timezone <tz>", "часовой пояс расписания, например Europe/Moscow (по умолчанию — системный)")
    .option("--registry <file...>", "файлы реестра сайтов; по умолчанию — списки из registry/")
    .option("--region <code...>", "только эти субъекты")
    .option("--sphere <sphere...>", "только эти сферы")
    .option(
      "--concurrency <n>",
      "сколько сайтов проверять одновременно (по умолчанию до 512, не больше одного на хост; ограничено памятью)",
      parsePositiveInt,
    )
    .option("--max-pages <n>", "не более N страниц на сайт", parsePositiveInt)
    .option(
      "--host-interval <ms>",
      "пауза между запросами к одному сайту, мс (по умолчанию 500)",
      parseNonNegativeInt,
    )
    .option("--format <list>", "форматы отчётов после каждого прогона", "html,md,xlsx,json")
    .option("--log <format>", "журнал: journald (префиксы <N>) или plain; по умолчанию journald под systemd")
    .option("--no-resume", "не продолжать прерванный прогон при запуске")
    .option(
      "--notify",
      "после каждого прогона уведомить субъекты (как nok notify; без --smtp/--webhook — файлы .eml)",
    )
    .option("--smtp <url>", "для --notify: SMTP-сервер smtp://…")
    .option("--webhook <url>", "для --notify: адрес JSON веб-хука")
    .action(async (opts) => {
      const { defaultRegistryFiles, parseFormats } = await import("../../index.ts");
      const { createDaemonLogger, startScheduler } = await import("../../schedule/index.ts");
      const formats = parseFormats(opts.format);
      const spheres: Sphere[] = splitList(opts.sphere).map((s) => asUsage(() => parseSphere(s)));
      let registryFiles = splitList(opts.registry).map((f) => resolve(f));
      if (registryFiles.length === 0) registryFiles = defaultRegistryFiles();
      if (registryFiles.length === 0)
        throw new UsageError(
          "не указан реестр сайтов: --registry ФАЙЛ (в папке registry/ списков сайтов нет)",
        );
      if (opts.log !== undefined && opts.log !== "journald" && opts.log !== "plain")
        throw new UsageError(`--log: journald или plain, получено «${opts.log}»`);
      const logger = createDaemonLogger(opts.log ? { format: opts.log } : {});
      const scheduler = await startScheduler({
        cron: opts.cron,
        ...(opts.timezone ? { timezone: opts.timezone } : {}),
        registryFiles,
        regions: splitList(opts.region),
        spheres,
        ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
        ...(opts.maxPages ? { maxPages: opts.maxPages } : {}),
        ...(opts.hostInterval === undefined ? {} : { hostIntervalMs: opts.hostInterval }),
        formats,
        resumeOnStart: opts.resume !== false,
        logger,
        ...(opts.notify ? { onRunFinished: notifyAfterRun(opts, registryFiles, logger) } : {}),
      });
      await new Promise<void>((resolveStop) => {
        let stopping = false;
        const onSignal = (sig: NodeJS.Signals) => {
          if (stopping) {
            logger.warn(`повторный ${sig}: выход без ожидания`);
            process.exit(1);
          }
          stopping = true;
          logger.info(`получен ${sig}`);
          scheduler.stop().then(resolveStop, (err: unknown) => {
            logger.error("ошибка при остановке", err instanceof Error ? err : undefined);
            process.exitCode = 1;
            resolveStop();
          });
        };
        process.on("SIGTERM", onSignal);
        process.on("SIGINT", onSignal);
      });
      // Everything is persisted and the locks are released; a request that ignored the abort must not keep the
      // process alive until its timeout.
      process.exit(process.exitCode ?? 0);
    });
}

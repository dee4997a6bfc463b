import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import type { Sphere, TargetKind } from "../../types/index.ts";
import { UsageError } from "../../util/errors.ts";
import { parseAsOf, parseTargetUrl, splitList, todayIso } from "../../util/target-url.ts";
import { loadBusgovPlansOption } from "../busgov-plans-option.ts";
import { deliverRun } from "../deliver-run.ts";
import { parsePositiveInt, parseSphere, readCaFiles } from "../options.ts";
import { createRunProgress } from "../run-progress.ts";

const KINDS: readonly TargetKind[] = ["authority", "institution", "busgov"];

export function registerRun(program: Command): void {
  program
    .command("run")
    .description("ежемесячный прогон по реестру: все регионы и сферы, сводки по регионам и по стране")
    .option(
      "--registry <file...>",
      "файлы реестра сайтов (YAML, CSV, XLSX); по умолчанию — списки из registry/",
    )
    .option("--region <code...>", "только эти субъекты (коды или названия)")
    .option("--sphere <sphere...>", "только эти сферы: social | health | culture | education | sport")
    .option("--kind <kind...>", "только эти виды: authority | institution | busgov")
    .option(
      "--render <mode>",
      "рендеринг в браузере для сайтов без своего режима в реестре: never | auto | always",
      "auto",
    )
    .option(
      "--ca <file...>",
      "дополнительные доверенные корневые сертификаты (PEM); Russian Trusted Root CA доверен и без этого",
    )
    .option("--busgov-url <url>", "адрес bus.gov.ru (по умолчанию NOK_BUSGOV_URL или https://bus.gov.ru)")
    .option(
      "--busgov-plans <file>",
      "планы по устранению недостатков из выгрузки (XML или JSON, planShortcomingInfoType)",
    )
    .option("--resume [runId]", "продолжить прерванный прогон (без id — последний незавершённый)")
    .option(
      "--concurrency <n>",
      "сколько сайтов проверять одновременно (по умолчанию до 512, не больше одного на хост; ограничено памятью)",
      parsePositiveInt,
    )
    .option("--as-of <date>", "дата, на которую выносятся вердикты (ГГГГ-ММ-ДД)")
    .option("--max-pages <n>", "не более N страниц на сайт", parsePositiveInt)
    .option(
      "--site-time <s>",
      "не более S секунд на сайт (по умолчанию 600; главная страница — не дольше 90 с)",
      parsePositiveInt,
    )
    .option(
      "--host-interval <ms>",
      "пауза между запросами к одному сайту, мс (по умолчанию 500)",
      parseNonNegativeInt,
    )
    .option(
      "--queue <url>",
      "распределённый прогон: поставить сайты в очередь BullMQ в Redis (redis://ХОСТ:ПОРТ); проверяют их воркеры nok worker",
    )
    .option("--format <list>", "форматы отчётов: html,md,xlsx,csv,json", "html,md,xlsx,json")
    .option("--out <dir>", "папка для отчётов (по умолчанию reports/<run-id>)")
    .option("--json", "вывести RunResult в stdout (и ничего больше)")
    .action(async (opts) => {
      // The handler comes first: loading the pipeline takes seconds on a busy machine, and a stop
      // asked for meanwhile must still end the run cleanly (the run checks the signal when it starts).
      const controller = new AbortController();
      let signalCode = 0;
      let say = (text: string): void => {
        process.stderr.write(`${text}\n`);
      };
      const onSignal = (sig: NodeJS.Signals) => {
        if (controller.signal.aborted) process.exit(128 + (sig === "SIGINT" ? 2 : 15));
        signalCode = 128 + (sig === "SIGINT" ? 2 : 15);
        say("Остановка: сохраняю состояние прогона… (повторный сигнал — выйти сразу)");
        controller.abort(new Error(`получен ${sig}`));
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      const {
        defaultReportsDir,
        parseFormats,
        RunInterruptedError,
        runNational,
        runQueued,
        defaultRegistryFiles,
        parseRenderMode,
        readCaFile,
      } = await import("../../index.ts");
      const formats = parseFormats(opts.format);
      const asOf = opts.asOf === undefined ? undefined : parseAsOf(opts.asOf, todayIso());
      const spheres: Sphere[] = splitList(opts.sphere).map((s) => asUsage(() => parseSphere(s)));
      const kinds = splitList(opts.kind).map(parseKindValue);
      const render = parseRenderMode(opts.render);
      const ca = readCaFiles(opts.ca, readCaFile);
      const busgovUrl = opts.busgovUrl === undefined ? undefined : parseTargetUrl(opts.busgovUrl);
      const resume: string | true | undefined = opts.resume;
      let registryFiles = splitList(opts.registry).map((f) => resolve(f));
      if (!resume && registryFiles.length === 0) {
        registryFiles = defaultRegistryFiles();
        if (registryFiles.length === 0)
          throw new UsageError(
            "не указан реестр сайтов: --registry ФАЙЛ (в папке registry/ списков сайтов нет)",
          );
      }
      const progress = createRunProgress();
      say = (text) => progress.line(text);
      const busgovPlans = await loadBusgovPlansOption(opts.busgovPlans, (t) => progress.line(t));
      if (resume && (opts.registry || opts.region || opts.sphere || opts.kind || opts.asOf || opts.maxPages))
        progress.line(
          "Внимание: при продолжении прогона действуют его исходные реестр, фильтры и дата; новые не применяются.",
        );

      if (opts.queue && (opts.concurrency || opts.ca))
        progress.line(
          "Внимание: с --queue сайты проверяют воркеры: --concurrency и --ca задаются в nok worker.",
        );
      const execute: typeof runNational = opts.queue
        ? (o) => runQueued({ ...o, queue: opts.queue })
        : runNational;
      try {
        const run = await execute({
          registryFiles,
          regions: splitList(opts.region),
          spheres,
          kinds,
          render,
          ...(ca.length > 0 ? { ca } : {}),
          ...(busgovUrl ? { busgovUrl } : {}),
          ...(busgovPlans ? { busgovPlans } : {}),
          ...(resume ? { resume } : {}),
          ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
          ...(asOf ? { asOf } : {}),
          ...(opts.maxPages ? { maxPages: opts.maxPages } : {}),
          ...(opts.siteTime ? { budget: { maxDurationMs: opts.siteTime * 1000 } } : {}),
          ...(opts.hostInterval === undefined ? {} : { hostIntervalMs: opts.hostInterval }),
          signal: controller.signal,
          onStart: ({ runId, total, resumed }) =>
            progress.line(
              resumed > 0
                ? `Прогон ${runId}: продолжение, готово ${resumed} из ${total} сайтов`
                : `Прогон ${runId}: сайтов ${total}`,
            ),
          onProgress: (p) => progress.update(p),
          onLog: (level, message) =>
            progress.line(
              level === "info" ? message : `${level === "warn" ? "внимание" : "ошибка"}: ${message}`,
            ),
        });
        progress.done();
        const out = resolve(opts.out ?? defaultReportsDir(run.runId));
        await deliverRun(run, {
          out,
          formats,
          json: Boolean(opts.json),
          summary: "digest",
          extras: true,
          note: progress.line,
        });
      } catch (err) {
        progress.done();
        if (err instanceof RunInterruptedError) {
          progress.line(err.message);
          // The state is saved; a request that ignores the abort must not keep the process alive.
          process.exit(signalCode || 130);
        }
        throw err;
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
    });
}

/** Option parsers throw commander errors, which main.ts does not print outside parsing: rethrow as usage errors. */
export function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function parseNonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`нужно целое неотрицательное число, получено «${value}»`);
  return n;
}

function parseKindValue(value: string): TargetKind {
  if ((KINDS as readonly string[]).includes(value)) return value as TargetKind;
  throw new UsageError(`неизвестный вид сайта «${value}»; допустимо: authority, institution, busgov`);
}

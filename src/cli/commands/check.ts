import { resolve } from "node:path";
import type { Command } from "commander";
import { isValidInn } from "../../registry/inn.ts";
import { UsageError } from "../../util/errors.ts";
import { parseAsOf, parseTargetUrl, todayIso } from "../../util/target-url.ts";
import { loadBusgovPlansOption } from "../busgov-plans-option.ts";
import { deliverRun } from "../deliver-run.ts";
import { parseKind, parsePositiveInt, parseSphere, readCaFiles } from "../options.ts";
import { createProgress } from "../progress.ts";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("самопроверка одного сайта: обход, проверка всех правил, отчёты")
    .argument("<url>", "адрес сайта")
    .option("--kind <kind>", "вид сайта: authority | institution", parseKind, "authority")
    .option("--sphere <sphere>", "сфера: social | health | culture | education | sport", parseSphere)
    .option("--region <code>", "код субъекта РФ")
    .option("--inn <inn>", "ИНН учреждения: проверить и его сведения на bus.gov.ru (с --kind institution)")
    .option("--busgov-id <id>", "идентификатор учреждения на bus.gov.ru (вместо --inn)")
    .option("--busgov-url <url>", "адрес bus.gov.ru (по умолчанию NOK_BUSGOV_URL или https://bus.gov.ru)")
    .option(
      "--busgov-plans <file>",
      "планы по устранению недостатков из выгрузки (XML или JSON, planShortcomingInfoType)",
    )
    .option("--render <mode>", "рендеринг в браузере: never | auto | always", "auto")
    .option(
      "--ca <file...>",
      "дополнительные доверенные корневые сертификаты (PEM); Russian Trusted Root CA доверен и без этого",
    )
    .option("--max-pages <n>", "не более N страниц", parsePositiveInt)
    .option(
      "--site-time <s>",
      "не более S секунд на сайт (по умолчанию 600; главная страница — не дольше 90 с)",
      parsePositiveInt,
    )
    .option("--as-of <date>", "дата, на которую выносятся вердикты (ГГГГ-ММ-ДД)")
    .option("--format <list>", "форматы отчётов: html,md,xlsx,csv,json", "html,md,json")
    .option("--out <dir>", "папка для отчётов (по умолчанию reports/<run-id>)")
    .option("--json", "вывести RunResult в stdout (и ничего больше)")
    .action(async (rawUrl: string, opts) => {
      const url = parseTargetUrl(rawUrl);
      const asOf = parseAsOf(opts.asOf, todayIso());
      const busgov = busgovQuery(opts);
      const busgovUrl = opts.busgovUrl === undefined ? undefined : parseTargetUrl(opts.busgovUrl);
      // Loaded on use: `nok --help` (and a mistyped option) must not pay for the whole pipeline.
      const { checkSites, defaultReportsDir, parseFormats, parseRenderMode, readCaFile } = await import(
        "../../index.ts"
      );
      const formats = parseFormats(opts.format);
      const render = parseRenderMode(opts.render);
      const ca = readCaFiles(opts.ca, readCaFile);
      const progress = createProgress();
      const busgovPlans = await loadBusgovPlansOption(opts.busgovPlans, (t) => progress.line(t));
      progress.line(
        `Проверка ${url} (вид: ${opts.kind}${opts.sphere ? `, сфера: ${opts.sphere}` : ""}, на дату ${asOf}` +
          `${busgov.inn ? `, ИНН ${busgov.inn}` : busgov.busgovId ? `, bus.gov.ru id ${busgov.busgovId}` : ""})`,
      );
      const run = await checkSites(
        [
          {
            url,
            kind: opts.kind,
            sphere: opts.sphere ?? null,
            region: opts.region ?? null,
            name: null,
            ...busgov,
          },
        ],
        {
          asOf,
          render,
          ...(ca.length > 0 ? { ca } : {}),
          ...(busgovUrl ? { busgov: { baseUrl: busgovUrl } } : {}),
          ...(busgovUrl || busgovPlans
            ? {
                busgov: {
                  ...(busgovUrl ? { baseUrl: busgovUrl } : {}),
                  ...(busgovPlans ? { plans: busgovPlans } : {}),
                },
              }
            : {}),
          ...(opts.maxPages ? { maxPages: opts.maxPages } : {}),
          ...(opts.siteTime ? { budget: { maxDurationMs: opts.siteTime * 1000 } } : {}),
          onProgress: (p) => progress.site(p),
          warn: (m) => progress.line(`внимание: ${m}`),
        },
      );
      progress.done();
      const out = resolve(opts.out ?? defaultReportsDir(run.runId));
      await deliverRun(run, {
        out,
        formats,
        json: Boolean(opts.json),
        summary: "table",
        note: progress.line,
      });
    });
}

/** `--inn` (checksum checked) or `--busgov-id`, only for an institution: a typo must not silently check nothing. */
function busgovQuery(opts: { kind: string; inn?: string; busgovId?: string }): {
  inn?: string;
  busgovId?: string;
} {
  if (opts.inn === undefined && opts.busgovId === undefined) return {};
  if (opts.kind !== "institution")
    throw new UsageError("--inn и --busgov-id применяются только с --kind institution");
  if (opts.inn !== undefined && opts.busgovId !== undefined)
    throw new UsageError("укажите либо --inn, либо --busgov-id");
  if (opts.inn !== undefined) {
    const inn = opts.inn.trim();
    if (!isValidInn(inn))
      throw new UsageError(
        `некорректный ИНН «${opts.inn}»: нужно 10 или 12 цифр с верными контрольными цифрами`,
      );
    return { inn };
  }
  const id = opts.busgovId!.trim();
  if (!/^\d+$/.test(id))
    throw new UsageError(`идентификатор bus.gov.ru должен состоять из цифр: «${opts.busgovId}»`);
  return { busgovId: id };
}

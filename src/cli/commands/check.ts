import { resolve } from "node:path";
import type { Command } from "commander";
import { todayIso } from "../../pipeline/run-id.ts";
import { defaultReportsDir } from "../../store/paths.ts";
import { parseAsOf, parseTargetUrl } from "../../util/target-url.ts";
import { parseKind, parsePositiveInt, parseSphere } from "../options.ts";
import { createProgress } from "../progress.ts";
import { summaryTable } from "../summary-table.ts";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("самопроверка одного сайта: обход, проверка всех правил, отчёты")
    .argument("<url>", "адрес сайта")
    .option("--kind <kind>", "вид сайта: authority | institution", parseKind, "authority")
    .option("--sphere <sphere>", "сфера: social | health | culture | education | sport", parseSphere)
    .option("--region <code>", "код субъекта РФ")
    .option("--max-pages <n>", "не более N страниц", parsePositiveInt)
    .option("--as-of <date>", "дата, на которую выносятся вердикты (ГГГГ-ММ-ДД)")
    .option("--format <list>", "форматы отчётов: html,md,xlsx,csv,json", "html,md,json")
    .option("--out <dir>", "папка для отчётов (по умолчанию reports/<run-id>)")
    .option("--json", "вывести RunResult в stdout (и ничего больше)")
    .action(async (rawUrl: string, opts) => {
      // Loaded on use: `nok --help` must not pay for the whole pipeline.
      const { checkSites, exitCodeFor, parseFormats, writeReports } = await import("../../index.ts");
      const url = parseTargetUrl(rawUrl);
      const asOf = parseAsOf(opts.asOf, todayIso());
      const formats = parseFormats(opts.format);
      const progress = createProgress();
      progress.line(
        `Проверка ${url} (вид: ${opts.kind}${opts.sphere ? `, сфера: ${opts.sphere}` : ""}, на дату ${asOf})`,
      );
      const run = await checkSites(
        [{ url, kind: opts.kind, sphere: opts.sphere ?? null, region: opts.region ?? null, name: null }],
        { asOf, ...(opts.maxPages ? { maxPages: opts.maxPages } : {}), onProgress: (p) => progress.site(p) },
      );
      progress.done();
      const out = resolve(opts.out ?? defaultReportsDir(run.runId));
      const written = await writeReports(run, out, formats);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
        progress.line(`Отчёты: ${written.map((w) => w.path).join(", ")}`);
      } else {
        process.stdout.write(
          `${summaryTable(run)}\n\nОтчёты:\n${written.map((w) => `  ${w.path}`).join("\n")}\n`,
        );
      }
      process.exitCode = exitCodeFor(run);
    });
}

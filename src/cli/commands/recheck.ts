import { resolve } from "node:path";
import type { Command } from "commander";
import { parseAsOf, todayIso } from "../../util/target-url.ts";
import { deliverRun } from "../deliver-run.ts";

export function registerRecheck(program: Command): void {
  program
    .command("recheck")
    .description("заново применить правила к сохранённым снимкам прогона — без обращения к сети")
    .argument("<run-id>", "идентификатор прогона или latest")
    .option("--as-of <date>", "дата, на которую выносятся вердикты (ГГГГ-ММ-ДД); по умолчанию — дата прогона")
    .option("--format <list>", "форматы отчётов: html,md,xlsx,csv,json", "html,md,xlsx,json")
    .option("--out <dir>", "папка для отчётов (по умолчанию reports/<новый run-id>)")
    .option("--json", "вывести RunResult в stdout (и ничего больше)")
    .action(async (ref: string, opts) => {
      const { defaultReportsDir, parseFormats, recheckRun } = await import("../../index.ts");
      const formats = parseFormats(opts.format);
      const asOf = opts.asOf === undefined ? undefined : parseAsOf(opts.asOf, todayIso());
      process.stderr.write(
        `Перепроверка снимков прогона ${ref}${asOf ? ` на дату ${asOf}` : ""} (без сети)…\n`,
      );
      const run = await recheckRun(ref, {
        ...(asOf ? { asOf } : {}),
        onProgress: (done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\rсайтов ${done}/${total}`);
        },
      });
      if (process.stderr.isTTY) process.stderr.write("\n");
      const out = resolve(opts.out ?? defaultReportsDir(run.runId));
      await deliverRun(run, { out, formats, json: Boolean(opts.json), summary: "digest" });
    });
}

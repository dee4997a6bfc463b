import { join, resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../util/errors.ts";

export function registerLetters(program: Command): void {
  program
    .command("letters")
    .description(
      "письма в субъекты РФ по итогам прогона (DOCX, пакет docx): одно письмо на субъект с недостатками и сводная справка",
    )
    .argument("<run-id>", "идентификатор прогона или latest")
    .option("--region <codes...>", "только эти субъекты (коды), например --region 71 08")
    .option("--deadline <date>", "срок ответа субъекта (ГГГГ-ММ-ДД); по умолчанию — через 30 дней")
    .option("--out <dir>", "папка для писем (по умолчанию reports/<run-id>/letters)")
    .addHelpText(
      "after",
      "\nПисьмо получает только субъект, у которого есть недостатки (вердикт «не соответствует»); то, что не удалось\nпроверить, перечисляется в письме отдельно и недостатком не считается. Адресат — из registry/regions.yaml\n(поле addressee), иначе «Высшему должностному лицу субъекта Российской Федерации». A4, Times New Roman 14.",
    )
    .action(async (ref: string, opts) => {
      const { defaultReportsDir, defaultSnapshotsDir, loadStoredRun, pagesRead, writeLetters } = await import(
        "../../index.ts"
      );
      const run = await loadStoredRun(ref);
      const today = new Date().toISOString().slice(0, 10);
      const deadline = opts.deadline as string | undefined;
      if (deadline !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(deadline))
        throw new UsageError(`срок --deadline должен быть в формате ГГГГ-ММ-ДД, получено «${deadline}»`);
      const out = resolve(opts.out ?? join(defaultReportsDir(run.runId), "letters"));
      const regions = (opts.region as string[] | undefined)
        ?.flatMap((c) => c.split(","))
        .map((c) => c.trim());
      const written = await writeLetters(run, out, {
        today,
        pagesRead: await pagesRead(defaultSnapshotsDir(), run.runId),
        ...(deadline ? { deadline } : {}),
        ...(regions?.length ? { regions } : {}),
      });
      process.stdout.write(
        `${[
          `Письма по прогону ${run.runId} (на дату ${run.asOf}): ${written.letters.length} — в папке ${written.dir}`,
          ...written.letters.map((l) => `  ${l.code} ${l.name}: недостатков ${l.gapCount} — ${l.path}`),
          `Сводная справка: ${written.coverNote}`,
          written.withoutGaps.length ? `Без недостатков (письма нет): ${written.withoutGaps.join(", ")}` : "",
        ]
          .filter(Boolean)
          .join("\n")}\n`,
      );
    });
}

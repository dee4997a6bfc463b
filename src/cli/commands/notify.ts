import { join, resolve } from "node:path";
import type { Command } from "commander";
import type { NotifyResult } from "../../index.ts";
import { UsageError } from "../../util/errors.ts";
import { splitList } from "../../util/target-url.ts";

export function registerNotify(program: Command): void {
  program
    .command("notify")
    .description(
      "уведомить субъекты о том, что изменилось с прошлого прогона: e-mail (SMTP, nodemailer) и/или JSON веб-хук",
    )
    .argument("<run-id>", "идентификатор прогона или latest")
    .option("--smtp <url>", "SMTP-сервер: smtp://пользователь:пароль@хост:порт (или smtps://…)")
    .option("--webhook <url>", "адрес, на который отправляется POST с JSON по каждому субъекту")
    .option("--dry-run", "ничего не отправлять: записать по одному .eml на сообщение в --out")
    .option("--out <dir>", "папка для .eml и журнала доставки (по умолчанию reports/<run-id>/notifications)")
    .option("--from <address>", "адрес отправителя", "nok-monitor <nok-monitor@localhost>")
    .option("--registry <file...>", "реестры с адресами (contacts:); по умолчанию — списки из registry/")
    .option("--region <codes...>", "только эти субъекты")
    .addHelpText(
      "after",
      "\nАдреса берутся из поля contacts: у субъекта (registry/regions.yaml) и у сайта (YAML-реестр сайтов);\nсубъект получает сообщение, если есть новые недостатки, устранённые или по-прежнему не размещённые сведения.\nНеудачная доставка повторяется с нарастающей паузой и записывается в deliveries.json; прогон не меняется.\nПисьма формирует nodemailer (SMTP и файлы .eml); тесты принимают их настоящим SMTP-сервером (smtp-server)\nна 127.0.0.1 и разбирают mailparser.",
    )
    .action(async (ref: string, opts) => {
      const { defaultRegistryFiles, defaultReportsDir, loadRunWithPrevious, notifyRun } = await import(
        "../../index.ts"
      );
      if (!opts.smtp && !opts.webhook && !opts.dryRun)
        throw new UsageError("укажите --smtp URL, --webhook URL или --dry-run");
      const { run } = await loadRunWithPrevious(ref);
      let registryFiles = splitList(opts.registry).map((f) => resolve(f));
      if (registryFiles.length === 0) registryFiles = defaultRegistryFiles();
      const out = resolve(opts.out ?? join(defaultReportsDir(run.runId), "notifications"));
      const res = await notifyRun(run, {
        outDir: out,
        ...(opts.smtp ? { smtp: opts.smtp } : {}),
        ...(opts.webhook ? { webhook: opts.webhook } : {}),
        dryRun: Boolean(opts.dryRun),
        from: opts.from,
        registryFiles,
        regions: splitList(opts.region),
      });
      process.stdout.write(`${notifySummary(res)}\n`);
      if (res.deliveries.some((d) => !d.ok)) process.exitCode = 1;
    });
}

/** The lines `nok notify`, `nok demo` and the daemon print after notifying. */
export function notifySummary(res: NotifyResult): string {
  const ok = res.deliveries.filter((d) => d.ok).length;
  const failed = res.deliveries.filter((d) => !d.ok);
  return [
    `Уведомления по прогону ${res.runId}: субъектов с изменениями ${res.regions.length}, доставлено ${ok}, не доставлено ${failed.length}.`,
    ...failed.map(
      (d) => `  не доставлено (${d.region}, ${d.target}) после ${d.attempts.length} попыток: ${d.error}`,
    ),
    res.withoutRecipients.length
      ? `  нет адресов в реестре (contacts:) у субъектов: ${res.withoutRecipients.join(", ")}`
      : "",
    ...res.contactIssues.map((i) => `  ${i.file}${i.line ? `:${i.line}` : ""}: ${i.message}`),
    `  папка: ${res.outDir} (журнал доставки: ${res.logPath})`,
  ]
    .filter(Boolean)
    .join("\n");
}

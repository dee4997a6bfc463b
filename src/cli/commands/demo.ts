import { join } from "node:path";
import type { Command } from "commander";
import type { RunResult } from "../../index.ts";
import { parsePositiveInt } from "../options.ts";
import { createRunProgress } from "../run-progress.ts";

/** Demo runs are quick on purpose: the demo web answers instantly, so politeness is the only brake. */
const DEMO_HOST_INTERVAL_MS = 100;
const DEMO_CONCURRENCY = 12;

/**
 * The ministry's next steps on the demo run: the letters to the regions (DOCX) and the notifications as `.eml`
 * files (a dry run: the demo's addresses are in the reserved `.invalid` domain). Returns the lines to print.
 */
async function demoLettersAndNotifications(
  run: RunResult,
  reportsDir: string,
  registryFiles: readonly string[],
): Promise<string> {
  const { defaultDataDir, defaultSnapshotsDir, notifyRun, pagesRead, writeLetters } = await import(
    "../../index.ts"
  );
  const { writeDemoContacts } = await import("../../../demo/harness/contacts.ts");
  const letters = await writeLetters(run, join(reportsDir, "letters"), {
    pagesRead: await pagesRead(defaultSnapshotsDir(), run.runId),
  });
  const codes = run.sites.map((s) => s.region).filter((c): c is string => c !== null);
  const contacts = await writeDemoContacts(join(defaultDataDir(), "demo"), codes);
  const notes = await notifyRun(run, {
    outDir: join(reportsDir, "notifications"),
    dryRun: true,
    registryFiles: [...registryFiles, contacts],
  });
  const eml = notes.deliveries.filter((d) => d.channel === "eml").length;
  return [
    `Письма в субъекты (DOCX): ${letters.letters.length} и сводная справка — ${letters.dir}`,
    `Уведомления (пробный режим, .eml): ${eml} — ${notes.outDir}`,
  ].join("\n");
}

export function registerDemo(program: Command): void {
  const demo = program
    .command("demo")
    .description(
      "демонстрация без интернета: национальная демо-сеть (89 субъектов × 4 сферы, учреждения, макет bus.gov.ru) на 127.0.0.1 и ежемесячный прогон по ней",
    )
    .option("--format <list>", "форматы отчётов", "html,md,xlsx,csv,json")
    .option("--regions <codes>", "только эти субъекты (коды через запятую), например 71,08,13")
    .option("--concurrency <n>", "сайтов одновременно", parsePositiveInt, DEMO_CONCURRENCY)
    .option("--json", "вывести RunResult в stdout")
    .action(async (opts) => {
      const { DEMO_AS_OF } = await import("../../../demo/web/web.ts");
      const { demoMismatches, startDemoNetwork } = await import("../../../demo/harness/network.ts");
      const {
        defaultDataDir,
        defaultReportsDir,
        exitCodeFor,
        nationalDigest,
        parseFormats,
        reportExtras,
        runNational,
        writeReports,
      } = await import("../../index.ts");
      const formats = parseFormats(opts.format);
      const progress = createRunProgress();
      progress.line("Запуск демо-сети (генерация сайтов и документов)…");
      const onlyRegions =
        typeof opts.regions === "string" ? opts.regions.split(",").map((s: string) => s.trim()) : undefined;
      const network = await startDemoNetwork({
        dir: join(defaultDataDir(), "demo"),
        ...(onlyRegions ? { onlyRegions } : {}),
      });
      try {
        const c = network.counts;
        progress.line(
          `Демо-сеть: сайтов органов власти ${c.authorities}, учреждений ${c.institutions}, карточек bus.gov.ru ${c.busgov} (макет: ${network.busgovUrl}). Дата проверки: ${DEMO_AS_OF}.`,
        );
        const run = await runNational({
          registryFiles: network.registryFiles,
          asOf: DEMO_AS_OF,
          busgovUrl: network.busgovUrl,
          concurrency: opts.concurrency,
          hostIntervalMs: DEMO_HOST_INTERVAL_MS,
          onStart: ({ runId, total }) => progress.line(`Прогон ${runId}: целей проверки ${total}`),
          onProgress: (p) => progress.update(p),
          onLog: (level, message) =>
            progress.line(
              level === "info" ? message : `${level === "warn" ? "внимание" : "ошибка"}: ${message}`,
            ),
        });
        progress.done();
        const written = await writeReports(
          run,
          defaultReportsDir(run.runId),
          formats,
          await reportExtras(run),
        );
        if (opts.json) process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
        else process.stdout.write(`${nationalDigest(run)}\n`);
        const { total, misses } = demoMismatches(run.sites, network.expected);
        progress.line(
          misses.length === 0
            ? `Все ${total} вердиктов совпали с ожидаемыми для демо-сети.`
            : `Совпало с ожидаемыми ${total - misses.length} из ${total} вердиктов; расхождения:\n${misses.join("\n")}`,
        );
        const reportsDir = defaultReportsDir(run.runId);
        const workflow = await demoLettersAndNotifications(run, reportsDir, network.registryFiles);
        progress.line(
          `\nОтчёты:\n${written.map((w) => `  ${w.path}`).join("\n")}\n${workflow}\nВеб-панель: npx nok serve (затем http://127.0.0.1:8080)`,
        );
        // Finding gaps is the demo's purpose, not an error.
        process.exitCode = exitCodeFor(run) === 3 ? 3 : 0;
      } finally {
        await network.close();
      }
    });
  demo
    .command("serve")
    .description("только запустить демо-сеть и ждать (Ctrl+C — остановить)")
    .option("--regions <codes>", "только эти субъекты (коды через запятую)")
    .action(async (opts) => {
      const { DEMO_AS_OF } = await import("../../../demo/web/web.ts");
      const { startDemoNetwork } = await import("../../../demo/harness/network.ts");
      const { defaultDataDir } = await import("../../index.ts");
      process.stderr.write("Запуск демо-сети…\n");
      const onlyRegions =
        typeof opts.regions === "string" ? opts.regions.split(",").map((s: string) => s.trim()) : undefined;
      const network = await startDemoNetwork({
        dir: join(defaultDataDir(), "demo"),
        ...(onlyRegions ? { onlyRegions } : {}),
      });
      const c = network.counts;
      const registry = network.registryFiles.map((f) => `--registry ${f}`).join(" ");
      process.stdout.write(
        [
          `Демо-сеть запущена на 127.0.0.1: сайтов органов власти ${c.authorities}, учреждений ${c.institutions}, макет bus.gov.ru ${network.busgovUrl}.`,
          "Реестры (адреса действуют, пока демо-сеть запущена):",
          ...network.registryFiles.map((f) => `  ${f}`),
          "В другом терминале:",
          `  npx nok run ${registry} --busgov-url ${network.busgovUrl} --as-of ${DEMO_AS_OF}`,
          "  (прервите его Ctrl+C или kill -9 и продолжите: npx nok run --resume)",
          "Остановить демо-сеть: Ctrl+C",
          "",
        ].join("\n"),
      );
      await new Promise<void>((done) => {
        process.once("SIGINT", () => done());
        process.once("SIGTERM", () => done());
      });
      await network.close();
    });
}

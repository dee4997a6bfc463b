import type { Command } from "commander";
import { defaultReportsDir } from "../../store/paths.ts";
import { createProgress } from "../progress.ts";
import { summaryTable } from "../summary-table.ts";

export function registerDemo(program: Command): void {
  const demo = program
    .command("demo")
    .description("демонстрация на встроенном учебном наборе сайтов (127.0.0.1, без интернета)")
    .option("--format <list>", "форматы отчётов", "html,md,xlsx,csv,json")
    .option("--json", "вывести RunResult в stdout")
    .action(async (opts) => {
      const { DEMO_AS_OF, startDemoWeb } = await import("../../demo/web.ts");
      const { startBusGovMock } = await import("../../demo/busgov-mock/index.ts");
      const { demoBusgovAgencies, demoBusgovTargets } = await import("../../demo/busgov-demo/targets.ts");
      const { checkSites, exitCodeFor, parseFormats, writeReports } = await import("../../index.ts");
      const formats = parseFormats(opts.format);
      const progress = createProgress();
      const web = await startDemoWeb();
      const busgov = await startBusGovMock(demoBusgovAgencies());
      try {
        const busgovTargets = demoBusgovTargets(busgov.url);
        progress.line(
          `Демо-сеть запущена: ${web.sites.length} сайтов на 127.0.0.1, макет bus.gov.ru (${busgovTargets.length} учреждений): ${busgov.url}. Дата проверки: ${DEMO_AS_OF}.`,
        );
        const run = await checkSites(
          [
            ...web.sites.map((s) => ({
              url: s.url,
              kind: s.kind,
              sphere: s.sphere,
              region: s.region,
              name: s.name,
            })),
            ...busgovTargets,
          ],
          {
            asOf: DEMO_AS_OF,
            busgov: { baseUrl: busgov.url },
            onProgress: (p) => progress.site(p),
            warn: (m) => progress.line(`внимание: ${m}`),
          },
        );
        progress.done();
        const out = defaultReportsDir(run.runId);
        const written = await writeReports(run, out, formats);
        if (opts.json) process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
        else process.stdout.write(`${summaryTable(run)}\n`);
        const misses = compareWithExpected(run, [...web.sites, ...busgovTargets]);
        progress.line(
          misses.length === 0
            ? "Все вердикты совпали с ожидаемыми для демо-сайтов."
            : `Расхождения с ожидаемыми вердиктами (${misses.length}):\n${misses.join("\n")}`,
        );
        progress.line(`\nОтчёты:\n${written.map((w) => `  ${w.path}`).join("\n")}`);
        // The demo finding gaps is its purpose, not an error.
        process.exitCode = exitCodeFor(run) === 3 ? 3 : 0;
      } finally {
        await Promise.all([web.close(), busgov.close()]);
      }
    });
  demo
    .command("serve")
    .description("только запустить демо-сеть и ждать (Ctrl+C — остановить)")
    .action(async () => {
      const { startDemoWeb } = await import("../../demo/web.ts");
      const { startBusGovMock } = await import("../../demo/busgov-mock/index.ts");
      const { demoBusgovAgencies } = await import("../../demo/busgov-demo/targets.ts");
      const web = await startDemoWeb();
      const busgov = await startBusGovMock(demoBusgovAgencies());
      process.stdout.write(`Демо-сеть запущена (${web.sites.length} сайтов):\n`);
      for (const s of web.sites) process.stdout.write(`  ${s.url}  ${s.name}\n`);
      process.stdout.write(
        `Макет bus.gov.ru: ${busgov.url} (проверка учреждения: nok check <сайт> --kind institution --inn <ИНН> --busgov-url ${busgov.url})\n`,
      );
      for (const a of demoBusgovAgencies()) process.stdout.write(`  ИНН ${a.inn}  ${a.name}\n`);
      process.stdout.write("Остановить: Ctrl+C\n");
      await new Promise<void>((done) => {
        const stop = () => done();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await Promise.all([web.close(), busgov.close()]);
    });
}

function compareWithExpected(
  run: { sites: { url: string; findings: { rule: string; status: string }[] }[] },
  sites: { url: string; id: string; expected: Record<string, string> }[],
): string[] {
  const misses: string[] = [];
  for (const s of sites) {
    const got = run.sites.find((r) => r.url === s.url);
    for (const [rule, want] of Object.entries(s.expected)) {
      const status = got?.findings.find((f) => f.rule === rule)?.status ?? "—";
      if (status !== want) misses.push(`  ${s.id} ${rule}: ожидалось ${want}, получено ${status}`);
    }
  }
  return misses;
}

import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import type { Sphere } from "../../types/index.ts";
import { UsageError } from "../../util/errors.ts";
import { SPHERE_NAMES } from "../../util/spheres.ts";
import { splitList } from "../../util/target-url.ts";
import { parsePositiveInt, parseSphere } from "../options.ts";

export function registerRegistry(program: Command): void {
  const registry = program
    .command("registry")
    .description("реестры: сбор из открытых данных и проверка сайтов");
  registry
    .command("import-busgov")
    .description(
      "реестр учреждений из открытых данных bus.gov.ru «Общая информация об учреждениях» (zip с XML, папка или страницы JSON)",
    )
    .argument("<files...>", "архив .zip, файлы .xml/.json или папка с ними")
    .option("--region <code...>", "только эти субъекты (коды или названия)")
    .option("--sphere <sphere...>", "только эти сферы: social | health | culture | education")
    .option("--out <file>", "куда записать реестр", "registry/institutions.yaml")
    .action(async (files: string[], opts) => {
      const { importBusgov, loadRegions, resolveRegionCodes } = await import("../../index.ts");
      const regions = resolveRegionCodes(splitList(opts.region), loadRegions());
      const spheres: Sphere[] = splitList(opts.sphere).map(parseSphere);
      const out = resolve(opts.out);
      let shown = 0;
      const summary = await importBusgov({
        inputs: files.map((f) => resolve(f)),
        out,
        regions,
        spheres,
        onIssue: (i) => {
          // Every problem goes to stderr as met; a flood is cut after 200 lines (the count stays exact).
          if (++shown > 200) return;
          const where = i.line === null ? "" : i.item ? `, запись ${i.line}` : `:${i.line}`;
          process.stderr.write(`${i.file}${where}: ${i.message}\n`);
          if (shown === 200) process.stderr.write("… дальше ошибки не выводятся (их число — в итоге)\n");
        },
        onProgress: (n) => process.stderr.write(`прочитано позиций: ${n}\n`),
        progressEvery: 50_000,
      });
      const bySphere = Object.entries(summary.bySphere)
        .map(([s, n]) => `${SPHERE_NAMES[s as Sphere] ?? s} ${n}`)
        .join(", ");
      const outside = summary.skipped.outside + summary.skipped.ambiguous + summary.skipped.none;
      process.stdout.write(
        `${[
          `Реестр записан: ${summary.out}`,
          `Прочитано позиций: ${summary.positions} (файлов: ${summary.sources})`,
          `Учреждений в реестре: с сайтом — ${summary.withSite}, без сайта — ${summary.withoutSite} (список withoutSite)`,
          `По сферам: ${bySphere || "—"}`,
          `Не вошли: вне четырёх сфер ${outside} (из них неоднозначных ${summary.skipped.ambiguous}), по фильтрам ${summary.skipped.filtered}, повторов ${summary.duplicates}`,
          `Ошибок: ${summary.errors}`,
        ].join("\n")}\n`,
      );
      if (summary.positions === 0 && summary.errors > 0) process.exitCode = 2;
    });
  registerVerify(registry);
}

function registerVerify(registry: Command): void {
  registry
    .command("verify")
    .description(
      "проверить сайты реестра: доступность, переезд на другой адрес, сертификат TLS; записать отчёт",
    )
    .argument("[file]", "файл реестра", "registry/authorities.yaml")
    .option("--out <dir>", "папка для отчёта", "reports/registry-verify")
    .option("--concurrency <n>", "сколько сайтов проверять одновременно", parsePositiveInt, 8)
    .option("--timeout <ms>", "время ожидания ответа, мс", parsePositiveInt, 15_000)
    .option("--ca <file...>", "дополнительные корневые сертификаты (PEM), например Russian Trusted Root CA")
    .action(async (file: string, opts) => {
      const { verifyRegistry } = await import("../../index.ts");
      const extraCa: string[] = [];
      for (const f of splitList(opts.ca)) {
        try {
          extraCa.push(await readFile(resolve(f), "utf8"));
        } catch {
          throw new UsageError(`не удалось прочитать сертификат ${f}`);
        }
      }
      const result = await verifyRegistry({
        file: resolve(file),
        outDir: resolve(opts.out),
        concurrency: opts.concurrency,
        timeoutMs: opts.timeout,
        ...(extraCa.length ? { extraCa } : {}),
        onProgress: (done, total) => {
          if (done === total || done % 25 === 0) process.stderr.write(`проверено ${done} из ${total}\n`);
        },
      });
      for (const e of result.registryErrors)
        process.stderr.write(`${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}\n`);
      const b = result.byVerdict;
      process.stdout.write(
        `Проверено сайтов: ${result.checked}: доступны ${b.ok + b.redirected}, переехали ${b.moved}, ошибка HTTP ${b["http-error"]}, ошибка TLS ${b.tls}, недоступны ${b.unreachable}.\nОтчёт: ${result.reportPaths.join(", ")}\n`,
      );
      if (result.checked === 0) throw new UsageError(`в файле ${file} нет сайтов для проверки`);
      if (result.checked > b.ok + b.redirected) process.exitCode = 1;
    });
}

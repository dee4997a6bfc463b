import type { Command } from "commander";
import { STATUS_NAMES } from "../../findings/sphere-names.ts";
import type { Dispute } from "../../index.ts";
import { UsageError } from "../../util/errors.ts";

export function registerDispute(program: Command): void {
  const dispute = program
    .command("dispute")
    .description(
      "споры по вердиктам: повторная проверка сайта с указанной страницы; вердикт вручную не меняется",
    );
  dispute
    .command("add")
    .description("оспорить вердикт: сайт проверяется заново, начиная с адреса --url")
    .argument("<run-id>", "прогон с оспариваемым вердиктом (или latest)")
    .argument("<site-url>", "сайт, как он назван в прогоне")
    .argument("<rule>", "правило, например authority/nok-section")
    .requiredOption("--url <evidence-url>", "страница или документ, где размещены сведения")
    .requiredOption("--comment <text>", "что и где размещено")
    .option("--by <who>", "кто оспаривает (ФИО, орган, e-mail)")
    .addHelpText(
      "after",
      "\nСпор закрывается как «подтверждено», если при повторной проверке правило выполнено (с новыми доказательствами),\nиначе остаётся открытым с причиной. История споров — в .nok/disputes.json (lowdb), в отчёте субъекта и на панели.",
    )
    .action(async (ref: string, siteUrl: string, rule: string, opts) => {
      const { defaultDataDir, loadStoredRun, openDispute, openDisputes, recheckWithSeed } = await import(
        "../../index.ts"
      );
      const run = await loadStoredRun(ref);
      process.stderr.write(`Повторная проверка ${siteUrl} с адреса ${opts.url}…\n`);
      const d = await openDispute(
        run,
        {
          site: siteUrl,
          rule,
          evidenceUrl: opts.url,
          comment: opts.comment,
          ...(opts.by ? { by: opts.by } : {}),
        },
        openDisputes(defaultDataDir()),
        recheckWithSeed({ warn: (m) => process.stderr.write(`внимание: ${m}\n`) }),
      );
      process.stdout.write(`${describe(d)}\n`);
    });
  dispute
    .command("list")
    .description("список споров")
    .option("--run <run-id>", "только по этому прогону")
    .option("--region <code>", "только этого субъекта")
    .option("--status <status>", "open (открыт) или confirmed (подтверждено)")
    .option("--json", "вывести JSON")
    .action(async (opts) => {
      const { defaultDataDir, openDisputes } = await import("../../index.ts");
      if (opts.status !== undefined && opts.status !== "open" && opts.status !== "confirmed")
        throw new UsageError(`--status: open или confirmed, получено «${opts.status}»`);
      const list = await openDisputes(defaultDataDir()).list({
        ...(opts.run ? { runId: opts.run } : {}),
        ...(opts.region ? { region: opts.region } : {}),
        ...(opts.status ? { status: opts.status } : {}),
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else process.stdout.write(list.length ? `${list.map(describe).join("\n\n")}\n` : "Споров нет.\n");
    });
  dispute
    .command("resolve")
    .description(
      "проверить открытый спор ещё раз (сайт могли исправить); закрывается только по результату проверки",
    )
    .argument("<id>", "номер спора")
    .option("--by <who>", "кто запросил повторную проверку")
    .action(async (id: string, opts) => {
      const { defaultDataDir, loadStoredRun, openDisputes, recheckDispute, recheckWithSeed } = await import(
        "../../index.ts"
      );
      const store = openDisputes(defaultDataDir());
      const found = await store.get(id);
      if (!found) throw new UsageError(`спор ${id} не найден (${store.path})`);
      if (found.status === "confirmed") {
        process.stdout.write(`${describe(found)}\n`);
        return;
      }
      const run = await loadStoredRun(found.runId);
      process.stderr.write(`Повторная проверка ${found.site} с адреса ${found.evidenceUrl}…\n`);
      const d = await recheckDispute(
        found,
        run,
        store,
        recheckWithSeed({ warn: (m) => process.stderr.write(`внимание: ${m}\n`) }),
        opts.by,
      );
      process.stdout.write(`${describe(d)}\n`);
    });
}

function describe(d: Dispute): string {
  const status = d.status === "confirmed" ? "подтверждено" : "открыт";
  return [
    `Спор № ${d.id} (${status}): ${d.site} — ${d.rule}; прогон ${d.runId}, вердикт прогона «${STATUS_NAMES[d.verdict]}»`,
    `  оспорил: ${d.by}, ${d.createdAt}; страница: ${d.evidenceUrl}; комментарий: ${d.comment}`,
    `  ${d.reason}`,
  ].join("\n");
}

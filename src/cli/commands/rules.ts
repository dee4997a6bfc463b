import type { Command } from "commander";
import { UsageError } from "../../util/errors.ts";

export function registerRules(program: Command): void {
  const rules = program.command("rules").description("каталог правил");
  rules
    .command("list")
    .description("список правил")
    .option("--json", "в формате JSON")
    .action(async (opts) => {
      const { listRules } = await import("../../index.ts");
      const list = listRules();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        return;
      }
      const width = Math.max(...list.map((r) => r.id.length));
      for (const r of list) process.stdout.write(`${r.id.padEnd(width)}  ${r.title}\n`);
    });
  rules
    .command("explain")
    .description("подробно о правиле")
    .argument("<id>", "идентификатор правила, например authority/council-regulation")
    .action(async (id: string) => {
      const { explainRule } = await import("../../index.ts");
      process.stdout.write(`${explainRule(id)}\n`);
    });
  rules
    .command("validate")
    .description("проверить файлы правил (схема, параметры, примеры)")
    .argument("[files...]", "файлы YAML (по умолчанию все в rules/)")
    .action(async (files: string[]) => {
      const { validateRuleFiles } = await import("../../index.ts");
      const errors = validateRuleFiles(files.length > 0 ? files : undefined);
      if (errors.length === 0) {
        process.stdout.write("Ошибок не найдено.\n");
        return;
      }
      throw new UsageError(
        `найдены ошибки (${errors.length}):\n${errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`).join("\n")}`,
      );
    });
}

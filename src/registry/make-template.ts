/** Regenerate registry/template.{xlsx,csv,yaml}: `npx tsx src/registry/make-template.ts [outDir]`. */
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadRegions } from "./regions.ts";
import { templateCsv, templateYaml, writeTemplateXlsx } from "./template.ts";

export async function makeTemplates(outDir: string): Promise<string[]> {
  const files = ["template.xlsx", "template.csv", "template.yaml"].map((f) => join(outDir, f));
  const [xlsx, csv, yaml] = files as [string, string, string];
  await writeTemplateXlsx(xlsx, loadRegions());
  await writeFile(csv, templateCsv(), "utf8");
  await writeFile(yaml, templateYaml(), "utf8");
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? fileURLToPath(new URL("../../registry/", import.meta.url)));
  for (const file of await makeTemplates(outDir)) console.log(file);
}

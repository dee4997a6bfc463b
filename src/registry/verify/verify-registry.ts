/**
 * `nok registry verify [FILE]`: checks every site of a registry file (reachable, moved to another host, TLS)
 * and writes a report (Markdown for people, JSON for scripts). Sites are checked a few at a time; the
 * report keeps the registry's order.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadRegistry } from "../load.ts";
import type { RegistryIssue } from "../schema.ts";
import { checkSite, createVerifyAgent, type SiteCheck, type SiteVerdict } from "./check-site.ts";

export interface VerifyOptions {
  file: string;
  outDir: string;
  concurrency?: number;
  timeoutMs?: number;
  extraCa?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface VerifyRow extends SiteCheck {
  region: string;
  sphere: string;
  name: string;
}

export interface VerifyResult {
  file: string;
  checked: number;
  byVerdict: Record<SiteVerdict, number>;
  rows: VerifyRow[];
  registryErrors: RegistryIssue[];
  reportPaths: string[];
}

const LABELS: Record<SiteVerdict, string> = {
  ok: "доступен",
  redirected: "доступен (переадресация в пределах сайта)",
  moved: "переехал на другой адрес",
  "http-error": "отвечает ошибкой",
  tls: "ошибка сертификата TLS",
  unreachable: "недоступен",
};

export async function verifyRegistry(o: VerifyOptions): Promise<VerifyResult> {
  const { sites, errors } = await loadRegistry([o.file]);
  const agent = createVerifyAgent({
    timeoutMs: o.timeoutMs ?? 15_000,
    ...(o.extraCa ? { extraCa: o.extraCa } : {}),
  });
  const rows: VerifyRow[] = new Array(sites.length);
  let next = 0;
  let done = 0;
  try {
    const worker = async () => {
      while (next < sites.length) {
        const i = next++;
        const s = sites[i]!;
        rows[i] = { region: s.region, sphere: s.sphere, name: s.name, ...(await checkSite(s.url, agent)) };
        o.onProgress?.(++done, sites.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(o.concurrency ?? 8, sites.length) }, worker));
  } finally {
    await agent.close();
  }
  const byVerdict = { ok: 0, redirected: 0, moved: 0, "http-error": 0, tls: 0, unreachable: 0 };
  for (const r of rows) byVerdict[r.verdict]++;
  await mkdir(o.outDir, { recursive: true });
  const md = join(o.outDir, "registry-verify.md");
  const json = join(o.outDir, "registry-verify.json");
  const result: VerifyResult = {
    file: o.file,
    checked: rows.length,
    byVerdict,
    rows,
    registryErrors: errors,
    reportPaths: [md, json],
  };
  await writeFile(json, `${JSON.stringify({ ...result, checkedAt: new Date().toISOString() }, null, 2)}\n`);
  await writeFile(md, markdown(result));
  return result;
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function markdown(r: VerifyResult): string {
  const lines = [
    `# Проверка сайтов реестра ${r.file}`,
    "",
    `Проверено сайтов: ${r.checked}. ${(Object.keys(LABELS) as SiteVerdict[]).map((v) => `${LABELS[v]} — ${r.byVerdict[v]}`).join("; ")}.`,
    "",
  ];
  const problems = r.rows.filter((x) => x.verdict !== "ok" && x.verdict !== "redirected");
  if (problems.length > 0) {
    lines.push(
      "## Требуют внимания",
      "",
      "| Регион | Сфера | Наименование | Адрес | Итог | Подробности |",
      "|---|---|---|---|---|---|",
    );
    for (const x of problems)
      lines.push(
        `| ${x.region} | ${x.sphere} | ${cell(x.name)} | ${x.url} | ${LABELS[x.verdict]} | ${cell(x.problem ?? "")} |`,
      );
    lines.push("");
  }
  if (r.registryErrors.length > 0) {
    lines.push("## Ошибки в файле реестра", "");
    for (const e of r.registryErrors) lines.push(`- ${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
    lines.push("");
  }
  lines.push(
    "## Все сайты",
    "",
    "| Регион | Сфера | Адрес | Итог | Конечный адрес |",
    "|---|---|---|---|---|",
  );
  for (const x of r.rows)
    lines.push(`| ${x.region} | ${x.sphere} | ${x.url} | ${LABELS[x.verdict]} | ${x.finalUrl} |`);
  return `${lines.join("\n")}\n`;
}

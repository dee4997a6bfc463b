/** Writes a run's reports into a directory, each file atomically (temp file + rename). */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { RunResult } from "../types/result.ts";
import { writeAtomic } from "../util/fs.ts";
import { renderCsv } from "./csv.ts";
import { type HtmlOptions, renderHtml } from "./html.ts";
import { renderMarkdown } from "./markdown.ts";
import { renderXlsx } from "./xlsx.ts";

export type ReportFormat = "html" | "md" | "json" | "xlsx" | "csv";

export const REPORT_FORMATS: readonly ReportFormat[] = ["html", "md", "json", "xlsx", "csv"];

export const REPORT_FILES: Readonly<Record<ReportFormat, string>> = {
  json: "result.json",
  md: "report.md",
  html: "report.html",
  xlsx: "report.xlsx",
  csv: "findings.csv",
};

const ALIASES: Record<string, ReportFormat> = { markdown: "md", htm: "html", excel: "xlsx" };

/** "html,md xlsx" → ["html", "md", "xlsx"]; "all" → every format. Throws on unknown names (Russian and English). */
export function parseFormats(list: string): ReportFormat[] {
  const names = list
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) {
    throw new Error(
      `Не указан ни один формат отчёта; допустимые: ${REPORT_FORMATS.join(", ")} (no report format given; allowed: ${REPORT_FORMATS.join(", ")})`,
    );
  }
  const out: ReportFormat[] = [];
  for (const name of names) {
    const formats: ReportFormat[] =
      name === "all"
        ? [...REPORT_FORMATS]
        : (REPORT_FORMATS as readonly string[]).includes(name)
          ? [name as ReportFormat]
          : ALIASES[name]
            ? [ALIASES[name]]
            : [];
    if (formats.length === 0) {
      throw new Error(
        `Неизвестный формат отчёта «${name}»; допустимые: ${REPORT_FORMATS.join(", ")} (unknown report format "${name}"; allowed: ${REPORT_FORMATS.join(", ")})`,
      );
    }
    for (const f of formats) if (!out.includes(f)) out.push(f);
  }
  return out;
}

export async function renderReport(
  run: RunResult,
  format: ReportFormat,
  html: HtmlOptions = {},
): Promise<string | Uint8Array> {
  switch (format) {
    case "json":
      return `${JSON.stringify(run, null, 2)}\n`;
    case "md":
      return renderMarkdown(run);
    case "html":
      return renderHtml(run, html);
    case "csv":
      return renderCsv(run);
    case "xlsx":
      return renderXlsx(run);
  }
}

export async function writeReports(
  run: RunResult,
  dir: string,
  formats: ReportFormat[],
  /** The HTML report's extras: history for trends, disputes. */
  html: HtmlOptions = {},
): Promise<{ format: ReportFormat; path: string }[]> {
  await mkdir(dir, { recursive: true });
  const written: { format: ReportFormat; path: string }[] = [];
  for (const format of [...new Set(formats)]) {
    const path = join(dir, REPORT_FILES[format]);
    await writeAtomic(path, await renderReport(run, format, html));
    written.push({ format, path });
  }
  return written;
}

/** findings.csv: one row per finding, RFC 4180 quoting, UTF-8 with BOM so that Excel opens Russian text correctly. */
import { SPHERE_NAMES } from "../findings/sphere-names.ts";
import type { RunResult } from "../types/result.ts";
import { findingTitle, KIND_LABELS, STATUS_STYLES } from "./labels.ts";
import { buildModel } from "./model.ts";

export interface CsvOptions {
  /**
   * Field separator. Default ";": Excel with Russian regional settings splits columns on ";" (the comma is the
   * decimal separator there), so a comma file would open as one column. Quoting follows RFC 4180 either way.
   */
  delimiter?: "," | ";" | "\t";
  /** Prefix a BOM (default true). */
  bom?: boolean;
}

export const CSV_HEADER = [
  "Запуск",
  "Код региона",
  "Регион",
  "Сфера",
  "Тип сайта",
  "Сайт",
  "Правило",
  "Статус",
  "Заголовок",
  "Пояснение",
  "Подтверждение (ссылка)",
  "Фрагмент",
] as const;

/** RFC 4180: quote when the field holds the separator, a quote, CR or LF; double inner quotes. */
export function csvField(value: unknown, delimiter = ";"): string {
  let s = String(value ?? "");
  // Text from crawled pages must not run as a spreadsheet formula (CSV injection).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(run: RunResult, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ";";
  const model = buildModel(run);
  const line = (cells: readonly unknown[]) => cells.map((c) => csvField(c, delimiter)).join(delimiter);
  const lines = [line(CSV_HEADER)];
  for (const site of run.sites) {
    for (const f of site.findings) {
      const ev = f.evidence[0];
      lines.push(
        line([
          run.runId,
          site.region ?? "",
          site.region === null ? "" : model.regionName(site.region),
          site.sphere ? SPHERE_NAMES[site.sphere] : "",
          KIND_LABELS[site.kind],
          site.url,
          f.rule,
          STATUS_STYLES[f.status].label,
          findingTitle(run, f),
          f.message,
          ev?.url ?? "",
          ev?.excerpt ?? "",
        ]),
      );
    }
  }
  // CRLF line ends as RFC 4180 asks.
  return `${options.bom === false ? "" : "\uFEFF"}${lines.join("\r\n")}\r\n`;
}

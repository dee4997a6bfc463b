/** CSV reader: encoding and delimiter detected, Russian or English headers, rows numbered as Excel shows them. */
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { decodeText } from "./decode.ts";
import type { ReadResult } from "./raw-row.ts";
import { type GridRow, gridToRows, headerScore } from "./table.ts";

const DELIMITERS = [";", ",", "\t", "|"] as const;

/** The delimiter that splits the header line into the most cells (quotes respected). */
export function detectDelimiter(line: string): string {
  let best: string = ";";
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === delimiter && !quoted) count++;
    }
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** Split off Excel's optional first line "sep=;" and return the delimiter and the rest. */
function delimiterOf(text: string): { delimiter: string; body: string; skippedLines: number } {
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep?.[1]) return { delimiter: sep[1], body: text.slice(sep[0].length), skippedLines: 1 };
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  return { delimiter: detectDelimiter(firstLine), body: text, skippedLines: 0 };
}

function firstCells(text: string): { text: string }[] {
  const { delimiter, body } = delimiterOf(text);
  const lines = body
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 10);
  // The header may sit under a title line: the best-scoring of the first lines decides.
  return lines
    .map((l) => l.split(delimiter).map((t) => ({ text: t.replace(/^"|"$/g, "").trim() })))
    .reduce(
      (best, cells) => (headerScore(cells) > headerScore(best) ? cells : best),
      [] as { text: string }[],
    );
}

export function parseCsv(bytes: Uint8Array, file: string): ReadResult {
  const decoded = decodeText(bytes, (candidate) => headerScore(firstCells(candidate)) >= 2);
  // One line ending, so that counting "\n" in each record's raw text gives true line numbers.
  const text = decoded.text.replace(/\r\n?/g, "\n");
  const { delimiter, body, skippedLines } = delimiterOf(text);
  const records = parse(body, {
    delimiter,
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as unknown as { record: string[]; raw: string }[];
  const grid: GridRow[] = [];
  let line = 1 + skippedLines;
  records.forEach(({ record, raw }, index) => {
    grid.push({
      row: index + 1,
      line,
      cells: record.map((t) => ({ text: t.replace(/\u00a0/g, " ").trim() })),
    });
    line += (raw.match(/\n/g) ?? []).length;
  });
  return gridToRows(grid, { file });
}

export async function readCsv(file: string): Promise<ReadResult> {
  return parseCsv(await readFile(file), file);
}

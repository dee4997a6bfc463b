/** Turn a grid of cells (from CSV or XLSX) into raw rows: find the header row, map columns to fields. */
import { FIELD_TITLES, type Field, fieldForHeader, REQUIRED_FIELDS } from "./fields.ts";
import type { RawCell, ReadResult } from "./raw-row.ts";
import type { RegistryIssue } from "./schema.ts";

export interface GridCell {
  text: string;
  numeric?: boolean;
  hyperlink?: string;
}

export interface GridRow {
  /** Spreadsheet row number (header = its own number, usually 1). */
  row: number;
  /** Line in a text file, null for XLSX. */
  line: number | null;
  cells: GridCell[];
}

export interface GridOptions {
  file: string;
  /** Column label shown in messages, from the header text and the 0-based column index. */
  columnLabel?: (header: string, index: number) => string;
}

// A title row or a note may sit above the header; look a few rows down for it.
const HEADER_SEARCH_ROWS = 10;

/** Number of recognised columns in a candidate header row (readers use it to pick an encoding). */
export function headerScore(cells: readonly GridCell[]): number {
  return new Set(cells.map((c) => fieldForHeader(c.text)).filter(Boolean)).size;
}

export function gridToRows(grid: readonly GridRow[], options: GridOptions): ReadResult {
  const { file } = options;
  const label = options.columnLabel ?? ((header: string) => header);
  const issues: RegistryIssue[] = [];
  const nonEmpty = grid.filter((r) => r.cells.some((c) => c.text !== ""));
  const header = nonEmpty.slice(0, HEADER_SEARCH_ROWS).find((r) => headerScore(r.cells) >= 2);
  if (!header) {
    const titles = REQUIRED_FIELDS.map((f) => `«${FIELD_TITLES[f]}»`).join(", ");
    issues.push({
      file,
      line: null,
      row: null,
      message: `Не найдена строка заголовков: нужны столбцы ${titles} (см. шаблон registry/template.xlsx)`,
      severity: "error",
    });
    return { rows: [], issues };
  }

  const columns = new Map<number, { field: Field; label: string }>();
  const taken = new Map<Field, string>();
  header.cells.forEach((cell, index) => {
    if (cell.text === "") return;
    const field = fieldForHeader(cell.text);
    const where = label(cell.text, index);
    const base = { file, line: header.line, row: header.row, column: where, severity: "warning" as const };
    if (!field) {
      issues.push({ ...base, message: `Неизвестный столбец «${cell.text}» — пропущен` });
    } else if (taken.has(field)) {
      issues.push({
        ...base,
        message: `Столбец «${cell.text}» повторяет столбец «${taken.get(field)}» — пропущен`,
      });
    } else {
      taken.set(field, cell.text);
      columns.set(index, { field, label: where });
    }
  });
  const missing = REQUIRED_FIELDS.filter((f) => !taken.has(f));
  if (missing.length > 0) {
    issues.push({
      file,
      line: header.line,
      row: header.row,
      message: `Нет обязательных столбцов: ${missing.map((f) => `«${FIELD_TITLES[f]}»`).join(", ")}`,
      severity: "error",
    });
    return { rows: [], issues };
  }

  const rows = nonEmpty
    .filter((r) => r.row > header.row)
    .map((r) => {
      const cells: Partial<Record<Field, RawCell>> = {};
      for (const [index, { field, label: column }] of columns) {
        const cell = r.cells[index];
        if (!cell || (cell.text === "" && !cell.hyperlink)) continue;
        cells[field] = {
          text: cell.text,
          numeric: cell.numeric ?? false,
          column,
          line: r.line,
          ...(cell.hyperlink ? { hyperlink: cell.hyperlink } : {}),
        };
      }
      return { file, row: r.row, line: r.line, cells };
    })
    // A row with cells only in unknown columns (a note, a total) carries nothing to check.
    .filter((r) => Object.keys(r.cells).length > 0);
  return { rows, issues };
}

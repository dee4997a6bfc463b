/** What every file reader hands to validation: one row's cells by field, with where they came from. */
import type { Field } from "./fields.ts";
import type { RegistryIssue } from "./schema.ts";

export interface RawCell {
  /** The cell as text, trimmed. */
  text: string;
  /** The file stored a number (Excel drops leading zeros of such cells: INN 0105…, region 01). */
  numeric: boolean;
  /** Column title as written in the file (XLSX adds the letter), or the YAML key. */
  column: string;
  /** Line of this value in a text file, when known. */
  line: number | null;
  /** Target of an Excel hyperlink cell. */
  hyperlink?: string;
}

export interface RawRow {
  file: string;
  row: number | null;
  line: number | null;
  cells: Partial<Record<Field, RawCell>>;
}

/** What a reader returns: rows to validate plus file-level problems (bad header, unknown columns…). */
export interface ReadResult {
  rows: RawRow[];
  issues: RegistryIssue[];
}

/** "a.csv, строка 5": a row as a person finds it (spreadsheet row, else text line). */
export function placeOf(p: { file: string; row: number | null; line: number | null }, yaml = false): string {
  const n = yaml ? (p.line ?? p.row) : (p.row ?? p.line);
  return n === null ? p.file : `${p.file}, строка ${n}`;
}

/** XLSX reader (exceljs): the sheet «Сайты»/«sites» or the first one; numbers, rich text, hyperlinks, formulas. */
import ExcelJS from "exceljs";
import { normalizeText } from "../extract/russian/index.ts";
import type { ReadResult } from "./raw-row.ts";
import { type GridCell, type GridRow, gridToRows } from "./table.ts";

const SHEET_NAMES = ["сайты", "sites"];

function textOf(value: ExcelJS.CellValue): GridCell {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "number") return { text: String(value), numeric: true };
  if (typeof value === "string") return { text: value };
  if (typeof value === "boolean") return { text: value ? "да" : "нет" };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ("richText" in value) return { text: value.richText.map((r) => r.text).join("") };
  if ("hyperlink" in value) {
    const inner = textOf(value.text as ExcelJS.CellValue);
    return { text: inner.text, hyperlink: value.hyperlink.replace(/^mailto:.*/i, "") || undefined };
  }
  if ("result" in value) return textOf(value.result as ExcelJS.CellValue);
  return { text: "" }; // error values (#N/A…) and formulas never calculated
}

function clean(cell: GridCell): GridCell {
  return { ...cell, text: cell.text.replace(/\u00a0/g, " ").trim() };
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function pickSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const sheets = workbook.worksheets;
  return sheets.find((s) => SHEET_NAMES.includes(normalizeText(s.name))) ?? sheets[0];
}

export async function readXlsx(file: string): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = pickSheet(workbook);
  if (!sheet) {
    return {
      rows: [],
      issues: [{ file, line: null, row: null, message: "В книге нет ни одного листа", severity: "error" }],
    };
  }
  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: GridCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(clean(textOf(row.getCell(c).value)));
    grid.push({ row: rowNumber, line: null, cells });
  });
  return gridToRows(grid, { file, columnLabel: (header, index) => `${header} (${columnLetter(index)})` });
}

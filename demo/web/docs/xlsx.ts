/** DocBody → XLSX (exceljs) and legacy XLS (SheetJS BIFF8): the formats ratings and lists come in. */
import ExcelJS from "exceljs";
import XLSX from "xlsx";
import type { DocBody } from "./body.ts";

/** Rows of a sheet: title lines, then each block (tables keep their columns). */
function sheetRows(body: DocBody): { rows: string[][]; headerRows: Set<number> } {
  const rows: string[][] = [];
  const headerRows = new Set<number>();
  for (const line of body.stamp ?? []) rows.push([line]);
  rows.push([body.subtitle ? `${body.title} ${body.subtitle}` : body.title]);
  rows.push([]);
  for (const b of body.blocks) {
    if (b.t === "h" || b.t === "p") rows.push([b.text]);
    else if (b.t === "list") for (const item of b.items) rows.push([item]);
    else {
      headerRows.add(rows.length);
      rows.push(b.head);
      for (const r of b.rows) rows.push(r.map((c) => c));
    }
  }
  return { rows, headerRows };
}

/** Numbers stay numbers in spreadsheets (scores are summed and sorted by those who open them). */
const cellValue = (c: string): string | number =>
  /^\d+([.,]\d+)?$/.test(c) ? Number(c.replace(",", ".")) : c;

export async function renderXlsx(body: DocBody, date: string, sheetName = "Лист1"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "";
  wb.created = new Date(`${date}T09:00:00Z`);
  wb.modified = wb.created;
  const ws = wb.addWorksheet(sheetName);
  const { rows, headerRows } = sheetRows(body);
  rows.forEach((r, i) => {
    const row = ws.addRow(r.map(cellValue));
    if (headerRows.has(i)) row.font = { bold: true };
  });
  ws.getColumn(2).width = 60;
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export function renderXls(body: DocBody, sheetName = "Лист1"): Buffer {
  const { rows } = sheetRows(body);
  const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map(cellValue)));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheetName);
  return XLSX.write(wb, { type: "buffer", bookType: "biff8" }) as Buffer;
}

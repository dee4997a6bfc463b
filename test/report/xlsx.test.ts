import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { STATUS_STYLES } from "../../src/report/labels.ts";
import { renderXlsx, SHEET_NAMES } from "../../src/report/xlsx.ts";
import { checkRun, nationalRun } from "./fixtures.ts";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.fgColor?.argb;
}

describe("renderXlsx", () => {
  it("writes the five sheets with frozen headers and autofilters", async () => {
    const wb = await load(await renderXlsx(nationalRun()));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Сводка",
      "Регионы × правила",
      "Нарушения",
      "Изменения",
      "Сайты",
    ]);
    for (const name of [SHEET_NAMES.matrix, SHEET_NAMES.findings, SHEET_NAMES.changes, SHEET_NAMES.sites]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
    }
  });

  it("colours matrix cells by status", async () => {
    const wb = await load(await renderXlsx(nationalRun()));
    const ws = wb.getWorksheet(SHEET_NAMES.matrix)!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf("Общественному совету переданы полномочия по НОК");
    expect(col).toBeGreaterThan(4);
    // Row 2: Калмыкия, health (ministry order) — fails the powers rule.
    const row = ws.getRow(2);
    expect(row.getCell(2).value).toBe("Республика Калмыкия");
    expect(row.getCell(3).value).toBe("здравоохранение");
    expect(row.getCell(col).value).toBe("не соответствует");
    expect(fillOf(row.getCell(col))).toBe(STATUS_STYLES.fail.argb);
    expect(fillOf(row.getCell(col - 1))).toBe(STATUS_STYLES.pass.argb);
    // 5 regions × 4 spheres with authority sites.
    expect(ws.rowCount).toBe(1 + 5 * 4);
  });

  it("lists problems with evidence hyperlinks and the diff", async () => {
    const run = checkRun();
    const wb = await load(await renderXlsx(run));
    const ws = wb.getWorksheet(SHEET_NAMES.findings)!;
    // fail ×2, warn ×1, unknown ×1
    expect(ws.rowCount).toBe(5);
    const warn = [2, 3, 4, 5].map((r) => ws.getRow(r)).find((r) => r.getCell(7).value === "частично")!;
    expect(fillOf(warn.getCell(7))).toBe(STATUS_STYLES.warn.argb);
    expect(warn.getCell(9).value).toMatchObject({ hyperlink: "https://example.ru/nok/council-minutes" });

    const national = await load(await renderXlsx(nationalRun()));
    const changes = national.getWorksheet(SHEET_NAMES.changes)!;
    expect(changes.getRow(2).getCell(8).value).toBe("новое нарушение");
    expect(changes.getRow(3).getCell(8).value).toBe("устранено");
  });

  it("summarises regions per rule and sphere with the failing regions", async () => {
    const wb = await load(await renderXlsx(nationalRun()));
    const ws = wb.getWorksheet(SHEET_NAMES.summary)!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const powersHealth = rows.find(
      (r) => r[0] === "Общественному совету переданы полномочия по НОК" && r[1] === "здравоохранение",
    );
    expect(powersHealth).toEqual([
      "Общественному совету переданы полномочия по НОК",
      "здравоохранение",
      1,
      0,
      2,
      1,
      0,
      "Республика Калмыкия, Республика Мордовия",
    ]);
    const sites = wb.getWorksheet(SHEET_NAMES.sites)!;
    expect(sites.rowCount).toBe(1 + nationalRun().sites.length);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistry, type RegistryIssue, type RegistrySite } from "../../src/registry/index.ts";

const tmp = mkdtempSync(join(tmpdir(), "nok-reg-xlsx-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("XLSX registry", () => {
  const file = join(tmp, "sites.xlsx");
  let sites: RegistrySite[];
  let errors: RegistryIssue[];

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    // A notes sheet first: the loader must pick the sheet named «Сайты».
    wb.addWorksheet("Примечания").addRow(["Регион", "Сфера", "Сайт"]);
    const ws = wb.addWorksheet("Сайты");
    ws.addRow(["Код региона", "Сфера", "Вид", "Наименование", "Сайт/URL", "ИНН", "ID bus.gov.ru"]); // row 1
    ws.addRow([
      1,
      "Социальное обслуживание",
      "учреждение",
      "КЦСОН",
      "https://kcson.example.ru",
      105001234,
      123,
    ]); // row 2
    ws.addRow([
      71,
      "здравоохранение",
      "орган власти",
      { richText: [{ text: "Министерство " }, { text: "здравоохранения", font: { bold: true } }] },
      { text: "Сайт министерства", hyperlink: "https://minzdrav.tularegion.ru/" },
      null,
      null,
    ]); // row 3
    ws.addRow([
      { formula: "70+1", result: 71 },
      "рыбалка",
      "орган власти",
      "Минприроды",
      "https://eco.example.ru",
      null,
      null,
    ]); // row 4
    ws.addRow([]); // row 5 blank
    ws.addRow([
      "Тульская область",
      "culture",
      "institution",
      "Театр",
      "http://theatre.example.ru",
      "7707083894",
      null,
    ]); // row 6
    await wb.xlsx.writeFile(file);
    ({ sites, errors } = await loadRegistry([file]));
  });

  it("loads numbers, rich text, hyperlinks and formulas from the sheet «Сайты»", () => {
    expect(sites).toEqual([
      {
        kind: "institution",
        region: "01",
        sphere: "social",
        name: "КЦСОН",
        url: "https://kcson.example.ru",
        inn: "0105001234",
        busgovId: "123",
      },
      {
        kind: "authority",
        region: "71",
        sphere: "health",
        name: "Министерство здравоохранения",
        url: "https://minzdrav.tularegion.ru/",
      },
    ]);
  });

  it("names the spreadsheet row and the column (title and letter)", () => {
    expect(errors.map((e) => [e.row, e.line, e.column, e.severity])).toEqual([
      [2, null, "ИНН (F)", "warning"], // leading zero restored
      [4, null, "Сфера (B)", "error"],
      [6, null, "ИНН (F)", "error"],
    ]);
    expect(errors[1]?.message).toContain("«рыбалка»");
    for (const e of errors) expect(e.file).toBe(file);
  });

  it("uses the first sheet when none is named «Сайты»", async () => {
    const other = join(tmp, "first.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Лист1");
    ws.addRow(["Реестр (заголовок)"]);
    ws.addRow(["region", "sphere", "kind", "url"]);
    ws.addRow(["93", "education", "authority", "https://minobr.example.ru"]);
    wb.addWorksheet("Лист2").addRow(["x"]);
    await wb.xlsx.writeFile(other);
    const result = await loadRegistry([other]);
    expect(result.errors).toEqual([]);
    expect(result.sites).toEqual([
      expect.objectContaining({ region: "93", sphere: "education", url: "https://minobr.example.ru" }),
    ]);
  });

  it("turns a corrupt workbook into one error naming the file", async () => {
    const broken = join(tmp, "broken.xlsx");
    writeFileSync(broken, "this is not a zip file");
    const result = await loadRegistry([broken]);
    expect(result.sites).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        file: broken,
        row: null,
        line: null,
        severity: "error",
        message: expect.stringMatching(/^Не удалось прочитать файл/),
      }),
    ]);
  });
});

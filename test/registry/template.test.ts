import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadRegistry, TEMPLATE_FIELDS, templateCsv, templateYaml } from "../../src/registry/index.ts";

const dir = fileURLToPath(new URL("../../registry/", import.meta.url));

describe("templates", () => {
  it("committed CSV and YAML match what the generator makes", () => {
    expect(readFileSync(`${dir}template.csv`, "utf8")).toBe(templateCsv());
    expect(readFileSync(`${dir}template.yaml`, "utf8")).toBe(templateYaml());
  });

  it.each(["template.xlsx", "template.csv", "template.yaml"])(
    "%s loads its two examples cleanly",
    async (name) => {
      const { sites, errors } = await loadRegistry([`${dir}${name}`]);
      expect(errors).toEqual([]);
      expect(sites.map((s) => [s.kind, s.region, s.sphere])).toEqual([
        ["authority", "71", "health"],
        ["institution", "71", "social"],
      ]);
    },
  );

  it("the XLSX has drop-down lists, text-formatted ИНН and the regions sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(`${dir}template.xlsx`);
    const sites = wb.getWorksheet("Сайты")!;
    expect(sites.getRow(1).values).toEqual([
      undefined,
      "Вид",
      "Регион",
      "Сфера",
      "Наименование",
      "Сайт",
      "ИНН",
      "ID bus.gov.ru",
    ]);
    expect(TEMPLATE_FIELDS).toHaveLength(7);
    const kind = sites.getCell("A50").dataValidation;
    expect(kind).toMatchObject({ type: "list", formulae: ['"орган власти,учреждение"'] });
    expect(sites.getCell("C50").dataValidation?.formulae?.[0]).toContain("здравоохранение");
    expect(sites.getCell("F2").numFmt).toBe("@");
    expect(wb.getWorksheet("Регионы")!.rowCount).toBe(90);
  });
});

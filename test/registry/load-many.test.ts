import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/registry/index.ts";

const tmp = mkdtempSync(join(tmpdir(), "nok-reg-many-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

const HEAD = "Вид;Регион;Сфера;Наименование;Сайт;ИНН";

describe("duplicates", () => {
  it("keeps one authority per region and sphere and names both rows", async () => {
    const file = write(
      "auth.csv",
      [
        HEAD,
        "орган;71;здравоохранение;Минздрав;https://a.example.ru;",
        "орган;Тульская область;здравоохранение;Минздрав ТО;https://b.example.ru;",
        "орган;71;культура;Минкультуры;https://a.example.ru;",
      ].join("\n"),
    );
    const { sites, errors } = await loadRegistry([file]);
    // One site may serve two spheres: the same URL in another sphere is no duplicate.
    expect(sites.map((s) => s.name)).toEqual(["Минздрав", "Минкультуры"]);
    expect(errors).toEqual([
      expect.objectContaining({
        file,
        row: 3,
        severity: "error",
        message: `Повтор: орган власти региона 71 в сфере «здравоохранение» — уже в ${file}, строка 2; эта строка пропущена`,
      }),
    ]);
  });

  it("finds institutions with the same site (despite www, scheme, slash) or the same ИНН", async () => {
    const file = write(
      "inst.csv",
      [
        HEAD,
        "учреждение;71;спорт;СШ 1;https://www.ssh1.example.ru/;7107012347", // 2
        "учреждение;71;спорт;СШ 1 (копия);http://ssh1.example.ru;", // 3: same site
        "учреждение;71;спорт;СШ 2;https://ssh2.example.ru;7107012347", // 4: same ИНН
        "учреждение;71;спорт;СШ 3;https://ssh1.example.ru/branch;", // 5: another path is another site
      ].join("\n"),
    );
    const { sites, errors } = await loadRegistry([file]);
    expect(sites.map((s) => s.name)).toEqual(["СШ 1", "СШ 3"]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, "Сайт"],
      [4, "ИНН"],
    ]);
    for (const e of errors) expect(e.message).toContain(`${file}, строка 2`);
  });

  it("checks across files and formats, naming the other file", async () => {
    const yaml = write(
      "a.yaml",
      "sites:\n  - { kind: authority, region: 08, sphere: sport, url: https://s.example.ru }\n",
    );
    const csv = write("b.csv", `${HEAD}\nорган власти;Калмыкия;спорт;Минспорт;https://s2.example.ru;\n`);
    const { sites, errors } = await loadRegistry([yaml, csv]);
    expect(sites).toHaveLength(1);
    expect(errors).toEqual([
      expect.objectContaining({
        file: csv,
        row: 2,
        message: expect.stringContaining(`уже в ${yaml}, строка 2`),
      }),
    ]);
  });
});

describe("several files", () => {
  it("loads the good files when one is missing, unsupported or broken", async () => {
    const good = write("good.csv", `${HEAD}\nорган;71;спорт;Минспорт;https://sport.example.ru;\n`);
    const good2 = write(
      "good.yaml",
      "sites:\n  - { kind: authority, region: 71, sphere: culture, url: https://culture.example.ru }\n",
    );
    const missing = join(tmp, "missing.csv");
    const xls = write("old.xls", "binary");
    const broken = write("broken.xlsx", "not a zip");
    const { sites, errors } = await loadRegistry([missing, good, xls, broken, good2]);
    expect(sites.map((s) => s.url)).toEqual(["https://sport.example.ru", "https://culture.example.ru"]);
    expect(errors.map((e) => [e.file, e.row, e.line])).toEqual([
      [missing, null, null],
      [xls, null, null],
      [broken, null, null],
    ]);
    expect(errors[0]?.message).toContain("файл не найден");
    expect(errors[1]?.message).toContain(".xlsx");
  });

  it("accepts a region list passed in instead of the default", async () => {
    const file = write(
      "custom.csv",
      `${HEAD}\nорган;71;спорт;Минспорт;https://sport.example.ru;\nорган;50;спорт;Минспорт МО;https://mo.example.ru;\n`,
    );
    const { sites, errors } = await loadRegistry(
      [file],
      [{ code: "50", name: "Московская область", short: "Московская обл.", district: "ЦФО" }],
    );
    expect(sites.map((s) => s.region)).toEqual(["50"]);
    expect(errors).toEqual([expect.objectContaining({ row: 2, column: "Регион" })]);
  });
});

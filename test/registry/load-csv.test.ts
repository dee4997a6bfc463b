import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/registry/index.ts";

const tmp = mkdtempSync(join(tmpdir(), "nok-reg-csv-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, bytes: string | Buffer): string {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return file;
}

describe("CSV registry", () => {
  it("reads a windows-1251 ';' file with Russian headers as Excel saves it", async () => {
    const text = [
      "Вид;Код региона;Сфера;Наименование;Сайт;ИНН;ID bus.gov.ru", // row 1
      'орган власти;71;здравоохранение;"Министерство здравоохранения; Тульская область";minzdrav.tularegion.ru;;', // row 2
      'учреждение;Тульская обл.;культура;"Музей ""Ясная""\nПоляна";https://museum.example.ru;7707083894;', // row 3, lines 3-4
      "учреждение;71;образование;Школа № 1;https://school1.example.ru;7107012347;98765", // row 4, line 5
    ].join("\r\n");
    const file = write("cp1251.csv", iconv.encode(text, "win1251"));
    const { sites, errors } = await loadRegistry([file]);

    expect(sites).toEqual([
      {
        kind: "authority",
        region: "71",
        sphere: "health",
        name: "Министерство здравоохранения; Тульская область",
        url: "https://minzdrav.tularegion.ru",
      },
      {
        kind: "institution",
        region: "71",
        sphere: "education",
        name: "Школа № 1",
        url: "https://school1.example.ru",
        inn: "7107012347",
        busgovId: "98765",
      },
    ]);
    expect(errors).toEqual([
      expect.objectContaining({
        file,
        row: 2,
        line: 2,
        column: "Сайт",
        severity: "warning",
        message: "В адресе сайта нет протокола: используется https://minzdrav.tularegion.ru",
      }),
      expect.objectContaining({
        file,
        row: 3,
        line: 3,
        column: "ИНН",
        severity: "error",
        message: expect.stringMatching(/контрольная сумма/),
      }),
    ]);
  });

  it("reads KOI8-R too", async () => {
    const text =
      "Регион;Сфера;Вид;Наименование;Сайт\n08;спорт;орган;Минспорт Калмыкии;https://sport.example.ru\n";
    const { sites, errors } = await loadRegistry([write("koi8.csv", iconv.encode(text, "koi8-r"))]);
    expect(errors).toEqual([]);
    expect(sites[0]).toMatchObject({ region: "08", sphere: "sport", name: "Минспорт Калмыкии" });
  });

  it("reads UTF-8 with BOM, ',' delimiter and English headers", async () => {
    const text =
      '\ufeffregion,sphere,kind,name,url,inn,busgovId\n77,social,institution,"ГБУ ЦСО «Арбат»",https://cso-arbat.example.ru,7707083893,\n';
    const { sites, errors } = await loadRegistry([write("bom.csv", text)]);
    expect(errors).toEqual([]);
    expect(sites).toEqual([
      {
        kind: "institution",
        region: "77",
        sphere: "social",
        name: "ГБУ ЦСО «Арбат»",
        url: "https://cso-arbat.example.ru",
        inn: "7707083893",
      },
    ]);
  });

  it("finds the header under a title line, honours 'sep=', and numbers rows as Excel does", async () => {
    const text = [
      "sep=;", // line 1 (Excel hides it)
      "Реестр сайтов на 2026 год;;", // line 2, row 1
      "Регион;Сфера;Вид;Сайт/URL;Наименование", // row 2
      "", // row 3 (blank)
      "Чувашия;образование;орган;https://minobr.example.ru;", // row 4
      "Атлантида;образование;орган;https://x.example.ru;", // row 5, line 6
    ].join("\n");
    const file = write("title.csv", text);
    const { sites, errors } = await loadRegistry([file]);
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({ region: "21", sphere: "education", kind: "authority" });
    expect(errors).toEqual([
      expect.objectContaining({
        file,
        row: 5,
        line: 6,
        column: "Регион",
        message: expect.stringContaining("«Атлантида»"),
      }),
    ]);
  });

  it("restores the leading zero Excel drops from an ИНН, with a warning", async () => {
    const text =
      "Регион;Сфера;Вид;Наименование;Сайт;ИНН\n01;социальное обслуживание;учреждение;КЦСОН;https://k.example.ru;105001234\n";
    const { sites, errors } = await loadRegistry([write("zero.csv", text)]);
    expect(sites[0]?.inn).toBe("0105001234");
    expect(errors).toEqual([expect.objectContaining({ row: 2, column: "ИНН", severity: "warning" })]);
  });

  it("infers the kind from an ИНН when there is no «Вид» column, and warns", async () => {
    const text =
      "Регион;Сфера;Наименование;Сайт;ИНН;Адрес\n71;спорт;СШОР;https://sshor.example.ru;7107012347;Тула, ул. Ленина, 1\n";
    const file = write("nokind.csv", text);
    const { sites, errors } = await loadRegistry([file]);
    expect(sites[0]).toMatchObject({ kind: "institution", inn: "7107012347" });
    expect(errors.map((e) => [e.row, e.column, e.severity])).toEqual([
      [1, "Адрес", "warning"], // unknown column
      [2, "Вид", "warning"],
    ]);
  });

  it("rejects a file without the required columns as a whole", async () => {
    const file = write("nourl.csv", "Регион;Сфера;Наименование\n71;спорт;Минспорт\n");
    const { sites, errors } = await loadRegistry([file]);
    expect(sites).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({
        file,
        row: 1,
        line: 1,
        severity: "error",
        message: "Нет обязательных столбцов: «Сайт»",
      }),
    ]);
  });

  it("rejects a file with no recognisable header", async () => {
    const file = write("junk.csv", "a;b;c\n1;2;3\n");
    const { errors } = await loadRegistry([file]);
    expect(errors).toEqual([
      expect.objectContaining({
        file,
        row: null,
        message: expect.stringMatching(/^Не найдена строка заголовков/),
      }),
    ]);
  });
});

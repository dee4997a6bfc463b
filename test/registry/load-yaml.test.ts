import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadRegistry } from "../../src/registry/index.ts";

const tmp = mkdtempSync(join(tmpdir(), "nok-reg-yaml-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

describe("YAML registry", () => {
  it("loads English and Russian values and keeps leading zeros of unquoted numbers", async () => {
    const file = write(
      "ok.yaml",
      [
        "sites:",
        "  - kind: authority",
        "    region: 71",
        "    sphere: health",
        "    name: Министерство здравоохранения Тульской области",
        "    url: https://minzdrav.tularegion.ru",
        "    render: auto",
        "  - kind: учреждение",
        "    region: 01", // YAML reads 1; the source text keeps "01"
        "    sphere: Социальное обслуживание",
        "    name: КЦСОН",
        "    url: http://kcson.adygea.example/",
        "    inn: 0105001234", // would become 105001234 as a number
        "    busgovId: 4567",
        "",
      ].join("\n"),
    );
    const { sites, errors } = await loadRegistry([file]);
    expect(errors).toEqual([]);
    expect(sites).toEqual([
      {
        kind: "authority",
        region: "71",
        sphere: "health",
        name: "Министерство здравоохранения Тульской области",
        url: "https://minzdrav.tularegion.ru",
        render: "auto",
      },
      {
        kind: "institution",
        region: "01",
        sphere: "social",
        name: "КЦСОН",
        url: "http://kcson.adygea.example/",
        inn: "0105001234",
        busgovId: "4567",
      },
    ]);
  });

  it("accepts a bare list too", async () => {
    const file = write(
      "bare.yaml",
      "- { kind: authority, region: Калмыкия, sphere: культура, url: mincult.example.ru }\n",
    );
    const { sites, errors } = await loadRegistry([file]);
    expect(sites).toHaveLength(1);
    expect(sites[0]).toMatchObject({ region: "08", sphere: "culture", url: "https://mincult.example.ru" });
    expect(sites[0]?.name).toContain("Республика Калмыкия");
    expect(errors).toEqual([
      expect.objectContaining({
        file,
        line: 1,
        row: 1,
        column: "url",
        severity: "warning",
        message: expect.stringContaining("https://mincult.example.ru"),
      }),
    ]);
  });

  it("names the line and field of each bad value and loads the good rows", async () => {
    const file = write(
      "bad.yaml",
      [
        "sites:", // 1
        "  - kind: authority", // 2
        "    region: 99", // 3
        "    sphere: health", // 4
        "    url: https://a.example.ru", // 5
        "  - kind: institution", // 6
        "    region: 71", // 7
        "    sphere: охота", // 8
        "    name: X", // 9
        "    url: ftp://b.example.ru", // 10
        "    inn: 7707083894", // 11
        "    colour: red", // 12
        "  - kind: authority", // 13
        "    region: 71", // 14
        "    sphere: sport", // 15
        "    url: https://sport.example.ru", // 16
        "",
      ].join("\n"),
    );
    const { sites, errors } = await loadRegistry([file]);
    expect(sites.map((s) => s.url)).toEqual(["https://sport.example.ru"]);
    const brief = errors.map((e) => [e.line, e.row, e.column, e.severity]);
    expect(brief).toEqual([
      [3, 1, "region", "error"],
      [8, 2, "sphere", "error"],
      [10, 2, "url", "error"],
      [11, 2, "inn", "error"],
      [12, 2, "colour", "warning"],
    ]);
    expect(errors[0]?.message).toMatch(/Неизвестный регион «99»/);
    expect(errors[1]?.message).toMatch(/Неизвестная сфера «охота»/);
    expect(errors[2]?.message).toMatch(/http:\/\/ или https:\/\//);
    expect(errors[3]?.message).toMatch(/контрольная сумма/);
    for (const e of errors) expect(e.file).toBe(file);
  });

  it("reports a syntax error with its line and loads nothing from that file", async () => {
    const file = write("syntax.yaml", "sites:\n  - kind: authority\n    region: [71\n    sphere: health\n");
    const { sites, errors } = await loadRegistry([file]);
    expect(sites).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({
      file,
      severity: "error",
      message: expect.stringMatching(/^Ошибка синтаксиса YAML/),
    });
    expect(errors[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it("says so when there is no sites list", async () => {
    const file = write("nosites.yaml", "# comment\nregions:\n  - a\n");
    const { errors } = await loadRegistry([file]);
    expect(errors).toEqual([
      expect.objectContaining({ file, line: 2, message: expect.stringContaining("sites:") }),
    ]);
  });
});

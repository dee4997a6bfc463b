import { describe, expect, it } from "vitest";
import { CSV_HEADER, csvField, renderCsv } from "../../src/report/csv.ts";
import { checkRun, nationalRun } from "./fixtures.ts";

/** A small RFC 4180 reader for the test (quoted fields with doubled quotes and line breaks). */
function parseCsv(text: string, delimiter = ";"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("renderCsv", () => {
  it("starts with a BOM and writes one row per finding", () => {
    const run = nationalRun();
    const csv = renderCsv(run);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    const findings = run.sites.reduce((n, s) => n + s.findings.length, 0);
    expect(rows).toHaveLength(findings + 1);
    const kalmykia = rows.find((r) => r[1] === "08" && r[6] === "authority/council-nok-powers")!;
    expect(kalmykia.slice(0, 8)).toEqual([
      run.runId,
      "08",
      "Республика Калмыкия",
      "здравоохранение",
      "орган власти",
      "https://08-health.example.ru/",
      "authority/council-nok-powers",
      "не соответствует",
    ]);
  });

  it("quotes per RFC 4180 and round-trips separators, quotes and line breaks", () => {
    const run = checkRun();
    const f = run.sites[0]!.findings[0]!;
    f.evidence[0]!.excerpt = 'Положение; «совет» "НОК"\nвторая строка';
    const rows = parseCsv(renderCsv(run).slice(1));
    expect(rows[1]![11]).toBe('Положение; «совет» "НОК"\nвторая строка');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField("plain")).toBe("plain");
  });

  it("neutralises spreadsheet formulas from crawled text", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("can write a comma-separated file without BOM", () => {
    const csv = renderCsv(checkRun(), { delimiter: ",", bom: false });
    expect(csv.startsWith("Запуск,Код региона,")).toBe(true);
  });
});

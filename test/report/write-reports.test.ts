import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseFormats, writeReports } from "../../src/report/write-reports.ts";
import { nationalRun } from "./fixtures.ts";

describe("parseFormats", () => {
  it("parses lists, aliases and all", () => {
    expect(parseFormats("html,md")).toEqual(["html", "md"]);
    expect(parseFormats(" HTML, markdown xlsx,html ")).toEqual(["html", "md", "xlsx"]);
    expect(parseFormats("all")).toEqual(["html", "md", "json", "xlsx", "csv"]);
  });

  it("rejects unknown names with a clear Russian and English message", () => {
    expect(() => parseFormats("html,pdf")).toThrow(
      /Неизвестный формат отчёта «pdf».*unknown report format "pdf"/,
    );
    expect(() => parseFormats(" , ")).toThrow(/Не указан ни один формат/);
  });
});

describe("writeReports", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("writes every requested file and nothing else", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nok-report-"));
    dirs.push(dir);
    const out = join(dir, "nested", "run");
    const run = nationalRun();
    const written = await writeReports(run, out, ["json", "md", "html", "xlsx", "csv"]);
    expect(written.map((w) => w.format)).toEqual(["json", "md", "html", "xlsx", "csv"]);
    expect((await readdir(out)).sort()).toEqual([
      "findings.csv",
      "report.html",
      "report.md",
      "report.xlsx",
      "result.json",
    ]);
    expect(JSON.parse(await readFile(join(out, "result.json"), "utf8"))).toEqual(run);
    expect(await readFile(join(out, "report.html"), "utf8")).toContain("Сводка по субъектам");
    const xlsx = await readFile(join(out, "report.xlsx"));
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  });

  it("overwrites atomically (no temp files left) and writes only the formats asked for", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nok-report-"));
    dirs.push(dir);
    await writeReports(nationalRun(), dir, ["md"]);
    const again = await writeReports(nationalRun(), dir, ["md", "md"]);
    expect(again).toEqual([{ format: "md", path: join(dir, "report.md") }]);
    expect(await readdir(dir)).toEqual(["report.md"]);
  });
});

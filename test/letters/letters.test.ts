import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateRun } from "../../src/findings/aggregate-run.ts";
import { type WrittenLetters, writeLetters } from "../../src/letters/index.ts";
import type { SiteResult } from "../../src/types/result.ts";
import { nationalRun, REGIONS, run, site } from "../report/fixtures.ts";
import { docxPart, docxParts, docxText } from "./docx-text.ts";

const NBSP = "\u00a0";
let dir: string;
let written: WrittenLetters;
const text = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nok-letters-"));
  const national = aggregateRun(nationalRun(), { regions: REGIONS });
  written = await writeLetters(national, join(dir, "run"), { today: "2025-03-10" });
  for (const l of written.letters) text.set(l.code, await docxText(l.path));
  text.set("cover", await docxText(written.coverNote));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("nok letters", () => {
  it("writes one letter per region with gaps, none for regions without", () => {
    expect(written.letters.map((l) => l.code)).toEqual(["08", "13", "38", "71"]);
    expect(written.letters.map((l) => l.path.endsWith(`letter-${l.code}.docx`))).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it("addresses the region and refers to the monitoring and its date", () => {
    const t = text.get("08")!;
    expect(t).toContain("Высшему должностному лицу");
    expect(t).toContain("(Республика Калмыкия)");
    expect(t).toContain("О результатах мониторинга официальных сайтов");
    expect(t).toContain(`по состоянию на 1${NBSP}марта 2025${NBSP}г.`);
    expect(t).toContain("МИНТРУД РОССИИ");
  });

  it("lists the gaps per sphere in the ministry's order, each with its site and the URLs looked at", () => {
    const t = text.get("08")!;
    const health = t.indexOf("1. В сфере здравоохранения");
    const social = t.indexOf("2. В сфере социального обслуживания");
    expect(health).toBeGreaterThan(0);
    expect(social).toBeGreaterThan(health);
    expect(t).toContain("В положении об общественном совете нет полномочий по НОК.");
    expect(t).toContain("https://08-health.example.ru/");
    expect(t).toContain("Просмотрено: https://08-health.example.ru/");
    // Culture passes everything: no heading for it.
    expect(t).not.toContain("В сфере культуры");
  });

  it("asks for the fix by a deadline and leaves placeholders for the signature", () => {
    const t = text.get("08")!;
    expect(t).toContain(`проинформировать Минтруд России до 9${NBSP}апреля 2025${NBSP}г.\n`);
    expect(t).toContain("[Должность]");
    expect(t).toContain(`[И.О.${NBSP}Фамилия]`);
  });

  it("never writes unknown as a gap: it is listed apart, with the reason", () => {
    const t = text.get("71")!;
    const [gaps, unchecked] = t.split("Не удалось проверить\n");
    expect(unchecked).toBeDefined();
    expect(gaps).not.toContain("71-health");
    expect(unchecked).toContain("https://71-health.example.ru/");
    expect(unchecked).toContain("сайт недоступен (превышено время ожидания)");
    // Institutions' gaps are grouped by rule; the «№» keeps its number.
    expect(gaps).toContain(`Нет плана по устранению недостатков${NBSP}— 1`);
    expect(gaps).toContain(`Школа${NBSP}№${NBSP}1`);
  });

  it("gives no letter to a region whose only problems are unknown verdicts", async () => {
    const only = run({
      sites: [site({ region: "71", sphere: "health", status: "unreachable", fill: "unknown" })],
    });
    const w = await writeLetters(aggregateRun(only), join(dir, "unknown-only"), { today: "2025-03-10" });
    expect(w.letters).toEqual([]);
    expect(w.withoutGaps).toEqual(["71"]);
    expect(await docxText(w.coverNote)).toContain("Недостатков, требующих направления писем");
  });

  it("is A4, Times New Roman 14, with page numbers in the header", async () => {
    const path = written.letters[0]!.path;
    const doc = await docxPart(path, "word/document.xml");
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toContain("<w:titlePg/>");
    const styles = await docxPart(path, "word/styles.xml");
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('<w:sz w:val="28"/>');
    const headers = (await docxParts(path)).filter((p) => /word\/header\d+\.xml/.test(p));
    const xml = await Promise.all(headers.map((h) => docxPart(path, h)));
    expect(xml.some((x) => x.includes("PAGE"))).toBe(true);
  });

  it("writes the national cover note in the ministry's wording", () => {
    const t = text.get("cover")!;
    expect(t).toContain("Специальные разделы о независимой оценке качества созданы на официальных сайтах");
    expect(t).toContain("нет позиций по проведению независимой оценки");
    expect(t).toContain("Республика Калмыкия (здравоохранение, социальное обслуживание, спорт);");
    expect(t).toContain("Подготовлены письма в 4");
    expect(t).toContain("Тульская область");
  });

  it("limits to --region codes", async () => {
    const w = await writeLetters(aggregateRun(nationalRun(), { regions: REGIONS }), join(dir, "one"), {
      regions: ["13"],
      today: "2025-03-10",
    });
    expect(w.letters.map((l) => l.code)).toEqual(["13"]);
  });

  it("keeps hundreds of institution gaps readable: one item per rule and sphere", async () => {
    const sites: SiteResult[] = [];
    for (let i = 0; i < 300; i++) {
      sites.push(
        site({
          url: `https://school${i}.example.ru/`,
          kind: "institution",
          region: "71",
          sphere: "education",
          name: `Школа № ${i}`,
          rules: ["institution/improvement-plan"],
          fill: "fail",
        }),
      );
    }
    const w = await writeLetters(aggregateRun(run({ sites })), join(dir, "many"), { today: "2025-03-10" });
    const t = await docxText(w.letters[0]!.path);
    expect(t.match(/Нет плана по устранению недостатков/g)).toHaveLength(1);
    expect(t).toContain(`Нет плана по устранению недостатков${NBSP}— 300${NBSP}организаций:`);
    expect(t).toContain("https://school299.example.ru/");
  });
});

describe("addressing from the regions file", () => {
  it("uses the region's own addressee when registry/regions.yaml names one", async () => {
    const file = join(dir, "regions.yaml");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(
      file,
      'regions:\n  - { code: "08", name: "Республика Калмыкия", short: "Калмыкия", district: ЮФО, addressee: "Главе Республики Калмыкия\\nПредседателю Правительства" }\n',
    );
    const w = await writeLetters(aggregateRun(nationalRun(), { regions: REGIONS }), join(dir, "addr"), {
      regions: ["08"],
      regionsFile: file,
      today: "2025-03-10",
    });
    const t = await docxText(w.letters[0]!.path);
    expect(t).toContain("Главе Республики Калмыкия\n\nПредседателю Правительства");
    expect(t).not.toContain("Высшему должностному лицу");
  });
});

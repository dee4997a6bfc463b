import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ImportIssue, importBusgov } from "../../src/registry/busgov/import-busgov.ts";
import { loadRegistry } from "../../src/registry/index.ts";
import { documentXml, positionXml, typical, zipOf } from "./fixture.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nok-busgov-import-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(inputs: string[], extra: { regions?: string[]; spheres?: ("health" | "culture")[] } = {}) {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.yaml`);
  const issues: ImportIssue[] = [];
  const summary = await importBusgov({
    inputs,
    out,
    ...extra,
    today: "2026-12-04",
    onIssue: (i) => issues.push(i),
  });
  return { out, issues, summary, text: await readFile(out, "utf8") };
}

describe("import-busgov", () => {
  it("keeps the four spheres from a zip, writes a registry nok run loads, lists institutions without a site", async () => {
    const xml = documentXml([
      positionXml(typical(1, "85.14"), 1),
      positionXml({ ...typical(2, "86.10"), www: "http://WWW.Hospital2.Tula.example/" }, 2),
      positionXml({ ...typical(3, "87.90"), www: "" }, 3),
      positionXml({ ...typical(4, "91.01"), www: "info@museum.example" }, 4),
      positionXml({ ...typical(5, "93.11") }, 5), // sport: outside the four spheres
      positionXml(
        { ...typical(6), okvedMain: undefined, founder: "Министерство культуры Тульской области" },
        6,
      ),
      positionXml({ ...typical(7), okvedMain: undefined, okvedOther: ["88.10", "68.20"] }, 7),
      positionXml({ ...typical(8), okvedMain: undefined, okvedOther: ["85.11", "86.10"] }, 8), // ambiguous
    ]);
    const zip = join(dir, "general.zip");
    await writeFile(zip, await zipOf({ "part-1.xml": xml }));
    const { text, summary, issues, out } = await run([zip]);
    expect(issues).toEqual([]);
    expect(summary).toMatchObject({
      positions: 8,
      withSite: 4,
      withoutSite: 2,
      skipped: { outside: 1, ambiguous: 1, none: 0, filtered: 0 },
      sphereBy: { "okved-main": 4, okved: 1, founder: 1 },
    });
    expect(text).toContain('url: "http://www.hospital2.tula.example"');
    expect(text).toContain("# КПП 710701001");
    expect(text).toMatch(/withoutSite:\n {2}- region: "71"\n {4}sphere: "социальное обслуживание"/);
    expect(text).toContain('reason: "вместо сайта указан e-mail «info@museum.example»"');

    const loaded = await loadRegistry([out]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.sites.map((s) => [s.sphere, s.kind, s.region])).toEqual([
      ["education", "institution", "71"],
      ["health", "institution", "71"],
      ["culture", "institution", "71"],
      ["social", "institution", "71"],
    ]);
    expect(loaded.sites[0]).toMatchObject({ url: "https://school1.tula.example", inn: typical(1).inn });
  });

  it("reports bad positions with file and line and goes on", async () => {
    const positions = [
      positionXml(typical(1), 1),
      positionXml({ ...typical(2), inn: "7100000001" }, 2), // bad checksum
      positionXml({ ...typical(3), inn: undefined }, 3),
      positionXml({ ...typical(4), subjectCode: "9900000000000", subjectName: "Нигде" }, 4),
      positionXml({ ...typical(5), rawMain: "<note>Рога & копыта</note>" }, 5),
      positionXml({ ...typical(6), rawMain: "<broken></main>" }, 6),
      positionXml(typical(7), 7),
    ];
    const zip = join(dir, "bad.zip");
    await writeFile(zip, await zipOf({ "data/part.xml": documentXml(positions) }));
    const { summary, issues } = await run([zip]);
    expect(summary).toMatchObject({ positions: 7, withSite: 2, errors: 5 });
    expect(issues.map((i) => i.file)).toEqual(Array(issues.length).fill("bad.zip/data/part.xml"));
    expect(issues[0]).toMatchObject({ line: 15, message: expect.stringContaining("контрольных цифр") });
    expect(issues[1]?.message).toContain("нет ИНН");
    expect(issues[2]?.message).toContain("неизвестный субъект РФ");
    expect(issues[3]?.message).toMatch(/^ошибка XML: .* \(строка (4[5-9]|5[0-4])\)$/);
    expect(issues[4]).toMatchObject({ line: 55, message: expect.stringContaining("unexpected close tag") });
    for (const i of issues) expect(i.line).toBeGreaterThan(0);
  });

  it("reads the paged JSON form and a folder, filters by region and sphere", async () => {
    const page = {
      pagedContent: {
        content: [
          {
            body: {
              position: {
                initiator: { fullName: "ГБУЗ «Городская больница»", inn: typical(1).inn, kpp: "710701001" },
                main: {
                  classifier: { okved: [{ code: "86.10", type: "C" }] },
                  complexAddress: { address: { subject: { code: "71", name: "Тульская область" } } },
                },
                additional: { www: "https://gb.tula.example" },
              },
            },
          },
          {
            body: {
              position: {
                initiator: { fullName: "МБУК «Дом культуры»", inn: typical(2).inn },
                main: {
                  classifier: { okved: { code: "90.04", type: "C" } },
                  complexAddress: { address: { subject: { code: "7100000000000" } } },
                },
                additional: { www: "dk.example" },
              },
            },
          },
          { body: { position: "сломано" } },
        ],
      },
    };
    const folder = join(dir, "pages");
    await import("node:fs/promises").then((fs) => fs.mkdir(folder, { recursive: true }));
    await writeFile(join(folder, "page-0.json"), JSON.stringify(page));
    await writeFile(join(folder, "readme.txt"), "не данные");
    const all = await run([folder]);
    expect(all.summary).toMatchObject({ positions: 3, withSite: 2 });
    expect(all.issues).toEqual([
      { file: "page-0.json", line: 3, item: true, message: "запись не является объектом position" },
    ]);
    const health = await run([folder], { spheres: ["health"] });
    expect(health.summary).toMatchObject({ withSite: 1, skipped: { filtered: 1 } });
    const elsewhere = await run([folder], { regions: ["77"] });
    expect(elsewhere.summary.withSite).toBe(0);
  });

  it("names a file it cannot read and still imports the others", async () => {
    const good = join(dir, "good.xml");
    await writeFile(good, documentXml([positionXml(typical(1), 1)]));
    const notZip = join(dir, "broken.zip");
    await writeFile(notZip, "это не архив");
    const { summary, issues } = await run([notZip, good, join(dir, "missing.zip")]);
    expect(summary.withSite).toBe(1);
    expect(issues.map((i) => [i.file.endsWith("broken.zip"), i.line])).toContainEqual([true, null]);
    expect(issues.at(-1)?.message).toBe("файл или папка не найдены");
  });
});

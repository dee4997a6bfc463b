import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createRegionLookup,
  FEDERAL_DISTRICTS,
  loadRegions,
  RegionsFileError,
} from "../../src/registry/index.ts";

const regions = loadRegions();
const tmp = mkdtempSync(join(tmpdir(), "nok-regions-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("registry/regions.yaml", () => {
  it("lists the 89 subjects with unique two-digit codes and names", () => {
    expect(regions).toHaveLength(89);
    expect(new Set(regions.map((r) => r.code)).size).toBe(89);
    expect(new Set(regions.map((r) => r.name)).size).toBe(89);
    expect(new Set(regions.map((r) => r.short)).size).toBe(89);
    for (const r of regions) expect(r.code).toMatch(/^\d{2}$/);
  });

  it("puts every region in a valid federal district, with the known sizes", () => {
    const counts: Record<string, number> = {};
    for (const r of regions) {
      expect(FEDERAL_DISTRICTS).toContain(r.district);
      counts[r.district] = (counts[r.district] ?? 0) + 1;
    }
    expect(counts).toEqual({ ЦФО: 18, СЗФО: 11, ЮФО: 12, СКФО: 7, ПФО: 14, УФО: 6, СФО: 10, ДФО: 11 });
  });

  it("uses the ФНС subject codes, including the four regions of 2022", () => {
    const byCode = new Map(regions.map((r) => [r.code, r.name]));
    expect(byCode.get("01")).toBe("Республика Адыгея");
    expect(byCode.get("71")).toBe("Тульская область");
    expect(byCode.get("77")).toBe("г. Москва");
    expect(byCode.get("78")).toBe("г. Санкт-Петербург");
    expect(byCode.get("86")).toBe("Ханты-Мансийский автономный округ — Югра");
    expect(byCode.get("90")).toBe("Запорожская область");
    expect(byCode.get("91")).toBe("Республика Крым");
    expect(byCode.get("92")).toBe("г. Севастополь");
    expect(byCode.get("93")).toBe("Донецкая Народная Республика");
    expect(byCode.get("94")).toBe("Луганская Народная Республика");
    expect(byCode.get("95")).toBe("Херсонская область");
    // Merged subjects' codes are gone.
    for (const gone of ["80", "81", "82", "84", "85", "88"]) expect(byCode.has(gone)).toBe(false);
  });

  it("is cached", () => {
    expect(loadRegions()).toBe(regions);
  });
});

describe("region lookup", () => {
  const lookup = createRegionLookup(regions);
  it.each([
    ["71", "71"],
    ["7", "07"],
    ["Тульская область", "71"],
    ["тульская обл.", "71"],
    ["Тульская обл", "71"],
    ["Калмыкия", "08"],
    ["Республика Калмыкия", "08"],
    ["Республика Саха (Якутия)", "14"],
    ["Якутия", "14"],
    ["Ханты-Мансийский автономный округ - Югра", "86"],
    ["ХМАО", "86"],
    ["Кемеровская область", "42"],
    ["Кузбасс", "42"],
    ["Москва", "77"],
    ["г.Москва", "77"],
    ["Республика Татарстан (Татарстан)", "16"],
    ["Чувашская Республика — Чувашия", "21"],
    ["Еврейская АО", "79"],
    ["ДНР", "93"],
    ["71 Тульская область", "71"],
  ])("%s → %s", (value, code) => {
    expect(lookup.resolve(value)?.code).toBe(code);
  });

  it.each(["99", "00", "Тульская", "Атлантида", "71 Калужская область", ""])("rejects «%s»", (value) => {
    expect(lookup.resolve(value)).toBeNull();
  });
});

describe("loadRegions on a broken file", () => {
  it("names the file and the line of a duplicate code", () => {
    const file = join(tmp, "dup.yaml");
    writeFileSync(
      file,
      'regions:\n  - { code: "01", name: "А", short: "А", district: ЮФО }\n  - { code: "01", name: "Б", short: "Б", district: ЮФО }\n',
    );
    expect(() => loadRegions(file)).toThrow(RegionsFileError);
    expect(() => loadRegions(file)).toThrow(`${file}:3: код 01 повторяется`);
  });

  it("names the line of an invalid entry and of a syntax error", () => {
    const bad = join(tmp, "bad.yaml");
    writeFileSync(
      bad,
      'regions:\n  - { code: "01", name: "А", short: "А", district: ЮФО }\n  - { code: "1", name: "Б", short: "Б", district: ЗФО }\n',
    );
    expect(() => loadRegions(bad)).toThrow(new RegExp(`${bad}:3: `));
    const syntax = join(tmp, "syntax.yaml");
    writeFileSync(syntax, 'regions:\n  - { code: "01", name: "А"\n  - x\n');
    expect(() => loadRegions(syntax)).toThrow(new RegExp(`${syntax}:\\d+: `));
    expect(() => loadRegions(join(tmp, "missing.yaml"))).toThrow(/missing\.yaml: не удалось прочитать/);
  });
});

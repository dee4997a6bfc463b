import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { type ExtractInput, extractArtifacts } from "../../src/extract/index.ts";
import type { ContentKind } from "../../src/types/index.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/docs");

const input = (
  contentKind: ContentKind,
  body: Uint8Array,
  headers: Record<string, string> = {},
): ExtractInput => ({
  url: "https://minsoc.example.ru/nok/file",
  finalUrl: "https://minsoc.example.ru/nok/file",
  contentKind,
  headers,
  body,
});

describe("extractArtifacts", () => {
  it("html: decodes windows-1251 from <meta>, extracts links, dates and charset", async () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
      <title>НОК 2025 — Общественный совет</title></head><body><nav><a href="/">Главная</a></nav>
      <main><h1>Протоколы заседаний</h1><p><a href="p3.pdf">Протокол № 3 заседания общественного совета от 14.03.2025</a></p></main></body></html>`;
    const a = await extractArtifacts(
      input("html", iconv.encode(html, "win1251"), { "content-type": "text/html" }),
    );
    expect(a.kind).toBe("html");
    expect(a.charset).toBe("windows-1251");
    expect(a.title).toBe("НОК 2025 — Общественный совет");
    expect(a.mainText).toBe("Протоколы заседаний\nПротокол № 3 заседания общественного совета от 14.03.2025");
    expect(a.navText).toBe("Главная");
    expect(a.links.map((l) => [l.url, l.inNav])).toEqual([
      ["https://minsoc.example.ru/", true],
      ["https://minsoc.example.ru/nok/p3.pdf", false],
    ]);
    expect(a.dates.map((d) => `${d.date}/${d.precision}`)).toEqual(["2025-01-01/year", "2025-03-14/day"]);
    expect(a.document).toBeUndefined();
  });

  it("html: a body cut by the fetcher is reported as truncated", async () => {
    const a = await extractArtifacts({
      ...input("html", new TextEncoder().encode("<p>Положение")),
      truncated: true,
    });
    expect(a.text).toBe("Положение");
    expect(a.document).toEqual({ truncated: true });
  });

  const documents: [ContentKind, string, RegExp][] = [
    ["pdf", "regulation.pdf", /^Положение об общественном совете/],
    ["docx", "regulation.docx", /^ПОЛОЖЕНИЕ об общественном совете/],
    ["doc", "regulation.doc", /^ПОЛОЖЕНИЕ об общественном совете/],
    ["xlsx", "rating.xlsx", /^Результаты независимой оценки качества 2024 года$/],
    ["xls", "rating.xls", /^Результаты независимой оценки качества 2024 года$/],
    ["rtf", "protocol.rtf", /^Протокол заседания общественного совета$/],
    ["odt", "protocol.odt", /^Протокол № 3 заседания общественного совета от 14\.03\.2025$/],
  ];

  it.each(documents)("%s: text, title, dates, no error", async (kind, file, title) => {
    const a = await extractArtifacts(input(kind, new Uint8Array(readFileSync(join(FIXTURES, file)))));
    expect(a.kind).toBe(kind);
    expect(a.document?.error).toBeUndefined();
    expect(a.title).toMatch(title);
    expect(a.text.length).toBeGreaterThan(50);
    expect(a.mainText).toBe(a.text);
    expect(a.navText).toBe("");
    expect(a.dates.length).toBeGreaterThan(0);
  });

  it("pdf: dates in order, contacts from the text", async () => {
    const a = await extractArtifacts(
      input("pdf", new Uint8Array(readFileSync(join(FIXTURES, "regulation.pdf")))),
    );
    expect(a.dates.map((d) => d.date)).toEqual(["2023-12-28", "2017-12-05", "2025-03-14", "2024-01-01"]);
    expect(a.contacts.phones).toEqual(["+74872245201"]);
    expect(a.contacts.emails).toEqual(["nok@cult.tularegion.ru"]);
    expect(a.document).toEqual({ pages: 2 });
  });

  it("pdf: a scan is marked scanned, a broken file gets an error", async () => {
    const scan = await extractArtifacts(
      input("pdf", new Uint8Array(readFileSync(join(FIXTURES, "scanned.pdf")))),
    );
    expect(scan.document).toEqual({ pages: 2, scanned: true });
    const broken = await extractArtifacts(input("pdf", new TextEncoder().encode("%PDF-1.4 garbage")));
    expect(broken.document?.error).toMatch(/^PDF/);
    expect(broken.text).toBe("");
  });

  it("other: plain text is read, binary is not", async () => {
    const txt = await extractArtifacts(
      input("other", iconv.encode("План по устранению недостатков на 2025 год", "win1251"), {
        "content-type": "text/plain",
      }),
    );
    expect(txt.text).toBe("План по устранению недостатков на 2025 год");
    expect(txt.charset).toBe("windows-1251");
    expect(txt.document).toBeUndefined();
    const png = await extractArtifacts(
      input("other", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), {}),
    );
    expect(png.document?.error).toBe("формат файла не поддерживается");
  });

  it("caps document text at the limit", async () => {
    const a = await extractArtifacts(
      input("xlsx", new Uint8Array(readFileSync(join(FIXTURES, "rating.xlsx")))),
      { maxTextChars: 40 },
    );
    expect(a.text.length).toBeLessThanOrEqual(40);
    expect(a.document?.truncated).toBe(true);
  });
});

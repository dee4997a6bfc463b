import { readFileSync } from "node:fs";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { guarded } from "../../src/extract/documents/guard.ts";
import {
  extractDoc,
  extractDocx,
  extractOdt,
  extractPdf,
  extractRtf,
  extractSpreadsheet,
  guessTitle,
} from "../../src/extract/documents/index.ts";
import { odfXmlText } from "../../src/extract/documents/odt.ts";
import { rtfToText } from "../../src/extract/documents/rtf.ts";

const FIXTURES = join(import.meta.dirname, "../fixtures/docs");
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

const REGULATION =
  "об общественном совете по проведению независимой оценки качества условий оказания услуг организациями культуры";

function pdfkitBuffer(
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    draw(doc);
    doc.end();
  });
}

describe("extractPdf", () => {
  it("reads Russian text, page count and the declared title", async () => {
    const bytes = fixture("regulation.pdf");
    const before = bytes.slice();
    const r = await extractPdf(bytes);
    expect(r.meta).toEqual({ pages: 2 });
    expect(r.text.replace(/\s+/g, " ")).toContain(REGULATION);
    expect(r.text).toContain("Протокол № 3 заседания общественного совета от 14.03.2025");
    expect(r.title).toBe(
      "Положение об общественном совете по проведению независимой оценки качества условий оказания услуг организациями культуры",
    );
    // pdf.js must not detach or alter the caller's bytes (they are the stored snapshot).
    expect(bytes).toEqual(before);
  });

  it("marks a PDF without a text layer as scanned, not empty", async () => {
    const r = await extractPdf(fixture("scanned.pdf"));
    expect(r.meta).toEqual({ pages: 2, scanned: true });
    expect(r.text).toBe("");
  });

  it("stops at the page limit and says so", async () => {
    const r = await extractPdf(fixture("regulation.pdf"), { maxPages: 1 });
    expect(r.meta).toEqual({ pages: 2, truncated: true });
    expect(r.text).toContain("ПОЛОЖЕНИЕ");
    expect(r.text).not.toContain("Присутствовали");
  });

  it("turns a truncated or corrupt PDF into meta.error without throwing", async () => {
    const full = fixture("regulation.pdf");
    const cut = await extractPdf(full.subarray(0, 900));
    expect(cut.text).toBe("");
    expect(cut.meta.error).toMatch(/^PDF/);
    const junk = await extractPdf(new TextEncoder().encode("%PDF-1.7\nэто не PDF\n%%EOF"));
    expect(junk.meta.error).toMatch(/^PDF/);
    const html = await extractPdf(new TextEncoder().encode("<html>404</html>"));
    expect(html.meta.error).toMatch(/^PDF/);
  });

  it("reports a password-protected PDF as an error", async () => {
    const bytes = await pdfkitBuffer(
      { userPassword: "secret", ownerPassword: "owner", pdfVersion: "1.7" },
      (doc) => doc.text("Secret"),
    );
    const r = await extractPdf(new Uint8Array(bytes));
    expect(r.meta.error).toBe("PDF: защищён паролем, текст недоступен");
  });

  it("refuses files over the size limit", async () => {
    const r = await extractPdf(fixture("regulation.pdf"), { maxBytes: 1000 });
    expect(r.meta.error).toMatch(/больше предела/);
  });
});

describe("office documents", () => {
  it("DOCX: text with table rows on one line", async () => {
    const r = await extractDocx(fixture("regulation.docx"));
    expect(r.meta).toEqual({});
    expect(r.text).toContain(REGULATION);
    expect(r.text).toContain("1\tГУК ТО «Тульская областная библиотека»\t96.4\t100\t94.2");
  });

  it("DOC (Word 97, converted by LibreOffice): text and tab-separated table cells", async () => {
    const r = await extractDoc(fixture("regulation.doc"));
    expect(r.meta).toEqual({});
    expect(r.text).toContain(REGULATION);
    expect(r.text).toContain("ГУК ТО «Тульская областная библиотека»\t96.4");
  });

  it("XLSX and XLS: sheet names, one row per line", async () => {
    for (const name of ["rating.xlsx", "rating.xls"]) {
      const r = await extractSpreadsheet(fixture(name));
      expect(r.meta).toEqual({ pages: 2 });
      const lines = r.text.split("\n");
      expect(lines[0]).toBe("Лист: Культура 2024");
      expect(lines).toContain("2\tМБУК «Дом культуры «Ясная Поляна»\t88.1\t92\t89.7");
      expect(lines).toContain("Лист: Сведения");
      expect(lines).toContain("Дата утверждения\t14.03.2025");
    }
  });

  it("RTF: cp1251 bytes, \\u escapes, the info title; pictures and field codes skipped", async () => {
    const r = await extractRtf(fixture("protocol.rtf"));
    expect(r.title).toBe("Протокол заседания общественного совета");
    expect(r.text.split("\n")).toEqual([
      "Протокол № 3 заседания общественного совета от 14.03.2025",
      "Общественный совет по проведению независимой оценки качества рассмотрел результаты НОК 2024.",
      "Решили: утвердить “План по устранению недостатков на 2025 год”.",
      "Организация\tБалл",
      "ГУК ТО «Тульская областная библиотека»\t94,2",
      "bus.gov.ru",
    ]);
  });

  it("ODT: paragraphs, spaces, tabs, table rows and the meta title", async () => {
    const r = await extractOdt(fixture("protocol.odt"));
    expect(r.title).toBe("Протокол № 3 заседания общественного совета от 14.03.2025");
    expect(r.text).toContain("Секретарь: И.\tИванова\nтел. 8-800-100-12-34");
    expect(r.text).toContain("МБУК «Дом культуры»\t89,7");
  });

  it("never throws on the wrong bytes", async () => {
    const junk = new TextEncoder().encode("это не документ");
    for (const read of [extractDocx, extractDoc, extractOdt, extractRtf]) {
      const r = await read(junk);
      expect(r.text).toBe("");
      expect(r.meta.error).toBeTruthy();
    }
    expect((await extractDocx(new Uint8Array())).meta.error).toMatch(/пустой файл/);
  });

  it("caps the text and marks it truncated", async () => {
    const r = await extractDocx(fixture("regulation.docx"), { maxTextChars: 100 });
    expect(r.text.length).toBe(100);
    expect(r.meta.truncated).toBe(true);
  });
});

describe("rtfToText details", () => {
  it("decodes \\'xx with the font's charset and skips \\uN fallbacks by \\ucN", () => {
    const rtf =
      "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0\\fcharset204 Times;}{\\f1\\fcharset0 Arial;}}" +
      "\\f0 \\'cd\\'ce\\'ca\\f1  caf\\'e9 {\\uc2\\u1053\\'cd\\'cd\\u1054??}\\par\\'e9}";
    expect(rtfToText(rtf).text).toBe("НОК café НО\né");
  });

  it("skips ignorable destinations and binary data", () => {
    const rtf = "{\\rtf1{\\*\\unknowndest hidden}{\\stylesheet{\\s1 Normal;}}A\\bin3 {}}B\\tab C\\~D}";
    expect(rtfToText(rtf).text).toBe("AB\tC\u00a0D");
  });
});

describe("odfXmlText", () => {
  it("reads headings and lists, and skips annotations", () => {
    const xml = `<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
      <text:h>Отчёт</text:h><text:list><text:list-item><text:p>первый</text:p></text:list-item></text:list>
      <text:p>текст<office:annotation><text:p>комментарий</text:p></office:annotation></text:p></office:text></office:body></office:document-content>`;
    expect(odfXmlText(xml)).toBe("Отчёт\nпервый\nтекст");
  });
});

describe("guessTitle", () => {
  it("joins a genre word with its subject and skips the approval stamp", () => {
    const text = `УТВЕРЖДЕНО\nприказом от 28.12.2023 № 1234-р\nПОЛОЖЕНИЕ\n${REGULATION}\n1. Общие положения`;
    expect(guessTitle(text)).toBe(`ПОЛОЖЕНИЕ ${REGULATION}`);
  });

  it("takes a one-line protocol title as is", () => {
    expect(guessTitle("Протокол № 3 заседания общественного совета от 14.03.2025\nПрисутствовали: 7")).toBe(
      "Протокол № 3 заседания общественного совета от 14.03.2025",
    );
  });

  it("falls back to the first line with words", () => {
    expect(guessTitle("12\nСписок организаций культуры\nещё")).toBe("Список организаций культуры");
  });
});

describe("guarded", () => {
  const bytes = new Uint8Array([1, 2, 3]);

  it("ends a reader that runs past the time limit", async () => {
    const r = await guarded("PDF", bytes, { timeMs: 20 }, () => new Promise(() => undefined));
    expect(r).toEqual({
      text: "",
      meta: { truncated: true, error: "PDF: не прочитан за 20 мс", errorCode: "timeout" },
    });
  });

  it("turns a thrown error into meta.error", async () => {
    const r = await guarded("DOC", bytes, undefined, async () => {
      throw new Error("bad header");
    });
    expect(r).toEqual({
      text: "",
      meta: { error: "DOC: не прочитан (bad header)", errorCode: "unreadable" },
    });
  });
});

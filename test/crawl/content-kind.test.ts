import { describe, expect, it } from "vitest";
import {
  detectContentKind,
  dispositionFilename,
  hasUnsupportedExtension,
  isUnsupportedResponse,
} from "../../src/crawl/content-kind.ts";

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (s: string) => [...Buffer.from(s, "utf16le")];

describe("detectContentKind", () => {
  it.each([
    ["text/html; charset=utf-8", "http://x.ru/a/", "<!DOCTYPE html><html></html>", "html"],
    ["application/pdf", "http://x.ru/a", "%PDF-1.7\n", "pdf"],
    ["application/octet-stream", "http://x.ru/download.php?id=5", "%PDF-1.4\n", "pdf"],
    ["text/html", "http://x.ru/file", "%PDF-1.4\n", "pdf"],
    ["application/octet-stream", "http://x.ru/f", "{\\rtf1\\ansi", "rtf"],
    ["", "http://x.ru/page", "<html><head><title>t</title></head></html>", "html"],
    ["", "http://x.ru/doc.pdf", "", "pdf"],
    ["application/msword", "http://x.ru/a", "", "doc"],
    ["image/png", "http://x.ru/a.png", "", "other"],
    ["text/plain", "http://x.ru/robots.txt", "User-agent: *", "other"],
  ])("%s %s → %s", (contentType, url, body, expected) => {
    expect(detectContentKind({ contentType, url, body: bytes(body) })).toBe(expected);
  });

  it("tells OOXML and ODF zips apart by member names", () => {
    const zip = (member: string) => bytes([0x50, 0x4b, 0x03, 0x04], "\0\0\0\0", member, "\0\0");
    expect(
      detectContentKind({
        url: "http://x.ru/f",
        contentType: "application/zip",
        body: zip("word/document.xml"),
      }),
    ).toBe("docx");
    expect(detectContentKind({ url: "http://x.ru/f", body: zip("xl/workbook.xml") })).toBe("xlsx");
    expect(
      detectContentKind({
        url: "http://x.ru/f",
        body: zip("mimetypeapplication/vnd.oasis.opendocument.text"),
      }),
    ).toBe("odt");
    expect(detectContentKind({ url: "http://x.ru/f.docx", body: zip("other/thing.xml") })).toBe("docx");
  });

  it("tells OLE doc and xls apart by header hints, then by stream names", () => {
    const ole = (stream: string) => bytes(OLE, "\0".repeat(32), utf16(stream));
    expect(detectContentKind({ url: "http://x.ru/a.xls", body: ole("") })).toBe("xls");
    expect(
      detectContentKind({ url: "http://x.ru/a", contentType: "application/msword", body: ole("") }),
    ).toBe("doc");
    expect(detectContentKind({ url: "http://x.ru/get?id=1", body: ole("Workbook") })).toBe("xls");
    expect(detectContentKind({ url: "http://x.ru/get?id=1", body: ole("WordDocument") })).toBe("doc");
  });

  it("uses the Content-Disposition file name for generic types", () => {
    expect(
      detectContentKind({
        url: "http://x.ru/download.php?id=1",
        contentType: "application/octet-stream",
        contentDisposition: 'attachment; filename="plan.xlsx"',
        body: null,
      }),
    ).toBe("xlsx");
  });
});

describe("isUnsupportedResponse", () => {
  it.each([
    ["image/jpeg", "http://x.ru/a.jpg", undefined, true],
    ["video/mp4", "http://x.ru/v", undefined, true],
    ["application/zip", "http://x.ru/a.zip", undefined, true],
    ["application/x-msdownload", "http://x.ru/setup.exe", undefined, true],
    ["application/octet-stream", "http://x.ru/file.rar", undefined, true],
    ["application/octet-stream", "http://x.ru/get?id=1", 'attachment; filename="photo.JPG"', true],
    ["application/octet-stream", "http://x.ru/get?id=1", 'attachment; filename="plan.pdf"', false],
    ["application/octet-stream", "http://x.ru/get?id=1", undefined, false],
    ["text/html", "http://x.ru/a.jpg", undefined, false],
    ["application/pdf", "http://x.ru/a", undefined, false],
    ["application/x-gzip", "http://x.ru/sitemap.xml.gz", undefined, false],
    [undefined, "http://x.ru/a.png", undefined, true],
  ])("%s %s (%s) → %s", (contentType, url, contentDisposition, expected) => {
    expect(
      isUnsupportedResponse({
        url,
        ...(contentType ? { contentType } : {}),
        ...(contentDisposition ? { contentDisposition } : {}),
      }),
    ).toBe(expected);
  });

  it("skips unsupported extensions before any request", () => {
    expect(hasUnsupportedExtension("http://x.ru/upload/photo.JPEG")).toBe(true);
    expect(hasUnsupportedExtension("http://x.ru/upload/doc.pdf")).toBe(false);
    expect(hasUnsupportedExtension("http://x.ru/sitemap.xml.gz")).toBe(false);
    expect(hasUnsupportedExtension("http://x.ru/news/")).toBe(false);
  });

  it("parses RFC 6266 file names", () => {
    expect(dispositionFilename("attachment; filename*=UTF-8''%D0%BF%D0%BB%D0%B0%D0%BD.pdf")).toBe("план.pdf");
    expect(dispositionFilename('inline; filename="a b.docx"')).toBe("a b.docx");
    expect(dispositionFilename(undefined)).toBeNull();
  });
});

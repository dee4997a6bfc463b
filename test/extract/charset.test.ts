import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { canonicalCharset, decodeBody, detectCharset, sniffMetaCharset } from "../../src/extract/charset.ts";

const PHRASE = "Независимая оценка качества условий оказания услуг организациями культуры";
const page = (head: string) =>
  `<!DOCTYPE html><html><head>${head}<title>Общественный совет</title></head><body><h1>${PHRASE}</h1><p>Протокол № 3 заседания общественного совета от 14.03.2025. Ёлка, щётка, объявление.</p></body></html>`;

describe("decodeBody", () => {
  it("decodes a windows-1251 page declared only in <meta http-equiv>", () => {
    const body = iconv.encode(
      page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'),
      "win1251",
    );
    const out = decodeBody(body, { "content-type": "text/html" }, "html");
    expect(out.charset).toBe("windows-1251");
    expect(out.source).toBe("meta");
    expect(out.text).toContain(PHRASE);
  });

  it("decodes a windows-1251 page declared by <meta charset> with an old label", () => {
    const body = iconv.encode(page('<meta charset="cp1251" />'), "win1251");
    const out = decodeBody(body, {}, "html");
    expect(out.charset).toBe("windows-1251");
    expect(out.text).toContain("Ёлка, щётка");
  });

  it("decodes a koi8-r page declared only in the HTTP header", () => {
    const body = iconv.encode(page(""), "koi8-r");
    const out = decodeBody(body, { "content-type": "text/html; charset=KOI8-R" }, "html");
    expect(out.charset).toBe("koi8-r");
    expect(out.source).toBe("header");
    expect(out.text).toContain(PHRASE);
  });

  it("lets the header win over the meta tag", () => {
    const body = iconv.encode(page('<meta charset="windows-1251">'), "koi8-r");
    expect(decodeBody(body, { "content-type": "text/html; charset=koi8-r" }, "html").charset).toBe("koi8-r");
  });

  it("detects windows-1251 sent under a utf-8 declaration", () => {
    const body = iconv.encode(page('<meta charset="utf-8">'), "win1251");
    const out = decodeBody(body, { "content-type": "text/html; charset=utf-8" }, "html");
    expect(out.charset).toBe("windows-1251");
    expect(out.source).toBe("detected");
    expect(out.text).toContain(PHRASE);
  });

  it("detects utf-8 sent under a windows-1251 declaration", () => {
    const body = new TextEncoder().encode(page('<meta charset="windows-1251">'));
    const out = decodeBody(body, {}, "html");
    expect(out.charset).toBe("utf-8");
    expect(out.text).toContain(PHRASE);
  });

  it("detects koi8-r and windows-1251 without any declaration", () => {
    for (const cs of ["koi8-r", "windows-1251"]) {
      const out = decodeBody(iconv.encode(page(""), cs), {}, "html");
      expect(out.charset).toBe(cs);
      expect(out.text).toContain(PHRASE);
    }
  });

  it("falls back to detection for an unknown declared charset", () => {
    const body = iconv.encode(page('<meta charset="x-no-such-charset">'), "win1251");
    const out = decodeBody(body, { "content-type": "text/html; charset=bogus" }, "html");
    expect(out.charset).toBe("windows-1251");
    expect(out.text).toContain(PHRASE);
  });

  it("honours a BOM over every declaration", () => {
    const utf8 = new TextEncoder().encode(page('<meta charset="windows-1251">'));
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const out = decodeBody(body, { "content-type": "text/html; charset=koi8-r" }, "html");
    expect(out).toMatchObject({ charset: "utf-8", source: "bom" });
    expect(out.text.startsWith("<!DOCTYPE")).toBe(true);
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(PHRASE, "utf-16le")]);
    expect(decodeBody(le, {}, "html").text).toBe(PHRASE);
  });

  it("never throws on garbage bytes", () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 151 + 7) % 256);
    for (const ct of ["text/html; charset=utf-8", "text/html; charset=koi8-r", "text/html", ""]) {
      expect(() => decodeBody(junk, { "content-type": ct }, "html")).not.toThrow();
    }
    expect(decodeBody(new Uint8Array(0), {}, "html")).toEqual({
      text: "",
      charset: "utf-8",
      source: "default",
    });
  });

  it("plain ASCII is utf-8 by default", () => {
    expect(decodeBody(new TextEncoder().encode("<p>hello</p>"), {}, "html")).toMatchObject({
      charset: "utf-8",
      source: "default",
    });
  });
});

describe("charset helpers", () => {
  it("canonicalises labels", () => {
    expect(canonicalCharset("CP1251")).toBe("windows-1251");
    expect(canonicalCharset("koi8r")).toBe("koi8-r");
    expect(canonicalCharset('"utf8"')).toBe("utf-8");
    expect(canonicalCharset("no-such")).toBeNull();
  });

  it("sniffs both meta forms", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(
      sniffMetaCharset(enc('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1251">')),
    ).toBe("windows-1251");
    expect(sniffMetaCharset(enc("<meta charset=koi8-r>"))).toBe("koi8-r");
    expect(sniffMetaCharset(enc("<meta name=description content='x'>"))).toBeNull();
  });

  it("detects charsets of short Russian snippets", () => {
    expect(detectCharset(iconv.encode("Версия для слабовидящих", "koi8-r"))).toBe("koi8-r");
    expect(detectCharset(iconv.encode("Версия для слабовидящих", "win1251"))).toBe("windows-1251");
    expect(detectCharset(iconv.encode("Версия для слабовидящих", "cp866"))).toBe("ibm866");
  });
});

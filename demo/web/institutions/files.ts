/** Bodies of an institution site: HTML pages (UTF-8 or windows-1251), PDF and DOCX documents, scripts. */
import iconv from "iconv-lite";
import type { DocBody } from "../docs/body.ts";
import { renderDocx } from "../docs/docx.ts";
import { renderPdf } from "../docs/pdf.ts";
import type { Served, SiteFiles } from "./types.ts";

export { a, esc } from "../sites/html.ts";

export function htmlFile(html: string, charset: "utf-8" | "windows-1251" = "utf-8"): Served {
  return charset === "utf-8"
    ? { contentType: "text/html; charset=UTF-8", body: Buffer.from(html, "utf8") }
    : // Old sites name the charset only in <meta>; the header says text/html alone.
      { contentType: "text/html", body: iconv.encode(html, "windows-1251") };
}

export function scriptFile(js: string): Served {
  return { contentType: "application/javascript; charset=UTF-8", body: Buffer.from(js, "utf8") };
}

export function cssFile(css: string): Served {
  return { contentType: "text/css; charset=UTF-8", body: Buffer.from(css, "utf8") };
}

export async function pdfFile(body: DocBody, date: string): Promise<Served> {
  return { contentType: "application/pdf", body: await renderPdf(body, date) };
}

export async function docxFile(body: DocBody): Promise<Served> {
  return {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    body: await renderDocx(body),
  };
}

/** Collects a site's files; a path registered twice is a bug in the site. */
export class Files {
  readonly map: SiteFiles = new Map();
  add(path: string, served: Served): this {
    if (this.map.has(path)) throw new Error(`duplicate institution demo path ${path}`);
    this.map.set(path, served);
    return this;
  }
}

/** A short text PDF (charters, unrelated reports) that fills a document list. */
export function plainPdf(title: string, paragraphs: string[], date: string): Promise<Served> {
  return pdfFile({ title, blocks: paragraphs.map((text) => ({ t: "p" as const, text })) }, date);
}

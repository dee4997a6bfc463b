/** Renders a model's documents to bytes, once per process (the demo web and its restarts share them). */
import { createHash } from "node:crypto";
import type { DocItem } from "../model.ts";
import { hashSeed } from "../random.ts";
import type { DocFormat } from "./body.ts";
import { renderDoc } from "./doc.ts";
import { renderDocx } from "./docx.ts";
import { renderPdf } from "./pdf.ts";
import { renderScan } from "./scan.ts";
import { renderXls, renderXlsx } from "./xlsx.ts";

export interface RenderedDoc {
  bytes: Buffer;
  contentType: string;
  ext: string;
  /** «PDF, 245 Кб» — how Russian sites label a download. */
  label: string;
  etag: string;
}

const TYPES: Record<DocFormat, [contentType: string, ext: string, label: string]> = {
  pdf: ["application/pdf", "pdf", "PDF"],
  scan: ["application/pdf", "pdf", "PDF"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "DOCX"],
  xlsx: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "XLSX"],
  xls: ["application/vnd.ms-excel", "xls", "XLS"],
  doc: ["application/msword", "doc", "DOC"],
};

export function extOf(format: DocFormat): string {
  return TYPES[format][1];
}

/** «245 Кб», «1,2 Мб» */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} Кб`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} Мб`;
}

async function bytesOf(item: DocItem, seedKey: string): Promise<Buffer> {
  switch (item.format) {
    case "pdf":
      return renderPdf(item.body, item.date);
    case "scan":
      return renderScan(hashSeed(seedKey), item.date);
    case "docx":
      return renderDocx(item.body);
    case "xlsx":
      return renderXlsx(item.body, item.date, item.key.startsWith("results") ? "Рейтинг" : "Лист1");
    case "xls":
      return renderXls(item.body, item.key.startsWith("results") ? "Рейтинг" : "Лист1");
    case "doc":
      return renderDoc(item.body);
  }
}

const cache = new Map<string, Promise<RenderedDoc>>();

/** `scope` identifies the site (its spec), so equal keys on different sites never collide. */
export function renderDocument(scope: string, item: DocItem): Promise<RenderedDoc> {
  const cacheKey = `${scope}\u0000${item.key}\u0000${item.format}`;
  let hit = cache.get(cacheKey);
  if (!hit) {
    hit = bytesOf(item, cacheKey).then((bytes) => {
      const [contentType, ext, kind] = TYPES[item.format];
      return {
        bytes,
        contentType,
        ext,
        label: `${kind}, ${sizeLabel(bytes.length)}`,
        etag: `"${createHash("sha1").update(bytes).digest("hex").slice(0, 20)}"`,
      };
    });
    cache.set(cacheKey, hit);
  }
  return hit;
}

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ExtractLimits } from "../limits.ts";
import { type DocumentText, guarded, tidyDocumentText } from "./guard.ts";
import { checkPdfStreams } from "./pdf-check.ts";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjsPromise: Promise<PdfJs> | null = null;
/** Loaded lazily: pdf.js is large and most pages are HTML. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= loadKeepingNativePush();
  return pdfjsPromise;
}

/**
 * pdf.js's legacy build bundles core-js, which swaps the engine's Array.prototype.push for a JavaScript one
 * (Node 20's push misses an edge case: push() with no items on an array whose length is read-only). That
 * slowed every push in the thread — pdf.js, mammoth, SheetJS, our code — so the native one is put back once
 * both halves of pdf.js (the in-thread worker half included, which would polyfill again) are loaded.
 */
async function loadKeepingNativePush(): Promise<PdfJs> {
  const push = Array.prototype.push;
  try {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return pdfjs;
  } finally {
    Array.prototype.push = push;
  }
}

type PdfWorker = InstanceType<PdfJs["PDFWorker"]>;
let sharedWorker: PdfWorker | null = null;
/**
 * One in-thread pdf.js "worker" for all documents: each getDocument would set up a fresh one (message
 * handlers, a port) and tear it down again. Documents stay apart inside it (own ids, caches, fonts).
 */
function pdfWorker(pdfjs: PdfJs): PdfWorker {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new pdfjs.PDFWorker({ verbosity: 0 });
  return sharedWorker;
}

/** Local pdf.js data (CMaps for CJK/Identity fonts, standard fonts): read from disk, never fetched. */
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const CMAP_URL = `${join(PDFJS_ROOT, "cmaps")}/`;
const STANDARD_FONTS_URL = `${join(PDFJS_ROOT, "standard_fonts")}/`;

interface TextItemLike {
  str: string;
  hasEOL?: boolean;
  transform?: number[];
}

/**
 * PDF text via pdf.js (legacy build, in-process "fake" worker, no font loading, no network). A PDF whose pages
 * carry no text at all is a scan: `meta.scanned`, which the rules read as «unknown», not «missing».
 */
export function extractPdf(bytes: Uint8Array, limits?: Partial<ExtractLimits>): Promise<DocumentText> {
  return guarded("PDF", bytes, limits, async (l, deadline) => {
    const refusal = await checkPdfStreams(bytes);
    if (refusal) return { text: "", meta: { error: `PDF: ${refusal}`, errorCode: "too-large" } };
    const pdfjs = await loadPdfJs();
    const task = pdfjs.getDocument({
      // pdf.js may detach the buffer it is given; the snapshot's bytes must stay intact.
      data: new Uint8Array(bytes),
      cMapUrl: CMAP_URL,
      cMapPacked: true,
      standardFontDataUrl: STANDARD_FONTS_URL,
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      stopAtErrors: false,
      verbosity: 0,
      worker: pdfWorker(pdfjs),
    });
    try {
      let doc: Awaited<typeof task.promise>;
      try {
        doc = await task.promise;
      } catch (err) {
        const name = (err as { name?: string }).name;
        if (name === "PasswordException")
          return { text: "", meta: { error: "PDF: защищён паролем, текст недоступен" } };
        if (name === "InvalidPDFException")
          return { text: "", meta: { error: "PDF: файл повреждён или это не PDF" } };
        throw err;
      }
      const pages = doc.numPages;
      const last = Math.min(pages, l.maxPages);
      const parts: string[] = [];
      let length = 0;
      let textPages = 0;
      let truncated = pages > l.maxPages;
      for (let n = 1; n <= last; n++) {
        if (deadline.expired() || length > l.maxTextChars) {
          truncated = true;
          break;
        }
        const page = await doc.getPage(n);
        const read = await pageTextBounded(page, l.maxTextChars - length, deadline);
        const pageText = joinItems(read.items);
        if (read.cut) truncated = true;
        page.cleanup();
        if (pageText.trim()) textPages++;
        parts.push(pageText);
        length += pageText.length;
      }
      const text = tidyDocumentText(parts.join("\n\f\n"));
      const title = metadataTitle(await doc.getMetadata().catch(() => null));
      return {
        text,
        meta: {
          pages,
          ...(textPages === 0 && pages > 0 ? { scanned: true } : {}),
          ...(truncated ? { truncated: true } : {}),
        },
        ...(title ? { title } : {}),
      };
    } finally {
      await task.destroy().catch(() => undefined);
    }
  });
}

/**
 * Text items a page may contribute. A page whose content stream repeats a text operator millions of times
 * (a text-operator bomb) would otherwise build millions of item objects at once (2.4 GB for a 3.5 MB file).
 */
const MAX_ITEMS_PER_PAGE = 100_000;

interface PageLike {
  streamTextContent(): ReadableStream<{ items: unknown[] }>;
}

/** A page's text items read as a stream, stopped at the item cap, the character room or the deadline. */
async function pageTextBounded(
  page: PageLike,
  room: number,
  deadline: { expired(): boolean },
): Promise<{ items: TextItemLike[]; cut: boolean }> {
  const reader = page.streamTextContent().getReader();
  const items: TextItemLike[] = [];
  let chars = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { items, cut: false };
      for (const item of value.items as TextItemLike[]) {
        items.push(item);
        chars += typeof item.str === "string" ? item.str.length : 0;
      }
      if (items.length > MAX_ITEMS_PER_PAGE || chars > room || deadline.expired()) {
        await reader.cancel().catch(() => undefined);
        return { items: items.slice(0, MAX_ITEMS_PER_PAGE), cut: true };
      }
    }
  } finally {
    reader.releaseLock();
  }
}

/** Text items in reading order: a new line when pdf.js says so or the baseline moves. */
function joinItems(items: TextItemLike[]): string {
  let out = "";
  let lastY: number | null = null;
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const y = item.transform?.[5];
    // pdf.js emits the spaces between words itself; only a moved baseline needs a line break added.
    if (lastY !== null && y !== undefined && Math.abs(y - lastY) > 2 && !out.endsWith("\n")) out += "\n";
    out += item.str;
    if (item.hasEOL) out += "\n";
    if (y !== undefined) lastY = y;
  }
  return out;
}

/** The PDF's own title, unless it is a generator's placeholder («Microsoft Word - 1.docx», «Документ1»). */
function metadataTitle(meta: { info?: unknown } | null): string | null {
  const title = (meta?.info as { Title?: unknown } | undefined)?.Title;
  if (typeof title !== "string") return null;
  const t = title.replace(/\s+/g, " ").trim();
  if (
    t.length < 5 ||
    /^(?:microsoft\s+word\s*-|документ\d*$|document\d*$|untitled|без имени|\S+\.(?:docx?|pdf|rtf|odt)$)/i.test(
      t,
    )
  ) {
    return null;
  }
  return t;
}

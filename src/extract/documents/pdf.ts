import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ExtractLimits } from "../limits.ts";
import { type DocumentText, guarded, tidyDocumentText } from "./guard.ts";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjsPromise: Promise<PdfJs> | null = null;
/** Loaded lazily: pdf.js is large and most pages are HTML. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsPromise;
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
        const content = await page.getTextContent();
        const pageText = joinItems(content.items as TextItemLike[]);
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

import * as cheerio from "cheerio";
import mammoth from "mammoth";
import type { ExtractLimits } from "../limits.ts";
import { tidyLines, visibleText } from "../visible-text.ts";
import { asBuffer, type DocumentText, guarded } from "./guard.ts";

/**
 * DOCX text via mammoth. Its HTML output is read rather than extractRawText because raw text puts every table
 * cell on its own line, while a rating table needs a row per line.
 */
export function extractDocx(bytes: Uint8Array, limits?: Partial<ExtractLimits>): Promise<DocumentText> {
  return guarded("DOCX", bytes, limits, async (l) => {
    const { value: html } = await mammoth.convertToHtml(
      { buffer: asBuffer(bytes) },
      { ignoreEmptyParagraphs: true },
    );
    const $ = cheerio.load(html);
    $("img").remove();
    const text = tidyLines(visibleText($.root().toArray(), undefined, l.maxTextChars + 1));
    return { text, meta: {} };
  });
}

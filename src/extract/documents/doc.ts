import WordExtractor from "word-extractor";
import type { ExtractLimits } from "../limits.ts";
import { asBuffer, type DocumentText, guarded, tidyDocumentText } from "./guard.ts";

/** Word 97–2003 (.doc) text via word-extractor: body, then footnotes and endnotes, headers last. */
export function extractDoc(bytes: Uint8Array, limits?: Partial<ExtractLimits>): Promise<DocumentText> {
  return guarded("DOC", bytes, limits, async () => {
    const doc = await new WordExtractor().extract(asBuffer(bytes));
    const parts = [
      doc.getBody(),
      doc.getFootnotes(),
      doc.getEndnotes(),
      doc.getHeaders({ includeFooters: true }),
    ];
    return { text: tidyDocumentText(parts.filter((p) => p?.trim()).join("\n")), meta: {} };
  });
}

/** The head of a document that has no type word — a letter (requisites, addressee, «О …» title). */
import { DATE_REQ, MAX_TITLE_CHARS, NUMBER_REQ, TITLE_START, titleFrom } from "./official-documents.ts";

/**
 * Where the head of a document without a type word ends — a letter: issuer, «от 16.12.2024 № 02-11/884»,
 * addressee, then the title «О результатах …» — so that what the body asks for («Просим разработать план
 * …») is not read as the document's own name. Null when the text does not open with such a head.
 */
export function untypedHeadEnd(text: string, within = 400): number | null {
  const lines = text.slice(0, within + MAX_TITLE_CHARS).split("\n");
  let offset = 0;
  let requisitesAt = -1;
  for (let i = 0; i < lines.length && offset < within; i++) {
    const line = lines[i]!.trim();
    if (requisitesAt < 0 && NUMBER_REQ.test(line) && DATE_REQ.test(line)) requisitesAt = i;
    else if (requisitesAt >= 0 && i - requisitesAt <= 4 && TITLE_START.test(line)) {
      const { next } = titleFrom(
        lines.slice(i).map((l) => l.trim()),
        0,
      );
      let end = offset;
      for (let j = i; j < i + next; j++) end += lines[j]!.length + 1;
      return Math.min(end, text.length);
    }
    offset += lines[i]!.length + 1;
  }
  return null;
}

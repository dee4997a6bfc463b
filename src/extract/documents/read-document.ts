import type { ContentKind } from "../../types/index.ts";
import type { ExtractLimits } from "../limits.ts";
import { extractDoc } from "./doc.ts";
import { extractDocx } from "./docx.ts";
import { type DocumentText, failure } from "./guard.ts";
import { extractOdt } from "./odt.ts";
import { extractPdf } from "./pdf.ts";
import { extractRtf } from "./rtf.ts";
import { extractSpreadsheet } from "./xlsx.ts";

const READERS: Partial<
  Record<ContentKind, (bytes: Uint8Array, limits?: Partial<ExtractLimits>) => Promise<DocumentText>>
> = {
  pdf: extractPdf,
  docx: extractDocx,
  doc: extractDoc,
  xls: extractSpreadsheet,
  xlsx: extractSpreadsheet,
  rtf: extractRtf,
  odt: extractOdt,
};

/** Reads a document in this thread (the worker's side, or everything when workers are off). */
export function readDocumentHere(
  kind: ContentKind,
  bytes: Uint8Array,
  limits: Partial<ExtractLimits>,
): Promise<DocumentText> {
  const reader = READERS[kind];
  return reader
    ? reader(bytes, limits)
    : Promise.resolve(failure(`формат ${kind} не поддерживается`, { errorCode: "unreadable" }));
}

export function isReadableDocument(kind: ContentKind): boolean {
  return READERS[kind] !== undefined;
}

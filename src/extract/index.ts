import type { ContentKind, PageArtifacts } from "../types/index.ts";
import { decodeBody } from "./charset.ts";
import { extractContacts } from "./contacts.ts";
import { extractDates } from "./dates.ts";
import { type DocumentText, guessTitle } from "./documents/index.ts";
import { isReadableDocument } from "./documents/read-document.ts";
import { readDocument } from "./documents/worker-pool.ts";
import { extractHtml } from "./html.ts";
import { type ExtractLimits, withDefaults } from "./limits.ts";
import { officialDocuments } from "./official-documents.ts";
import { collapseSpaces } from "./russian/normalize.ts";

export { closeDocumentPool, warmDocumentPool } from "./documents/worker-pool.ts";
export type { ExtractLimits } from "./limits.ts";
export { DEFAULT_LIMITS } from "./limits.ts";

export interface ExtractInput {
  url: string;
  finalUrl: string;
  contentKind: ContentKind;
  headers: Record<string, string>;
  body: Uint8Array;
  truncated?: boolean;
}

/** Dates from the first part of a document: the heading and the first pages carry the dates that matter. */
const DOCUMENT_DATE_CHARS = 200_000;

/**
 * Pure: bytes of one snapshot → named artifacts. Never touches the network, never throws for bad input:
 * unreadable documents come back with `document.error`. Documents get a per-call time limit.
 */
export async function extractArtifacts(
  input: ExtractInput,
  limits?: Partial<ExtractLimits>,
): Promise<PageArtifacts> {
  const l = withDefaults(limits);
  const kind = input.contentKind;
  if (kind === "other" && !looksLikeText(input)) {
    return documentArtifacts(input, { text: "", meta: { error: "формат файла не поддерживается" } });
  }
  if (kind === "html" || kind === "other") {
    const decoded = decodeBody(input.body, input.headers, kind);
    if (kind === "other" && !looksLikeHtml(decoded.text))
      return textArtifacts(input, decoded.text, decoded.charset, l);
    const page = extractHtml(decoded.text, input.url, input.finalUrl, l);
    const cut = input.truncated || page.document?.truncated;
    return {
      kind,
      ...page,
      documents: pageDocuments(page),
      charset: decoded.charset,
      ...(cut ? { document: { ...page.document, truncated: true } } : {}),
    };
  }
  const doc: DocumentText = isReadableDocument(kind)
    ? await readDocument(kind, input.body, l)
    : { text: "", meta: { error: `формат ${kind} не поддерживается` } };
  return documentArtifacts(input, doc);
}

function documentArtifacts(input: ExtractInput, doc: DocumentText): PageArtifacts {
  const title = doc.title || guessTitle(doc.text);
  const head = doc.text.slice(0, DOCUMENT_DATE_CHARS);
  const dates = dedupeDates([...extractDates(title, { titleLike: true }), ...extractDates(head)]);
  // A fetch cut at the size cap leaves a document that usually cannot be parsed; say that it was cut.
  const meta = input.truncated ? { ...doc.meta, truncated: true } : doc.meta;
  return {
    kind: input.contentKind,
    url: input.url,
    finalUrl: input.finalUrl,
    title,
    text: doc.text,
    mainText: doc.text,
    navText: "",
    headings: title ? [{ level: 1, text: title }] : [],
    links: [],
    dates,
    contacts: extractContacts(head),
    forms: [],
    microdata: {},
    document: meta,
    documents: officialDocuments(head),
  };
}

/**
 * Documents whose heads stand in a page's own main content. A row that holds a link to another page or
 * file («Приказ от … № … Об утверждении … | Скачать») names that target, not this page: such lines are
 * left to the link's label.
 */
function pageDocuments(
  page: Pick<PageArtifacts, "mainText" | "links" | "finalUrl">,
): PageArtifacts["documents"] {
  const here = page.finalUrl.replace(/#.*$/, "");
  const rows: { row: string; anchor: string }[] = [];
  for (const l of page.links) {
    if (l.inNav || l.url.replace(/#.*$/, "") === here) continue;
    const anchor = collapseSpaces(l.text);
    const row = collapseSpaces(l.context ?? l.text);
    if (row.length >= 6 && anchor.length >= 3) rows.push({ row, anchor });
    if (rows.length >= 2000) break;
  }
  // A line is a link's row when it holds the link's own words and lies within the link's context.
  return officialDocuments(page.mainText, (line) => {
    const flat = collapseSpaces(line);
    return (
      flat.length >= 6 &&
      rows.some((r) => flat.includes(r.anchor) && (r.row.includes(flat) || flat.includes(r.row)))
    );
  });
}

/** A plain-text body (robots, CSV, text/plain served as "other"). */
function textArtifacts(input: ExtractInput, raw: string, charset: string, l: ExtractLimits): PageArtifacts {
  const text = raw.slice(0, l.maxTextChars);
  const { document, ...artifacts } = documentArtifacts(input, { text, meta: {} });
  return {
    ...artifacts,
    charset,
    ...(raw.length > text.length || document?.truncated ? { document: { truncated: true } } : {}),
  };
}

/** "other" bodies worth reading as text: a text/xml/json type, or no NUL bytes in the first kilobytes. */
function looksLikeText(input: ExtractInput): boolean {
  const type = Object.entries(input.headers).find(([k]) => k.toLowerCase() === "content-type")?.[1] ?? "";
  if (/^text\/|[+/](?:xml|json)\b|xhtml/i.test(type)) return true;
  if (type && !/octet-stream/i.test(type)) return false;
  return !input.body.subarray(0, 4096).includes(0);
}

function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype\s+html|html|head|body|div|p|a\s)[\s>]/i.test(text.slice(0, 2048));
}

function dedupeDates<T extends { date: string; precision: string }>(dates: T[]): T[] {
  const seen = new Set<string>();
  return dates.filter((d) => {
    const key = `${d.date}|${d.precision}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

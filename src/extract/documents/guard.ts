import type { DocumentMeta } from "../../types/index.ts";
import { type ExtractLimits, withDefaults } from "../limits.ts";
import { checkZip } from "./zip-check.ts";

export interface DocumentText {
  text: string;
  meta: DocumentMeta;
  /** A title the file itself declares (PDF Title, ODT dc:title), when it is a real one. */
  title?: string;
}

/** A wall-clock budget that long loops (PDF pages) check between steps. */
export interface Deadline {
  expired(): boolean;
}

const MB = 1024 * 1024;

/**
 * Runs one document extractor so that it never throws: size checked first, the time limit raced, errors
 * turned into `meta.error` (Russian: it reaches reports), the text capped at `maxTextChars`.
 * A synchronous parser (SheetJS, word-extractor) cannot be interrupted; the size cap is what bounds it.
 */
export async function guarded(
  label: string,
  bytes: Uint8Array,
  limits: Partial<ExtractLimits> | undefined,
  work: (limits: ExtractLimits, deadline: Deadline) => Promise<DocumentText>,
): Promise<DocumentText> {
  const l = withDefaults(limits);
  if (bytes.byteLength > l.maxBytes) {
    return failure(
      `${label}: файл ${(bytes.byteLength / MB).toFixed(1)} МБ больше предела ${(l.maxBytes / MB).toFixed(0)} МБ`,
      { errorCode: "too-large" },
    );
  }
  if (bytes.byteLength === 0) return failure(`${label}: пустой файл`, { errorCode: "unreadable" });
  // Office Open XML and OpenDocument are ZIP archives: their sizes are checked before a parser inflates them.
  if (isZip(bytes)) {
    const refusal = checkZip(bytes);
    if (refusal) return failure(`${label}: ${refusal.message}`, { errorCode: refusal.reason });
  }
  const started = Date.now();
  const deadline: Deadline = { expired: () => Date.now() - started > l.timeMs };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DocumentText>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(
          failure(`${label}: не прочитан за ${duration(l.timeMs)}`, {
            truncated: true,
            errorCode: "timeout",
          }),
        ),
      l.timeMs,
    );
  });
  try {
    const result = await Promise.race([work(l, deadline), timeout]);
    // A reader that reports its own failure (no content.xml, a password) has read nothing either.
    if (result.meta.error && !result.meta.errorCode)
      return capText({ ...result, meta: { ...result.meta, errorCode: "unreadable" } }, l.maxTextChars);
    return capText(result, l.maxTextChars);
  } catch (err) {
    return failure(`${label}: не прочитан (${describeError(err)})`, { errorCode: "unreadable" });
  } finally {
    clearTimeout(timer);
  }
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function failure(error: string, extra: DocumentMeta = {}): DocumentText {
  return { text: "", meta: { ...extra, error } };
}

function capText(result: DocumentText, max: number): DocumentText {
  if (result.text.length <= max) return result;
  return { text: result.text.slice(0, max), meta: { ...result.meta, truncated: true } };
}

export function describeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, " ").slice(0, 300) || "неизвестная ошибка";
}

/** The bytes as a Node Buffer without copying. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Lines with collapsed inner spaces and no blank runs: what every extractor returns. */
export function tidyDocumentText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\u00ad/g, "")
    .split("\n")
    .map((line) =>
      line
        .replace(/[ \u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\f\v]+/g, " ")
        .replace(/ ?\t ?/g, "\t")
        .trim(),
    )
    .filter((line) => line.replace(/\t/g, "").length > 0)
    .join("\n");
}

function duration(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} с` : `${ms} мс`;
}

import { createInflate, inflateSync } from "node:zlib";

/**
 * Sizes of a PDF's compressed streams, checked before pdf.js decodes them. pdf.js inflates a stream into one
 * growing typed array, which lives outside the V8 heap: a worker's heap limit does not stop it, and a 9.7 MB
 * PDF holding gigabytes of zeros took 6.5 GB of RSS. Every FlateDecode stream is inflated here into nothing
 * (bytes counted, then dropped) and the document refused when one stream or all of them are too big.
 */
export interface PdfStreamLimits {
  maxStreamBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_PDF_STREAM_LIMITS: PdfStreamLimits = {
  maxStreamBytes: 150 * 1024 * 1024,
  maxTotalBytes: 600 * 1024 * 1024,
};

const MB = 1024 * 1024;
const STREAM = Buffer.from("stream");
const END_STREAM = Buffer.from("endstream");

/** A refusal message (Russian) or null. */
export async function checkPdfStreams(
  bytes: Uint8Array,
  limits: PdfStreamLimits = DEFAULT_PDF_STREAM_LIMITS,
): Promise<string | null> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = buf.indexOf(STREAM);
  while (at >= 0) {
    // "endstream" contains "stream": skip it.
    if (at >= 3 && buf.subarray(at - 3, at).toString("latin1") === "end") {
      at = buf.indexOf(STREAM, at + STREAM.length);
      continue;
    }
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf(END_STREAM, start);
    const stop = end < 0 ? buf.length : end;
    const dict = buf.subarray(Math.max(0, at - 1024), at).toString("latin1");
    const dictStart = dict.lastIndexOf("<<");
    if (dictStart >= 0 && /\/(?:FlateDecode|Fl)\b/.test(dict.slice(dictStart))) {
      const room = Math.min(limits.maxStreamBytes, limits.maxTotalBytes - total);
      const size = await inflatedSize(buf.subarray(start, stop), room);
      if (size === null)
        return `поток PDF распаковывается больше чем в ${(room / MB).toFixed(0)} МБ (бомба сжатия)`;
      total += size;
    }
    if (end < 0) break;
    at = buf.indexOf(STREAM, end + END_STREAM.length);
  }
  return null;
}

/**
 * Inflated at once up to this size: a PDF's streams are mostly a few kilobytes, and the stream below cost more
 * than the inflating (its events and callbacks were a seventh of reading a small PDF).
 */
const SYNC_INFLATE_BYTES = 1024 * 1024;

/** Bytes the zlib stream inflates to, or null once past `cap`; damaged streams count what they gave. */
async function inflatedSize(data: Uint8Array, cap: number): Promise<number | null> {
  const bound = Math.min(cap, SYNC_INFLATE_BYTES);
  try {
    const size = inflateSync(data, { maxOutputLength: bound }).length;
    // At the bound the stream may go on: counted by the stream below, which stops at the cap.
    if (size < bound) return size;
  } catch {
    // Larger than the bound, or damaged: the stream below counts what it gives.
  }
  return inflatedSizeStreamed(data, cap);
}

function inflatedSizeStreamed(data: Uint8Array, cap: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = createInflate();
    let size = 0;
    let settled = false;
    const settle = (value: number | null) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(value);
    };
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) settle(null);
    });
    inflate.on("end", () => settle(size));
    inflate.on("error", () => settle(size));
    inflate.end(data);
  });
}

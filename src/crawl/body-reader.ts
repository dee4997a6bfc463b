import { pipeline, Readable } from "node:stream";
import zlib from "node:zlib";
import type { CrawlError } from "../types/index.ts";
import { classifyError, crawlError } from "./errors.ts";

// Reading (or dropping) a response body under a byte cap and a deadline, apart from the redirect logic.

function decoderFor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const enc = (encoding ?? "").trim().toLowerCase();
  // Servers sometimes use zlib-less "deflate"; node's Unzip-like inflate handles the zlib-wrapped form.
  if (enc === "gzip" || enc === "x-gzip") return zlib.createGunzip();
  if (enc === "deflate") return zlib.createInflate();
  if (enc === "br") return zlib.createBrotliDecompress();
  return null;
}

export interface BodyResult {
  bytes: Uint8Array;
  rawBytes: number;
  truncated: boolean;
  error: CrawlError | null;
}

/**
 * Read at most `cap` bytes (raw and decoded), then destroy the stream: a 2 GB download
 * or a zip bomb never sits in memory beyond the cap plus one chunk.
 */
export async function readCapped(
  body: Readable,
  encoding: string | undefined,
  cap: number,
  deadlineMs: number,
): Promise<BodyResult> {
  let rawBytes = 0;
  let truncated = false;
  let timedOut = false;
  const chunks: Buffer[] = [];
  let total = 0;
  const decoder = decoderFor(encoding);
  body.on("error", () => {
    // surfaced through iteration
  });
  decoder?.on("error", () => {
    // surfaced through iteration
  });

  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      rawBytes += chunk.length;
      yield chunk;
      if (rawBytes > cap) {
        // More compressed bytes than the cap: the decoded body is larger still.
        truncated = true;
        return;
      }
    }
  }

  const source: AsyncIterable<Buffer> = decoder
    ? pipeline(Readable.from(counted()), decoder, () => {
        // errors surface through the iteration below
      })
    : counted();

  const timer = setTimeout(() => {
    timedOut = true;
    body.destroy(Object.assign(new Error("body timeout"), { code: "UND_ERR_BODY_TIMEOUT" }));
    decoder?.destroy(Object.assign(new Error("body timeout"), { code: "UND_ERR_BODY_TIMEOUT" }));
  }, deadlineMs);
  try {
    for await (const chunk of source) {
      const room = cap - total;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        total += room;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      total += chunk.length;
    }
    return { bytes: Buffer.concat(chunks, total), rawBytes, truncated, error: null };
  } catch (err) {
    const error = timedOut
      ? crawlError("timeout", `body not received within ${deadlineMs} ms`)
      : classifyError(err);
    return { bytes: Buffer.concat(chunks, total), rawBytes, truncated, error };
  } finally {
    clearTimeout(timer);
    if (!body.destroyed) body.destroy();
    decoder?.destroy();
  }
}

/** Drop a body we don't want; undici emits an abort error on destroy, which must not go unhandled. */
export function discard(body: Readable): void {
  body.on("error", () => {});
  body.destroy();
}

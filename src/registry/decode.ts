/** Decode a text file whose encoding nobody wrote down: UTF-8 (with or without BOM), UTF-16, or a Cyrillic code page. */
import chardet from "chardet";
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  encoding: string;
}

// Excel in Russian saves "CSV (разделители — запятые)" in windows-1251; KOI8-R and cp866 still turn up in old exports.
const CYRILLIC_FALLBACKS = ["windows-1251", "koi8-r", "ibm866"];

/**
 * Candidate decodings, most likely first. `accept` lets the caller pick the one whose text makes sense
 * (for a table: the header row is recognised), because statistics alone confuse cp1251 and KOI8-R on short files.
 */
export function decodeText(bytes: Uint8Array, accept: (text: string) => boolean = () => true): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString("utf8"), encoding: "utf-8" };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), "utf-16be"), encoding: "utf-16be" };
  try {
    // Valid UTF-8 is almost never a legacy code page by accident.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf-8" };
  } catch {
    // fall through to detection
  }
  const detected = chardet
    .analyse(buf)
    .map((m) => m.name.toLowerCase())
    .filter((name) => iconv.encodingExists(name) && !name.startsWith("utf"));
  const candidates = [
    ...new Set([...detected.filter((n) => CYRILLIC_FALLBACKS.includes(n)), ...CYRILLIC_FALLBACKS]),
  ];
  for (const encoding of candidates) {
    const text = iconv.decode(buf, encoding);
    if (accept(text)) return { text, encoding };
  }
  const encoding = candidates[0] ?? "windows-1251";
  return { text: iconv.decode(buf, encoding), encoding };
}

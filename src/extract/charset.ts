import { isUtf8 } from "node:buffer";
import chardet from "chardet";
import iconv from "iconv-lite";
import type { ContentKind } from "../types/index.ts";
import { StringMemo } from "../util/memo.ts";

/**
 * Bytes → Unicode for HTML and text bodies. Order: BOM, HTTP `content-type` charset, `<meta>` (HTML only),
 * detection. A declared charset is distrusted when the bytes contradict it (a page that says utf-8 but sends
 * windows-1251, or the reverse), because Russian regional sites often mislabel their pages.
 */
export interface DecodedBody {
  text: string;
  /** Canonical lower-case name, e.g. "utf-8", "windows-1251", "koi8-r". */
  charset: string;
  /** Where the charset came from. */
  source: "bom" | "header" | "meta" | "detected" | "default";
}

const META_SNIFF_BYTES = 4096;

export function decodeBody(
  body: Uint8Array,
  headers: Record<string, string>,
  kind: ContentKind,
): DecodedBody {
  const bom = bomCharset(body);
  if (bom)
    return { text: decode(body.subarray(bom.length), bom.charset), charset: bom.charset, source: "bom" };

  const declared: { charset: string; source: "header" | "meta" }[] = [];
  const fromHeader = canonicalCharset(charsetFromContentType(headerValue(headers, "content-type")));
  if (fromHeader) declared.push({ charset: fromHeader, source: "header" });
  if (kind === "html") {
    const fromMeta = canonicalCharset(sniffMetaCharset(body));
    // A meta utf-16 in an ASCII-compatible byte stream is a lie by construction (the HTML spec says the same).
    if (fromMeta)
      declared.push({ charset: fromMeta.startsWith("utf-16") ? "utf-8" : fromMeta, source: "meta" });
  }

  const first = declared[0];
  if (first && bytesAgree(body, first.charset)) {
    return { text: decode(body, first.charset), charset: first.charset, source: first.source };
  }
  const detected = detectCharset(body);
  return {
    text: decode(body, detected),
    charset: detected,
    source: first ? "detected" : detectedSource(body),
  };
}

/** Canonical charset name for a label, or null when neither WHATWG nor iconv-lite knows it. */
export function canonicalCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  // Constructing a TextDecoder opens an ICU converter: every page names its charset, and there are a handful.
  return charsetNames.get(label, () => canonicalName(label));
}

const charsetNames = new StringMemo<string | null>(1_000);

function canonicalName(label: string): string | null {
  const clean = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (!clean) return null;
  try {
    // WHATWG label table: cp1251 → windows-1251, latin1 → windows-1252, as browsers decode them.
    const name = new TextDecoder(clean).encoding;
    return name === "utf-16le" || name === "utf-16be" || iconv.encodingExists(name) ? name : null;
  } catch {
    // Labels browsers do not know but old servers send: koi8r, cp866, win1251.
    const alias = LEGACY_ALIASES[clean.replace(/[-_\s]/g, "")];
    if (alias) return alias;
    return iconv.encodingExists(clean) ? clean : null;
  }
}

const LEGACY_ALIASES: Record<string, string> = {
  koi8r: "koi8-r",
  koi8u: "koi8-u",
  cp866: "ibm866",
  ibm866: "ibm866",
  dos866: "ibm866",
  win1251: "windows-1251",
  windows1251: "windows-1251",
  cp1251: "windows-1251",
  utf8: "utf-8",
};

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  if (headers[name] !== undefined) return headers[name];
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

function charsetFromContentType(value: string | undefined): string | null {
  const m = value?.match(/charset\s*=\s*["']?([^"';,\s]+)/i);
  return m?.[1] ?? null;
}

function bomCharset(body: Uint8Array): { charset: string; length: number } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: "utf-16be", length: 2 };
  return null;
}

/** `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 4 KB. */
export function sniffMetaCharset(body: Uint8Array): string | null {
  const head = Buffer.from(
    body.buffer,
    body.byteOffset,
    Math.min(body.byteLength, META_SNIFF_BYTES),
  ).toString("latin1");
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i);
    if (direct?.[1] && !/http-equiv/i.test(tag)) return direct[1];
    if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content =
        tag.match(/\bcontent\s*=\s*(["'])(.*?)\1/i)?.[2] ?? tag.match(/\bcontent\s*=\s*([^\s>]+)/i)?.[1];
      const cs = charsetFromContentType(content);
      if (cs) return cs;
    }
  }
  return null;
}

/**
 * Do the bytes fit the declared charset? UTF-8 is checked strictly. A single-byte charset accepts any bytes,
 * so it is overruled only by bytes that are valid UTF-8 with many multi-byte sequences: windows-1251 or
 * koi8-r Russian text practically never forms valid UTF-8, so such a body is UTF-8 whatever it says.
 */
function bytesAgree(body: Uint8Array, charset: string): boolean {
  if (charset === "utf-8") return isValidUtf8(body);
  if (charset.startsWith("utf-16")) return true;
  return !(isValidUtf8(body) && countUtf8Multibyte(body, 8) >= 8);
}

/** Strict UTF-8 validity, as a fatal TextDecoder judges it, without building the decoded string. */
function isValidUtf8(body: Uint8Array): boolean {
  return isUtf8(body);
}

function countUtf8Multibyte(body: Uint8Array, enough: number): number {
  let n = 0;
  for (let i = 0; i < body.length && n < enough; i++) if ((body[i]! & 0xe0) === 0xc0) n++;
  return n;
}

function hasHighBytes(body: Uint8Array): boolean {
  for (let i = 0; i < body.length; i++) if (body[i]! >= 0x80) return true;
  return false;
}

function detectedSource(body: Uint8Array): DecodedBody["source"] {
  return hasHighBytes(body) ? "detected" : "default";
}

const CYRILLIC_CANDIDATES = ["windows-1251", "koi8-r", "ibm866", "iso-8859-5"];
const DETECT_SAMPLE_BYTES = 256 * 1024;

/**
 * chardet first; for Cyrillic (or an unsure chardet) the legacy Russian charsets are compared by how Russian
 * the decoded letters look, because chardet confuses windows-1251 and koi8-r on short pages.
 */
export function detectCharset(body: Uint8Array): string {
  if (!hasHighBytes(body)) return "utf-8";
  if (isValidUtf8(body)) return "utf-8";
  const sample = body.subarray(0, DETECT_SAMPLE_BYTES);
  let guess: string | null = null;
  try {
    guess = canonicalCharset(chardet.detect(sample));
  } catch {
    guess = null;
  }
  const cyrillic = bestCyrillic(sample);
  if (cyrillic) return cyrillic;
  return guess && guess !== "utf-8" ? guess : "windows-1252";
}

/** Best Russian charset when the bytes decode to mostly plausible Russian letters, else null. */
function bestCyrillic(sample: Uint8Array): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const cs of CYRILLIC_CANDIDATES) {
    const score = russianScore(iconv.decode(Buffer.from(sample), cs));
    if (score > bestScore) {
      bestScore = score;
      best = cs;
    }
  }
  return bestScore > 0.5 ? best : null;
}

/**
 * Share of non-ASCII characters that are common lower-case Russian letters: high for the right charset; the
 * wrong one turns letters into capitals, box drawing or rare letters.
 */
function russianScore(text: string): number {
  let high = 0;
  let good = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    high++;
    if (COMMON_RUSSIAN.has(ch)) good++;
  }
  return high >= 4 ? good / high : 0;
}

const COMMON_RUSSIAN = new Set("оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъё«»—–№");

/** Decode without ever throwing: unknown charsets and bad bytes degrade to replacement characters. */
export function decode(body: Uint8Array, charset: string): string {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  try {
    if (charset === "utf-8") return buf.toString("utf8");
    return iconv.decode(buf, charset);
  } catch {
    return buf.toString("utf8");
  }
}

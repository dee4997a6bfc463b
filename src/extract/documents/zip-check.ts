import { inflateRawSync } from "node:zlib";

/**
 * Limits for a ZIP container (DOCX, XLSX, ODT) checked before any parser inflates it: mammoth, SheetJS and
 * JSZip inflate whole entries into memory, so a 3.8 MB DOCX holding 4 GB of zeros took 4.2 GB of RSS.
 */
export interface ZipLimits {
  /** Total uncompressed bytes of all entries. */
  maxTotalBytes: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed / compressed, for entries past `ratioFloorBytes`. Real Office XML stays under ~30. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 10_000,
};

/** Why the archive is refused, or null when it may be parsed. */
export interface ZipRefusal {
  reason: "too-large" | "unreadable";
  message: string;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
const MB = 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  declared: number;
  localOffset: number;
}

/**
 * Reads the central directory and checks the declared sizes, then inflates each deflated entry with an output
 * cap (`maxOutputLength`) to check the actual sizes too: a directory may lie, the inflater cannot. Nothing
 * bigger than one entry's cap is ever held.
 */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipRefusal | null {
  const entries = readCentralDirectory(bytes);
  if (typeof entries === "string") return { reason: "unreadable", message: entries };
  if (entries.length > limits.maxEntries)
    return {
      reason: "too-large",
      message: `в архиве ${entries.length} файлов (предел ${limits.maxEntries})`,
    };
  let declaredTotal = 0;
  for (const e of entries) {
    if (e.declared === ZIP64_MARK || e.compressed === ZIP64_MARK)
      return { reason: "too-large", message: `файл архива ${e.name} больше 4 ГБ (ZIP64)` };
    declaredTotal += e.declared;
    const refusal = sizeRefusal(e.name, e.declared, e.compressed, declaredTotal, limits);
    if (refusal) return refusal;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let actualTotal = 0;
  for (const e of entries) {
    if (e.method !== 8) {
      actualTotal += e.compressed;
      continue;
    }
    const at = e.localOffset;
    if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE)
      return { reason: "unreadable", message: `повреждён заголовок файла ${e.name} в архиве` };
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.byteLength, start + e.compressed));
    const room = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - actualTotal);
    let size: number;
    try {
      size = inflateRawSync(data, { maxOutputLength: Math.max(1, room) }).byteLength;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError)
        return {
          reason: "too-large",
          message: `файл ${e.name} в архиве распаковывается больше чем в ${(room / MB).toFixed(0)} МБ`,
        };
      // A damaged stream is the parser's to report; its size is not the problem.
      continue;
    }
    actualTotal += size;
    const refusal = sizeRefusal(e.name, size, e.compressed, actualTotal, limits);
    if (refusal) return refusal;
  }
  return null;
}

function sizeRefusal(
  name: string,
  size: number,
  compressed: number,
  total: number,
  limits: ZipLimits,
): ZipRefusal | null {
  if (size > limits.maxEntryBytes)
    return {
      reason: "too-large",
      message: `файл ${name} в архиве — ${(size / MB).toFixed(0)} МБ после распаковки`,
    };
  if (total > limits.maxTotalBytes)
    return {
      reason: "too-large",
      message: `архив распаковывается больше чем в ${(limits.maxTotalBytes / MB).toFixed(0)} МБ`,
    };
  if (size > limits.ratioFloorBytes && size / Math.max(1, compressed) > limits.maxRatio)
    return {
      reason: "too-large",
      message: `файл ${name} в архиве сжат в ${Math.round(size / Math.max(1, compressed))} раз (ZIP-бомба)`,
    };
  return null;
}

function readCentralDirectory(bytes: Uint8Array): Entry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "это не ZIP-архив (нет оглавления)";
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE)
      return "повреждено оглавление ZIP-архива";
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + Math.min(nameLength, 200))),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      declared: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

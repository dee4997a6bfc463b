import type { ContentKind } from "../types/index.ts";

/**
 * Routing of a response body by Content-Type, magic bytes and URL extension.
 * Servers of regional authorities often send documents as `application/octet-stream`
 * or even `text/html`, so magic bytes win over headers, headers over extensions.
 */

export const DOCUMENT_KINDS: ReadonlySet<ContentKind> = new Set([
  "pdf",
  "doc",
  "docx",
  "xls",
  "xlsx",
  "rtf",
  "odt",
]);

export function isDocumentKind(kind: ContentKind): boolean {
  return DOCUMENT_KINDS.has(kind);
}

const TYPE_KINDS: Record<string, ContentKind> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
  "application/x-pdf": "pdf",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/rtf": "rtf",
  "application/x-rtf": "rtf",
  "text/rtf": "rtf",
  "application/vnd.oasis.opendocument.text": "odt",
};

const EXTENSION_KINDS: Record<string, ContentKind> = {
  html: "html",
  htm: "html",
  shtml: "html",
  php: "html",
  asp: "html",
  aspx: "html",
  jsp: "html",
  pdf: "pdf",
  doc: "doc",
  docx: "docx",
  xls: "xls",
  xlsx: "xlsx",
  rtf: "rtf",
  odt: "odt",
};

/** Extensions whose bodies nothing downstream can read: skipped before download. */
const UNSUPPORTED_EXTENSIONS = new Set(
  (
    "jpg jpeg png gif bmp webp svg ico tif tiff heic avif " +
    "mp4 avi mov mkv wmv flv webm m4v mpg mpeg 3gp mp3 wav ogg oga flac m4a aac wma " +
    "zip rar 7z gz tgz tar bz2 xz exe msi dmg iso apk jar bin " +
    "css js mjs map woff woff2 ttf eot otf ppt pptx pps ppsx odp swf sig p7s"
  ).split(" "),
);

/** Compressed sitemaps are the one gzip payload the crawler wants. */
const WANTED_COMPRESSED = /\.(?:xml|txt)\.gz$/i;

const UNSUPPORTED_TYPE_PREFIXES = ["image/", "video/", "audio/", "font/", "model/"];
const UNSUPPORTED_TYPES = new Set([
  "application/zip",
  "application/x-zip-compressed",
  "application/x-rar-compressed",
  "application/vnd.rar",
  "application/x-7z-compressed",
  "application/x-tar",
  "application/gzip",
  "application/x-gzip",
  "application/x-bzip2",
  "application/x-msdownload",
  "application/x-msdos-program",
  "application/vnd.microsoft.portable-executable",
  "application/x-iso9660-image",
  "application/java-archive",
  "application/vnd.android.package-archive",
  "application/x-shockwave-flash",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.presentation",
  "application/javascript",
  "text/javascript",
  "text/css",
  "application/pkcs7-signature",
]);

/** Content types that say nothing: route by extension and magic instead. */
const GENERIC_TYPES = new Set([
  "application/octet-stream",
  "binary/octet-stream",
  "application/force-download",
  "application/download",
  "application/x-download",
  "application/unknown",
]);

/** `text/html; charset=utf-8` → `text/html`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase();
}

/** The file name from `Content-Disposition`, if any (RFC 6266 `filename*` first). */
export function dispositionFilename(contentDisposition: string | undefined): string | null {
  if (!contentDisposition) return null;
  const star = /filename\*\s*=\s*(?:[\w-]+)?'[^']*'([^;]+)/i.exec(contentDisposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return star[1].trim();
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(contentDisposition);
  const name = plain?.[1] ?? plain?.[2];
  return name ? name.trim() : null;
}

/** Lower-case extension of a URL's (or file name's) last path segment, or "". */
export function extensionOf(urlOrName: string): string {
  let path = urlOrName;
  try {
    path = new URL(urlOrName).pathname;
  } catch {
    // a bare file name
  }
  const last = path.split("/").pop() ?? "";
  const dot = last.lastIndexOf(".");
  return dot > 0 ? last.slice(dot + 1).toLowerCase() : "";
}

/** True for URLs whose extension marks a body nobody downstream reads (images, video, archives …). */
export function hasUnsupportedExtension(url: string): boolean {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // keep as is
  }
  if (WANTED_COMPRESSED.test(path)) return false;
  return UNSUPPORTED_EXTENSIONS.has(extensionOf(url));
}

/** The kind a URL's extension suggests, or null. */
export function kindFromExtension(urlOrName: string): ContentKind | null {
  return EXTENSION_KINDS[extensionOf(urlOrName)] ?? null;
}

export interface ResponseHints {
  url: string;
  contentType?: string;
  contentDisposition?: string;
}

/** Decide from the headers alone whether a body is worth downloading. */
export function isUnsupportedResponse(hints: ResponseHints): boolean {
  const type = mediaType(hints.contentType);
  const filename = dispositionFilename(hints.contentDisposition);
  const names = filename ? [filename, hints.url] : [hints.url];
  if (names.some((n) => WANTED_COMPRESSED.test(n))) return false;
  if (type !== "" && !GENERIC_TYPES.has(type)) {
    if (TYPE_KINDS[type]) return false;
    if (UNSUPPORTED_TYPE_PREFIXES.some((p) => type.startsWith(p)) || UNSUPPORTED_TYPES.has(type)) {
      return true;
    }
    return false;
  }
  // Generic or missing type: the file name decides; documents and unknowns are downloaded and sniffed.
  const first = filename ?? hints.url;
  return UNSUPPORTED_EXTENSIONS.has(extensionOf(first)) && kindFromExtension(first) === null;
}

function startsWith(body: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (body.length < offset + bytes.length) return false;
  return bytes.every((b, i) => body[offset + i] === b);
}

function containsAscii(body: Uint8Array, needle: string): boolean {
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(needle, 0, "latin1");
}

function containsUtf16(body: Uint8Array, needle: string): boolean {
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).includes(Buffer.from(needle, "utf16le"));
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Kind from magic bytes alone, or null when the bytes say nothing. */
export function kindFromMagic(body: Uint8Array, fallback: ContentKind | null = null): ContentKind | null {
  if (startsWith(body, [0x25, 0x50, 0x44, 0x46])) return "pdf"; // %PDF
  // A PDF may follow junk (BOM, whitespace) in the first KiB (PDF 1.7 §7.5.2 tolerance).
  if (containsAscii(body.subarray(0, 1024), "%PDF-")) return "pdf";
  if (startsWith(body, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return "rtf"; // {\rtf
  if (startsWith(body, [0x50, 0x4b, 0x03, 0x04])) {
    // ZIP container: the member names tell OOXML and ODF apart.
    if (containsAscii(body, "word/")) return "docx";
    if (containsAscii(body, "xl/")) return "xlsx";
    if (containsAscii(body, "application/vnd.oasis.opendocument.text")) return "odt";
    return fallback === "docx" || fallback === "xlsx" || fallback === "odt" ? fallback : null;
  }
  if (startsWith(body, OLE)) {
    if (fallback === "doc" || fallback === "xls") return fallback;
    if (containsUtf16(body, "WordDocument")) return "doc";
    if (containsUtf16(body, "Workbook") || containsUtf16(body, "Book")) return "xls";
    return "doc";
  }
  return null;
}

function looksLikeHtml(body: Uint8Array): boolean {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 1024))
    .toString("latin1")
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, "")
    .trimStart()
    .toLowerCase();
  return (
    head.startsWith("<!doctype html") || head.startsWith("<html") || /<(?:head|body|title)[\s>]/.test(head)
  );
}

/** Route a fetched response into a ContentKind. */
export function detectContentKind(hints: ResponseHints & { body?: Uint8Array | null }): ContentKind {
  const type = mediaType(hints.contentType);
  const filename = dispositionFilename(hints.contentDisposition);
  const fromType = TYPE_KINDS[type] ?? null;
  const fromName = (filename ? kindFromExtension(filename) : null) ?? kindFromExtension(hints.url);
  const hint = fromType ?? fromName;
  const body = hints.body;
  if (body && body.length > 0) {
    const magic = kindFromMagic(body, hint);
    if (magic !== null) return magic;
    if (fromType === "html" || looksLikeHtml(body)) return "html";
  }
  if (fromType !== null) return fromType;
  if (type !== "" && !GENERIC_TYPES.has(type)) return "other";
  return fromName ?? "other";
}

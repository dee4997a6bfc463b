import { constants, deflateRawSync, deflateSync } from "node:zlib";

/**
 * Hostile documents built in memory without ever holding what they expand to: a deflate segment of 1 MB of
 * zeros ends with a full flush (the dictionary is reset), so the same bytes repeated N times inflate to N MB.
 */
const MB = 1024 * 1024;
const ZERO_SEGMENT = deflateRawSync(Buffer.alloc(MB), { finishFlush: constants.Z_FULL_FLUSH, level: 9 });
/** A final, empty fixed-Huffman block: BFINAL=1, BTYPE=01, end-of-block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** Raw deflate of `mb` megabytes of zeros. */
export function zerosDeflateRaw(mb: number): Buffer {
  return Buffer.concat([...Array<Buffer>(mb).fill(ZERO_SEGMENT), FINAL_BLOCK]);
}

/** zlib-wrapped (PDF FlateDecode) deflate of `mb` megabytes of zeros, with its Adler-32. */
export function zerosDeflateZlib(mb: number): Buffer {
  const b = (mb * MB) % 65521;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), zerosDeflateRaw(mb), adler]);
}

interface ZipEntry {
  name: string;
  data: Buffer;
  /** Deflated `data`'s uncompressed size as declared in the headers (a lying directory says less). */
  declared: number;
  deflated: boolean;
}

/** A ZIP archive with the given entries (CRC left 0: the size checks must refuse before any CRC check). */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflated ? 8 : 0, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflated ? 8 : 0, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);

/** A DOCX whose word/document.xml inflates to `mb` MB; `lie` declares 1 KB instead (or 4 GB+ as ZIP64). */
export function docxBomb(mb: number, lie: "none" | "small" = "none"): Buffer {
  const data = zerosDeflateRaw(mb);
  const declared = lie === "small" ? 1024 : Math.min(mb * MB, 0xffffffff);
  return zip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES, declared: CONTENT_TYPES.length, deflated: false },
    { name: "word/document.xml", data, declared, deflated: true },
  ]);
}

/** A one-page PDF around the given (already encoded) content stream. */
export function pdfWithContent(stream: Buffer, filter: string | null): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk =
      body === null
        ? Buffer.concat([
            Buffer.from(
              `${i + 1} 0 obj\n<< /Length ${stream.length}${filter ? ` /Filter /${filter}` : ""} >>\nstream\n`,
            ),
            stream,
            Buffer.from("\nendstream\nendobj\n"),
          ])
        : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    `startxref\n${length}`,
    "%%EOF\n",
  ].join("\n");
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

/** A PDF whose page content inflates to `mb` MB of zeros. */
export function pdfCompressionBomb(mb: number): Buffer {
  return pdfWithContent(zerosDeflateZlib(mb), "FlateDecode");
}

/** A PDF whose page draws one letter `count` times: millions of text operators in a small file. */
export function pdfOperatorBomb(count: number): Buffer {
  const ops = Buffer.from("(a) Tj ".repeat(count));
  return pdfWithContent(
    deflateSync(Buffer.concat([Buffer.from("BT /F1 12 Tf 10 10 Td "), ops, Buffer.from("ET")])),
    "FlateDecode",
  );
}

/**
 * DocBody → a classic Word 97 .doc: an OLE compound file with a WordDocument stream (FIB + UTF-16 text)
 * and a 1Table stream holding a one-piece piece table. That is all text extractors (word-extractor,
 * antiword-like readers) need; old ministry sites are full of such files.
 */
import XLSX from "xlsx";
import { bodyToLines, type DocBody } from "./body.ts";

interface CfbApi {
  utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, content: Buffer): void };
  write(cfb: unknown, opts: { type: "buffer"; fileType: "cfb" }): Uint8Array;
}

/** SheetJS bundles its CFB writer (not in its typings). */
const CFB = (XLSX as unknown as { CFB: CfbApi }).CFB;

const FC_MIN = 0x800;

export function renderDoc(body: DocBody): Buffer {
  // Word ends paragraphs with CR and the main text with one more.
  const text = `${bodyToLines(body).join("\r")}\r`;
  const textBytes = Buffer.from(text, "utf16le");
  const wd = Buffer.alloc(FC_MIN + textBytes.length);
  wd.writeUInt16LE(0xa5ec, 0x00); // wIdent: Word 8
  wd.writeUInt16LE(0x00c1, 0x02); // nFib: Word 97
  wd.writeUInt16LE(0x0419, 0x06); // lid: ru-RU
  wd.writeUInt16LE(0x0200, 0x0a); // fWhichTblStm: the table stream is 1Table
  wd.writeUInt32LE(FC_MIN, 0x18); // fcMin
  wd.writeUInt32LE(FC_MIN + textBytes.length, 0x1c); // fcMac
  wd.writeUInt32LE(text.length, 0x4c); // ccpText
  textBytes.copy(wd, FC_MIN);

  // Clx: one Pcdt holding a PlcPcd of a single uncompressed (UTF-16) piece.
  const clx = Buffer.alloc(1 + 4 + 8 + 8);
  clx.writeUInt8(0x02, 0);
  clx.writeUInt32LE(16, 1);
  clx.writeUInt32LE(0, 5);
  clx.writeUInt32LE(text.length, 9);
  clx.writeUInt16LE(0, 13);
  clx.writeUInt32LE(FC_MIN, 15); // fc without the 0x40000000 "compressed" bit: UTF-16
  clx.writeUInt16LE(0, 19);
  wd.writeUInt32LE(0, 0x1a2); // fcClx
  wd.writeUInt32LE(clx.length, 0x1a6); // lcbClx

  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, "/WordDocument", wd);
  CFB.utils.cfb_add(cfb, "/1Table", Buffer.concat([clx, Buffer.alloc(64)]));
  return Buffer.from(CFB.write(cfb, { type: "buffer", fileType: "cfb" }));
}

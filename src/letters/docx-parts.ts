/**
 * Paragraph builders and the page set-up of an official letter (ГОСТ Р 7.0.97-2016): A4, Times New Roman 14,
 * margins 20 mm (left 30 mm, for filing), justified text with a 1.25 cm indent, page numbers centred in the top
 * margin from the second page on.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { typeset } from "./typography.ts";

/** docx measures font sizes in half-points and lengths in twentieths of a point (twips). */
const PT = 2;
const MM = 56.7;
export const FONT = "Times New Roman";
export const BODY_SIZE = 14 * PT;
export const SMALL_SIZE = 12 * PT;
const INDENT = Math.round(12.5 * MM);

/** A4 in twips. */
export const A4 = { width: 11906, height: 16838 } as const;

export interface RunSpec {
  text: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

type Piece = string | RunSpec;

function runs(pieces: Piece[], size: number): TextRun[] {
  return pieces.map((p) =>
    typeof p === "string"
      ? new TextRun({ text: typeset(p), font: FONT, size })
      : new TextRun({
          text: typeset(p.text),
          font: FONT,
          size: p.size ?? size,
          ...(p.bold ? { bold: true } : {}),
          ...(p.italic ? { italics: true } : {}),
        }),
  );
}

/** A body paragraph: justified, first-line indent. */
export function para(...pieces: Piece[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: { after: 0, line: 276 },
    children: runs(pieces, BODY_SIZE),
  });
}

/** A sub-heading inside the text (a sphere, a section), bold, with space before it. */
export function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT },
    spacing: { before: 240, after: 60 },
    keepNext: true,
    children: runs([{ text, bold: true }], BODY_SIZE),
  });
}

/** A list item in the ministry's style: hanging, indented, the marker (number or «—») in front. */
export function item(marker: string, ...pieces: Piece[]): Paragraph {
  return new Paragraph({
    // Left-aligned: justified short items with long words stretch into gaps.
    alignment: AlignmentType.LEFT,
    indent: { left: INDENT, hanging: Math.round(INDENT * 0.6) },
    spacing: { after: 40, line: 276 },
    children: runs([`${marker} `, ...pieces], BODY_SIZE),
  });
}

/** Detail under a list item in 12 pt: what the check found and where it looked. */
export function detail(...pieces: Piece[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    indent: { left: INDENT },
    spacing: { after: 60 },
    children: runs(pieces, SMALL_SIZE),
  });
}

/** A centred line (titles). */
export function centred(
  text: string,
  opts: { bold?: boolean; size?: number; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: opts.after ?? 0 },
    children: runs([{ text, bold: opts.bold ?? false, size: opts.size ?? BODY_SIZE }], BODY_SIZE),
  });
}

/** A left-aligned line without indent (letterhead, addressee, signature). */
export function line(
  text: string,
  opts: { bold?: boolean; size?: number; align?: "left" | "center" } = {},
): Paragraph {
  return new Paragraph({
    alignment: opts.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: runs([{ text, bold: opts.bold ?? false, size: opts.size ?? BODY_SIZE }], BODY_SIZE),
  });
}

export function blank(): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: "", font: FONT, size: BODY_SIZE })] });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

/** Two columns without borders: the letterhead beside the addressee, the position beside the name. */
export function twoColumns(left: Paragraph[], right: Paragraph[], leftShare = 0.5): Table {
  const total = A4.width - Math.round(45 * MM);
  const leftWidth = Math.round(total * leftShare);
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children: children.length ? children : [blank()],
      width: { size: width, type: WidthType.DXA },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    });
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [leftWidth, total - leftWidth],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftWidth), cell(right, total - leftWidth)] })],
  });
}

/** The document: one A4 section, page number centred in the header from page 2 on (the first page has none). */
export function letterDocument(
  title: string,
  children: (Paragraph | Table)[],
  opts: { description?: string } = {},
): Document {
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SMALL_SIZE })],
  });
  return new Document({
    creator: "nok-monitor",
    title,
    ...(opts.description ? { description: opts.description } : {}),
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE }, paragraph: {} } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height },
            margin: {
              top: Math.round(20 * MM),
              bottom: Math.round(20 * MM),
              left: Math.round(30 * MM),
              right: Math.round(15 * MM),
              header: Math.round(10 * MM),
            },
          },
        },
        headers: {
          default: new Header({ children: [pageNumber] }),
          first: new Header({ children: [blank()] }),
        },
        children,
      },
    ],
  });
}

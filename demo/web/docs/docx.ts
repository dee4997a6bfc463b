/** DocBody → DOCX (docx). */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { DocBody } from "./body.ts";

const FONT = "Times New Roman";

const para = (
  text: string,
  opts: { bold?: boolean; align?: "center" | "right" | "justify"; size?: number } = {},
): Paragraph =>
  new Paragraph({
    alignment:
      opts.align === "center"
        ? AlignmentType.CENTER
        : opts.align === "right"
          ? AlignmentType.RIGHT
          : opts.align === "justify"
            ? AlignmentType.JUSTIFIED
            : AlignmentType.LEFT,
    children: [new TextRun({ text, bold: opts.bold, font: FONT, size: opts.size ?? 24 })],
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function table(head: string[], rows: string[][], widths?: number[]): Table {
  const fr = widths && widths.length === head.length ? widths : head.map(() => 1 / head.length);
  const row = (cells: string[], bold: boolean): TableRow =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (c, i) =>
          new TableCell({
            width: { size: Math.round((fr[i] ?? 0.1) * 5000), type: WidthType.PERCENTAGE },
            borders: { top: border, bottom: border, left: border, right: border },
            children: [para(c, { bold, size: 20 })],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(head, true), ...rows.map((r) => row(r, false))],
  });
}

export async function renderDocx(body: DocBody): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const line of body.stamp ?? []) children.push(para(line, { align: "right" }));
  children.push(para(body.title, { bold: true, align: "center", size: 28 }));
  if (body.subtitle) children.push(para(body.subtitle, { bold: true, align: "center" }));
  for (const b of body.blocks) {
    if (b.t === "h") children.push(para(b.text, { bold: true }));
    else if (b.t === "p") children.push(para(b.text, { align: b.align ?? "justify" }));
    else if (b.t === "list")
      for (const [i, item] of b.items.entries())
        children.push(para(`${b.ordered ? `${i + 1}.` : "–"} ${item}`));
    else children.push(table(b.head, b.rows, b.widths));
  }
  if (body.signature) children.push(para(""), para(body.signature));
  const doc = new Document({
    creator: "",
    title: body.subtitle ? `${body.title} ${body.subtitle}` : body.title,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

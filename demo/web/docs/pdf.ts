/** DocBody → PDF with a real text layer (pdfkit + embedded DejaVu). */
import PDFDocument from "pdfkit";
import type { DocBody } from "./body.ts";
import { dejaVu } from "./fonts.ts";

const MARGIN = 56;
/** Text options shared by every call (kept as a hook; shaping is already off in fonts.ts). */
const PLAIN = {};

/** Collects a pdfkit stream into one Buffer. */
export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

/** A fixed creation date keeps the bytes (and so ETags and snapshot hashes) identical across runs. */
export function pdfInfo(title: string, date: string): PDFKit.DocumentInfo {
  return {
    Title: title,
    Author: "",
    Producer: "Microsoft® Word 2016",
    Creator: "Microsoft® Word 2016",
    CreationDate: new Date(`${date}T09:00:00Z`),
  };
}

export async function renderPdf(body: DocBody, date: string): Promise<Buffer> {
  const fonts = dejaVu();
  // Wide tables (ratings with К1–К5) are printed in landscape, as ministries do.
  const wide = body.blocks.some((b) => b.t === "table" && b.head.length > 6);
  const doc = new PDFDocument({
    size: "A4",
    layout: wide ? "landscape" : "portrait",
    margin: MARGIN,
    font: "",
    info: pdfInfo(body.subtitle ? `${body.title} ${body.subtitle}` : body.title, date),
  });
  const done = collect(doc);
  doc.registerFont("regular", fonts.regular as unknown as Buffer);
  doc.registerFont("bold", fonts.bold as unknown as Buffer);
  const width = doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN;

  doc.font("regular").fontSize(10);
  if (body.stamp) {
    for (const line of body.stamp)
      doc.text(line, MARGIN + width * 0.55, undefined, { ...PLAIN, width: width * 0.45 });
    doc.moveDown();
  }
  doc
    .font("bold")
    .fontSize(12)
    .text(body.title, MARGIN, undefined, { ...PLAIN, width, align: "center" });
  if (body.subtitle)
    doc
      .font("bold")
      .fontSize(11)
      .text(body.subtitle, { ...PLAIN, width, align: "center" });
  doc.moveDown();

  for (const b of body.blocks) {
    if (b.t === "h") {
      doc
        .moveDown(0.5)
        .font("bold")
        .fontSize(11)
        .text(b.text, MARGIN, undefined, { ...PLAIN, width });
    } else if (b.t === "p") {
      doc
        .font("regular")
        .fontSize(10.5)
        .text(b.text, MARGIN, undefined, {
          ...PLAIN,
          width,
          align: b.align ?? "justify",
          indent: b.align ? 0 : 20,
        });
    } else if (b.t === "list") {
      doc.font("regular").fontSize(10.5);
      for (const [i, item] of b.items.entries())
        doc.text(`${b.ordered ? `${i + 1}.` : "–"} ${item}`, MARGIN + 14, undefined, {
          ...PLAIN,
          width: width - 14,
        });
    } else {
      drawTable(doc, b.head, b.rows, b.widths, width, bottom);
    }
    doc.moveDown(0.3);
  }
  if (body.signature) {
    doc
      .moveDown(1.5)
      .font("regular")
      .fontSize(10.5)
      .text(body.signature, MARGIN, undefined, { ...PLAIN, width });
  }
  doc.end();
  return done;
}

function drawTable(
  doc: PDFKit.PDFDocument,
  head: string[],
  rows: string[][],
  widths: number[] | undefined,
  width: number,
  bottom: () => number,
): void {
  const n = head.length;
  const fr = widths && widths.length === n ? widths : head.map(() => 1 / n);
  const total = fr.reduce((s, x) => s + x, 0);
  const cols = fr.map((x) => (x / total) * width);
  const pad = 3;
  // The largest font size at which no word has to be broken inside its column (real tables shrink, not split).
  const widest = (cells: string[], font: "bold" | "regular"): number[] => {
    doc.font(font).fontSize(10);
    return cells.map((c) => Math.max(0, ...c.split(/\s+/).map((w) => doc.widthOfString(w, PLAIN))));
  };
  const need = [widest(head, "bold"), ...rows.map((r) => widest(r, "regular"))];
  let size = 9;
  while (size > 5 && need.some((row) => row.some((w, i) => (w * size) / 10 > cols[i]! - pad * 2)))
    size -= 0.5;
  const drawRow = (cells: string[], bold: boolean): void => {
    doc.font(bold ? "bold" : "regular").fontSize(size);
    const h =
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { ...PLAIN, width: cols[i]! - pad * 2 }))) +
      pad * 2;
    if (doc.y + h > bottom()) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.rect(x, y, cols[i]!, h).lineWidth(0.5).stroke();
      doc.text(cell, x + pad, y + pad, { ...PLAIN, width: cols[i]! - pad * 2 });
      x += cols[i]!;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  drawRow(head, true);
  for (const r of rows) drawRow(r, false);
}

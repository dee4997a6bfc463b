/**
 * A "scanned" PDF: one raster image per page and no text layer, as when a signed order is scanned
 * and uploaded. Text extraction yields nothing; a checker must say "unknown", not "fail".
 */
import PDFDocument from "pdfkit";
import { createRng } from "../random.ts";
import { collect, pdfInfo } from "./pdf.ts";
import { encodeGrayPng } from "./png.ts";

const W = 850;
const H = 1100;

function page(seed: number): Buffer {
  const rng = createRng(seed);
  const px = new Uint8Array(W * H).fill(246);
  const rect = (x: number, y: number, w: number, h: number, v: number): void => {
    for (let yy = Math.max(0, y); yy < Math.min(H, y + h); yy++)
      for (let xx = Math.max(0, x); xx < Math.min(W, x + w); xx++) px[yy * W + xx] = v;
  };
  // Approval block top right, a centred title, then justified "lines of words".
  for (let i = 0; i < 3; i++) rect(520, 70 + i * 22, rng.int(150, 250), 9, 70);
  rect(330, 170, 190, 14, 40);
  rect(240, 195, 370, 11, 55);
  let y = 250;
  while (y < 900) {
    let x = 90 + (rng.chance(0.2) ? 30 : 0);
    while (x < 760) {
      const w = rng.int(18, 80);
      rect(x, y, Math.min(w, 760 - x), 8, rng.int(40, 90));
      x += w + rng.int(6, 10);
    }
    y += rng.chance(0.12) ? 34 : 20;
  }
  // A round stamp and a signature scribble.
  const cx = 220;
  const cy = 980;
  for (let a = 0; a < 2 * Math.PI; a += 0.002)
    for (const r of [58, 60, 61, 44])
      rect(Math.round(cx + r * Math.cos(a)), Math.round(cy + r * Math.sin(a)), 1, 1, 120);
  for (let t = 0; t < 160; t++) rect(330 + t, Math.round(985 + 12 * Math.sin(t / 7)), 2, 2, 30);
  // Scanner speckle.
  for (let i = 0; i < 3000; i++) px[rng.int(0, W * H - 1)] = rng.int(150, 220);
  return encodeGrayPng(W, H, px);
}

export async function renderScan(seed: number, date: string, pages = 2): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    font: "",
    autoFirstPage: false,
    info: { ...pdfInfo("", date), Producer: "HP Scan", Creator: "HP Scan" },
  });
  const done = collect(doc);
  for (let p = 0; p < pages; p++) {
    doc.addPage({ size: "A4", margin: 0 });
    doc.image(page(seed + p), 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  return done;
}

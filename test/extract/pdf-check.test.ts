import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkPdfStreams } from "../../src/extract/documents/pdf-check.ts";

/** A PDF-shaped buffer with one FlateDecode stream per body (what checkPdfStreams reads, nothing more). */
function pdfWith(...streams: Uint8Array[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  streams.forEach((s, i) => {
    parts.push(
      Buffer.from(`${i + 1} 0 obj\n<< /Length ${s.length} /Filter /FlateDecode >>\nstream\n`),
      Buffer.from(s),
    );
    parts.push(Buffer.from("\nendstream\nendobj\n"));
  });
  return Buffer.concat(parts);
}

const zeros = (n: number) => deflateSync(Buffer.alloc(n));
const MB = 1024 * 1024;

describe("checkPdfStreams: inflated sizes, small streams at once and large ones streamed", () => {
  it("passes small and mid-sized streams, counting their inflated bytes against the total", async () => {
    expect(await checkPdfStreams(pdfWith(zeros(1000), zeros(3 * MB)))).toBeNull();
    // Two streams of 3 MB each pass one by one and fail together.
    const limits = { maxStreamBytes: 4 * MB, maxTotalBytes: 5 * MB };
    expect(await checkPdfStreams(pdfWith(zeros(3 * MB)), limits)).toBeNull();
    expect(await checkPdfStreams(pdfWith(zeros(3 * MB), zeros(3 * MB)), limits)).toMatch(/бомба сжатия/);
  });

  it("refuses a stream past the cap, below and above the size inflated at once", async () => {
    expect(
      await checkPdfStreams(pdfWith(zeros(600 * 1024)), { maxStreamBytes: 512 * 1024, maxTotalBytes: MB }),
    ).toMatch(/бомба сжатия/);
    expect(
      await checkPdfStreams(pdfWith(zeros(5 * MB)), { maxStreamBytes: 2 * MB, maxTotalBytes: 8 * MB }),
    ).toMatch(/бомба сжатия/);
    // Exactly at the cap is still within it.
    expect(
      await checkPdfStreams(pdfWith(zeros(2 * MB)), { maxStreamBytes: 2 * MB, maxTotalBytes: 8 * MB }),
    ).toBeNull();
  });

  it("a damaged stream counts what it gave: cut halfway, it still fails a 2 MB cap", async () => {
    const whole = zeros(8 * MB);
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    expect(await checkPdfStreams(pdfWith(cut), { maxStreamBytes: 2 * MB, maxTotalBytes: 8 * MB })).toMatch(
      /бомба сжатия/,
    );
    expect(await checkPdfStreams(pdfWith(cut))).toBeNull();
    expect(await checkPdfStreams(pdfWith(Buffer.from("not zlib at all")))).toBeNull();
  });
});

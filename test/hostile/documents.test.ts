import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkZip } from "../../src/extract/documents/zip-check.ts";
import { docxBomb } from "./bombs.ts";
import { peakRssMb, runCase } from "./run-case.ts";

describe("hostile documents: bounded by the worker pool and the size checks", () => {
  it("a 4 GB DOCX zip bomb, a lying one, a PDF compression bomb and a text-operator bomb: all under 1 GB RSS", async () => {
    const r = await runCase(new URL("./cases/document-bombs.ts", import.meta.url), [], {
      timeoutMs: 120_000,
      maxOldSpaceMb: 1024,
    });
    expect(r.timedOut, r.stderr.slice(-2000)).toBe(false);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const out = JSON.parse(r.stdout) as Record<
      string,
      { document?: { errorCode?: string }; textChars: number }
    >;
    expect(out["docx-4gb"]?.document?.errorCode).toBe("too-large");
    expect(out["docx-lying"]?.document?.errorCode).toBe("too-large");
    expect(out["pdf-compression"]?.document?.errorCode).toBe("too-large");
    // The operator bomb may be read (its text is tiny) or cut; either way it ends, and nothing is invented.
    expect(out["pdf-operators"]?.textChars).toBeLessThanOrEqual(2_000_000);
    expect(peakRssMb(r)).toBeLessThan(1024);
  }, 130_000);

  it("checkZip passes real documents and refuses by ratio, size or a lying directory", () => {
    expect(checkZip(readFileSync(new URL("../fixtures/docs/regulation.docx", import.meta.url)))).toBeNull();
    expect(checkZip(readFileSync(new URL("../fixtures/docs/rating.xlsx", import.meta.url)))).toBeNull();
    expect(checkZip(docxBomb(8))?.message).toMatch(/ZIP-бомба/);
    expect(checkZip(docxBomb(300))?.reason).toBe("too-large");
    expect(checkZip(docxBomb(300, "small"))?.reason).toBe("too-large");
    expect(checkZip(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))?.reason).toBe("unreadable");
  });
});

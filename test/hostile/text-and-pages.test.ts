import { describe, expect, it } from "vitest";
import { capNesting } from "../../src/extract/nesting-cap.ts";
import { tidyLines } from "../../src/extract/visible-text.ts";
import { peakRssMb, runCase } from "./run-case.ts";

const GB = 1024;

describe("hostile text: no super-linear processing", () => {
  it("8 MB runs of spaces, dots, dashes and digits go through every text function", async () => {
    const r = await runCase(new URL("./cases/text-runs.ts", import.meta.url), [], {
      timeoutMs: 120_000,
      maxOldSpaceMb: 900,
      nodeFlags: ["--expose-gc"],
    });
    expect(r.timedOut, r.stderr.slice(-2000)).toBe(false);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    expect(r.stdout.trim()).toBe("ok");
    expect(peakRssMb(r)).toBeLessThan(GB);
  }, 130_000);

  it("tidyLines keeps its meaning: one tab per cell boundary, one space per run", () => {
    expect(tidyLines("  a \u00a0 b \t \t c\t\n\n\t d  ")).toBe("a b\tc\nd");
    expect(tidyLines(`x${" ".repeat(100_000)}y`)).toBe("x y");
  });
});

describe("hostile pages: depth and link caps", () => {
  it("100,000 nested tags of each kind: text read, no stack overflow", async () => {
    const r = await runCase(new URL("./cases/page-shapes.ts", import.meta.url), ["nested"], {
      timeoutMs: 120_000,
      maxOldSpaceMb: 900,
    });
    expect(r.timedOut, r.stderr.slice(-2000)).toBe(false);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, { text: string; links: string[] }>;
    for (const [tag, page] of Object.entries(out)) {
      expect(page.text, tag).toContain("глубокий текст");
      expect(page.text, tag).toContain("после");
      expect(page.links, tag).toContain("http://h/menu");
    }
    expect(peakRssMb(r)).toBeLessThan(GB);
  }, 130_000);

  it("a home page with 200,000 links keeps the first few thousand, menus first", async () => {
    const r = await runCase(new URL("./cases/page-shapes.ts", import.meta.url), ["links"], {
      timeoutMs: 120_000,
      maxOldSpaceMb: 900,
    });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const out = JSON.parse(r.stdout) as { links: number; first: string; navKept: boolean };
    expect(out.links).toBe(3000);
    expect(out.first).toBe("http://h/p0");
    expect(out.navKept).toBe(true);
    expect(peakRssMb(r)).toBeLessThan(GB);
  }, 130_000);

  it("capNesting leaves ordinary pages unchanged and drops only tags past the cap", () => {
    const page =
      "<html><body><div><p>a<p>b<ul><li>c<li>d</ul></div><!-- <div> --><script>'<div>'</script></body></html>";
    expect(capNesting(page, 5)).toBe(page);
    expect(capNesting("<div><div><div>x</div></div></div>", 2)).toBe("<div><div>x</div></div>");
    // Unclosed paragraphs never count as depth: old pages keep every tag.
    const paragraphs = "<p>x".repeat(1000);
    expect(capNesting(paragraphs, 10)).toBe(paragraphs);
  });
});

import { describe, expect, it } from "vitest";
import { tidyLines } from "../../src/extract/visible-text.ts";

/** The definition tidyLines implements in one pass: collapse spaces, fold tab runs, trim every line, drop empty ones. */
function reference(text: string): string {
  return text
    .replace(/\u00ad/g, "")
    .replace(/[ \u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, " ")
    .replace(/ ?\t[\t ]*/g, "\t")
    .split(/[\n\r\f\v\u2028\u2029]/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

describe("tidyLines", () => {
  it("equals trimming every line and dropping the empty ones, on random whitespace soups", () => {
    // A fixed linear congruential sequence: the same strings on every run, thousands of edge placements.
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const atoms = [
      "a",
      "б",
      " ",
      "  ",
      "\t",
      "\n",
      "\n\n",
      "\u00a0",
      "\u00ad",
      "\u200b",
      " \t ",
      "\r\n",
      "\u2028",
    ];
    for (let i = 0; i < 5000; i++) {
      let s = "";
      const n = next() % 14;
      for (let k = 0; k < n; k++) s += atoms[next() % atoms.length];
      expect(tidyLines(s), JSON.stringify(s)).toBe(reference(s));
    }
  });

  it("keeps cell boundaries inside a line and drops blank lines around it", () => {
    expect(tidyLines("  \n Состав \t совета \t\n\n\t  Положение  \n")).toBe("Состав\tсовета\nПоложение");
  });
});

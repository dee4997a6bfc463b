/**
 * DejaVu fonts, parsed once per process. Standard PDF fonts have no Cyrillic, so every PDF embeds these.
 * Two speed-ups matter on a shared 2-core machine: the parsed fontkit object is reused across documents,
 * and layout skips OpenType shaping (Russian text needs no ligatures or kerning), which is most of
 * pdfkit's time otherwise.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";

export interface DemoFonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

let cache: DemoFonts | null = null;

function ttfDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
}

/** The font with `layout` replaced by a plain cmap lookup: one glyph per code point, default advances. */
function unshaped(font: fontkit.Font): fontkit.Font {
  const glyphs = new Map<number, fontkit.Glyph>();
  const fast = Object.create(font) as fontkit.Font;
  fast.layout = (text: string) => {
    const run: fontkit.Glyph[] = [];
    // pdfkit scales these in place, so each call returns fresh position objects.
    const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let g = glyphs.get(cp);
      if (!g) {
        // Own glyph records: fontkit caches glyph objects by id across documents, and a glyph first met as
        // a component of another (Ь inside Ы) carries no code point, which breaks the PDF's ToUnicode map.
        const fg = font.glyphForCodePoint(cp);
        g = { id: fg.id, advanceWidth: fg.advanceWidth, codePoints: [cp] };
        glyphs.set(cp, g);
      }
      run.push(g);
      positions.push({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 });
    }
    return {
      glyphs: run,
      positions,
      get advanceWidth(): number {
        return positions.reduce((s, p) => s + p.xAdvance, 0);
      },
    };
  };
  return fast;
}

export function dejaVu(): DemoFonts {
  if (!cache) {
    const dir = ttfDir();
    cache = {
      regular: unshaped(fontkit.create(readFileSync(join(dir, "DejaVuSans.ttf")))),
      bold: unshaped(fontkit.create(readFileSync(join(dir, "DejaVuSans-Bold.ttf")))),
    };
  }
  return cache;
}

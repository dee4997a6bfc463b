import * as XLSX from "xlsx";
import type { ExtractLimits } from "../limits.ts";
import { asBuffer, type DocumentText, guarded } from "./guard.ts";

/**
 * XLS and XLSX (and ODS) via SheetJS. Each sheet starts with «Лист: name»; a row is one line with cells joined
 * by tabs, so a rating table's organisation and its scores stay together.
 */
export function extractSpreadsheet(
  bytes: Uint8Array,
  limits?: Partial<ExtractLimits>,
): Promise<DocumentText> {
  return guarded("Таблица", bytes, limits, async (l) => {
    const book = XLSX.read(asBuffer(bytes), {
      type: "buffer",
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
    });
    const lines: string[] = [];
    let length = 0;
    let truncated = false;
    for (const name of book.SheetNames) {
      const sheet = book.Sheets[name];
      if (!sheet) continue;
      lines.push(`Лист: ${name}`);
      const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, {
        header: 1,
        raw: false,
        blankrows: false,
        defval: "",
      });
      for (const row of rows) {
        const line = row
          .map((cell) =>
            String(cell ?? "")
              .replace(/\s+/g, " ")
              .trim(),
          )
          .join("\t")
          .replace(/\t+$/, "");
        if (!line.replace(/\t/g, "")) continue;
        lines.push(line);
        length += line.length + 1;
        if (length > l.maxTextChars) {
          truncated = true;
          break;
        }
      }
      if (truncated) break;
    }
    return {
      text: lines.join("\n"),
      meta: { pages: book.SheetNames.length, ...(truncated ? { truncated } : {}) },
    };
  });
}

/** Both share one reader: SheetJS tells the formats apart by content, not by name. */
export const extractXlsx = extractSpreadsheet;
export const extractXls = extractSpreadsheet;

/** YAML reader: a `sites:` list (or a bare list) of maps; every value keeps its line via the yaml LineCounter. */
import { readFile } from "node:fs/promises";
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { type Field, fieldForHeader } from "./fields.ts";
import type { RawCell, RawRow, ReadResult } from "./raw-row.ts";
import type { RegistryIssue } from "./schema.ts";

/** Keys that annotate a row (where it comes from, when it was seen) and are skipped without a warning. */
const ANNOTATIONS = new Set(["source", "seen", "источник", "дата", "note", "примечание"]);

export function parseYaml(text: string, file: string): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (node: unknown): number | null => {
    const range = (node as Node | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : null;
  };
  const issues: RegistryIssue[] = [];
  const error = (line: number | null, row: number | null, message: string, column?: string) =>
    issues.push({ file, line, row, ...(column ? { column } : {}), message, severity: "error" });

  if (doc.errors.length > 0) {
    for (const e of doc.errors)
      error(lineCounter.linePos(e.pos[0]).line, null, `Ошибка синтаксиса YAML: ${e.message}`);
    return { rows: [], issues };
  }
  const list = isMap(doc.contents) ? doc.contents.get("sites", true) : doc.contents;
  if (!isSeq(list)) {
    error(lineOf(doc.contents) ?? 1, null, "Ожидается список сайтов «sites:»");
    return { rows: [], issues };
  }

  const rows: RawRow[] = [];
  list.items.forEach((item, index) => {
    const row = index + 1;
    const line = lineOf(item);
    if (!isMap(item)) {
      error(line, row, "Запись должна быть набором полей (kind, region, sphere, name, url, …)");
      return;
    }
    const cells: Partial<Record<Field, RawCell>> = {};
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      const keyLine = lineOf(pair.key) ?? line;
      // Provenance of a row (registry/authorities.yaml): for people and `nok registry verify`, not a column.
      if (ANNOTATIONS.has(key)) continue;
      // Notification addresses: read, with their lines, by src/notify/contacts.ts.
      if (key === "contacts") continue;
      const field = fieldForHeader(key);
      if (!field) {
        issues.push({
          file,
          line: keyLine,
          row,
          column: key,
          message: `Неизвестное поле «${key}» — пропущено`,
          severity: "warning",
        });
        continue;
      }
      const value = pair.value;
      if (value === null || (isScalar(value) && (value.value === null || value.value === ""))) continue;
      if (!isScalar(value)) {
        error(lineOf(value) ?? keyLine, row, `Поле «${key}»: ожидается одно значение`, key);
        continue;
      }
      const numeric = typeof value.value === "number";
      // The source text keeps what YAML's number parsing drops: "01", "0105123456".
      const source = (value as { source?: string }).source;
      const text = numeric && source ? source : String(value.value);
      cells[field] = { text: text.trim(), numeric: false, column: key, line: lineOf(value) ?? keyLine };
    }
    rows.push({ file, row, line, cells });
  });
  return { rows, issues };
}

export async function readYaml(file: string): Promise<ReadResult> {
  return parseYaml(await readFile(file, "utf8"), file);
}

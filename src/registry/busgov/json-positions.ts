/**
 * Positions from the paged JSON form of the dataset
 * (`/public-rest/api/7710568760-Generalinformation?size=…&page=…` → `pagedContent.content[].body.position`).
 * One page is small (hundreds of positions), so a file is parsed whole; the JSON tree is walked with the
 * same paths as the XML, so both forms fill a position alike. A bare array of such items, or of positions,
 * is accepted too (a user's own concatenation of pages).
 */
import { readFile } from "node:fs/promises";
import { type BusgovPosition, emptyPosition, openElement, setField } from "./position.ts";

export class JsonFileError extends Error {
  override name = "JsonFileError";
}

function walk(p: BusgovPosition, value: unknown, path: string): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(p, item, path);
    return;
  }
  if (path) openElement(p, path);
  if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) walk(p, child, path ? `${path}/${key}` : key);
    return;
  }
  if (value != null && path) setField(p, path, String(value).trim());
}

function items(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  const content = (json as { pagedContent?: { content?: unknown } } | null)?.pagedContent?.content;
  return Array.isArray(content) ? content : null;
}

export async function* jsonPositions(file: string, source: string): AsyncGenerator<BusgovPosition> {
  yield* jsonTextPositions(await readFile(file, "utf8"), source);
}

export async function* jsonTextPositions(text: string, source: string): AsyncGenerator<BusgovPosition> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new JsonFileError(`не JSON: ${(err as Error).message}`);
  }
  const list = items(json);
  if (!list) throw new JsonFileError("ожидается pagedContent.content[] (страница набора открытых данных)");
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as { body?: { position?: unknown }; position?: unknown } | null;
    const position = item?.body?.position ?? item?.position ?? item;
    const p = emptyPosition(source, i + 1, true);
    if (position === null || typeof position !== "object" || Array.isArray(position))
      p.broken = "запись не является объектом position";
    else walk(p, position, "");
    yield p;
  }
}

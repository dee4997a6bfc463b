/** The 89 subjects of the Russian Federation, loaded once from registry/regions.yaml. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { type RegionInfo, RegionInfoSchema } from "./schema.ts";

export const DEFAULT_REGIONS_FILE = fileURLToPath(new URL("../../registry/regions.yaml", import.meta.url));

const cache = new Map<string, RegionInfo[]>();

/** Thrown for a broken regions file; the message names the file and line. */
export class RegionsFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${detail}`);
    this.name = "RegionsFileError";
  }
}

/** Load and validate the regions list (cached per absolute path). */
export function loadRegions(file: string = DEFAULT_REGIONS_FILE): RegionInfo[] {
  const path = resolve(file);
  const hit = cache.get(path);
  if (hit) return hit;
  const regions = parseRegions(path);
  cache.set(path, regions);
  return regions;
}

function parseRegions(file: string): RegionInfo[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new RegionsFileError(file, null, `не удалось прочитать файл (${(err as Error).message})`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const syntax = doc.errors[0];
  if (syntax) throw new RegionsFileError(file, syntax.linePos?.[0].line ?? null, syntax.message);
  const list = isMap(doc.contents) ? doc.contents.get("regions", true) : doc.contents;
  if (!isSeq(list)) throw new RegionsFileError(file, 1, "ожидается список «regions:»");

  const regions: RegionInfo[] = [];
  const codes = new Map<string, number>();
  const names = new Map<string, number>();
  for (const item of list.items) {
    const line =
      item && typeof item === "object" && "range" in item && item.range
        ? lineCounter.linePos(item.range[0]).line
        : null;
    const parsed = RegionInfoSchema.safeParse((item as { toJSON?: () => unknown })?.toJSON?.() ?? item);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new RegionsFileError(file, line, `${first?.path.join(".") || "запись"}: ${first?.message}`);
    }
    const region = parsed.data;
    const codeLine = codes.get(region.code);
    if (codeLine !== undefined) {
      throw new RegionsFileError(file, line, `код ${region.code} повторяется (уже в строке ${codeLine})`);
    }
    const nameLine = names.get(region.name);
    if (nameLine !== undefined) {
      throw new RegionsFileError(
        file,
        line,
        `наименование «${region.name}» повторяется (уже в строке ${nameLine})`,
      );
    }
    codes.set(region.code, line ?? 0);
    names.set(region.name, line ?? 0);
    regions.push(region);
  }
  return regions;
}

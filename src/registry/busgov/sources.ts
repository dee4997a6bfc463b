/**
 * What the importer reads: a zip of XML files (the open-data archive), a folder of such zips/XML/JSON
 * files, or one XML or JSON file. Each source yields its positions lazily, so nothing but the position
 * being read is held, whatever the archive's size.
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { jsonPositions, jsonTextPositions } from "./json-positions.ts";
import type { BusgovPosition } from "./position.ts";
import { xmlPositions } from "./xml-positions.ts";
import { listZipEntries, openZipEntry } from "./zip-entries.ts";

export interface PositionSource {
  /** How messages name it: "data.zip/part-001.xml". */
  name: string;
  positions(): AsyncGenerator<BusgovPosition>;
}

const READABLE = new Set([".zip", ".xml", ".json"]);

async function* jsonFromStream(stream: NodeJS.ReadableStream, name: string): AsyncGenerator<BusgovPosition> {
  // A JSON page is small (one page of the paged API): buffered whole.
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  yield* jsonTextPositions(Buffer.concat(chunks).toString("utf8"), name);
}

async function zipSources(file: string): Promise<PositionSource[]> {
  const entries = (await listZipEntries(file)).filter((e) => READABLE.has(extname(e.name).toLowerCase()));
  return entries
    .filter((e) => extname(e.name).toLowerCase() !== ".zip")
    .map((entry) => {
      const name = `${basename(file)}/${entry.name}`;
      const json = extname(entry.name).toLowerCase() === ".json";
      return {
        name,
        async *positions() {
          const stream = await openZipEntry(file, entry);
          if (json) yield* jsonFromStream(stream, name);
          else yield* xmlPositions(stream, name);
        },
      };
    });
}

function fileSource(file: string): PositionSource {
  const name = basename(file);
  if (extname(file).toLowerCase() === ".json") return { name, positions: () => jsonPositions(file, name) };
  return { name, positions: () => xmlPositions(createReadStream(file), name) };
}

/** Expands the inputs into sources in a stable order (folder entries sorted by name). */
export async function expandSources(
  inputs: readonly string[],
): Promise<{ sources: PositionSource[]; problems: { name: string; message: string }[] }> {
  const sources: PositionSource[] = [];
  const problems: { name: string; message: string }[] = [];
  const add = async (path: string, fromFolder: boolean) => {
    const ext = extname(path).toLowerCase();
    if (!READABLE.has(ext)) {
      if (!fromFolder) problems.push({ name: path, message: "нужен .zip, .xml, .json или папка с ними" });
      return;
    }
    if (ext === ".zip") {
      try {
        sources.push(...(await zipSources(path)));
      } catch (err) {
        problems.push({ name: path, message: (err as Error).message });
      }
      return;
    }
    sources.push(fileSource(path));
  };
  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch {
      problems.push({ name: input, message: "файл или папка не найдены" });
      continue;
    }
    if (info.isDirectory()) {
      const names = (await readdir(input)).sort();
      for (const n of names) await add(join(input, n), true);
    } else await add(input, false);
  }
  return { sources, problems };
}

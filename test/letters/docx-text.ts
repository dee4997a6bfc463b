/** Reads a written DOCX back: its text (mammoth, as Word users see it) and its raw XML parts (page set-up). */
import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import mammoth from "mammoth";

export async function docxText(path: string): Promise<string> {
  return (await mammoth.extractRawText({ path })).value;
}

export async function docxPart(path: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const file = zip.file(part);
  if (!file) throw new Error(`${part} not in ${path}`);
  return file.async("string");
}

export async function docxParts(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(path));
  return Object.keys(zip.files);
}

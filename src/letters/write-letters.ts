/** Writes the letters of a run: one DOCX per region with gaps, and the national cover note. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Packer } from "docx";
import { loadRegions } from "../registry/regions.ts";
import type { RunResult } from "../types/result.ts";
import { coverNote } from "./cover-note.ts";
import { regionLetter } from "./region-letter.ts";
import { regionLetterModel } from "./region-letter-model.ts";
import { addDays } from "./typography.ts";

/** Days a region is given to answer when no deadline is set. */
export const DEFAULT_ANSWER_DAYS = 30;

export interface WriteLettersOptions {
  /** Only these region codes (the cover note still summarises the whole run). */
  regions?: readonly string[];
  /** Answer deadline, YYYY-MM-DD; default: `today` + 30 days. */
  deadline?: string;
  /** The letters' date of writing (YYYY-MM-DD); default: today. */
  today?: string;
  /** registry/regions.yaml or another regions file (names, addressees). */
  regionsFile?: string;
  /** The pages the run read per site (pagesRead()), named for items not found. */
  pagesRead?: ReadonlyMap<string, string[]>;
}

export interface WrittenLetter {
  code: string;
  name: string;
  path: string;
  gapCount: number;
}

export interface WrittenLetters {
  dir: string;
  letters: WrittenLetter[];
  coverNote: string;
  /** Regions of the selection that have sites in the run but no gap: they get no letter. */
  withoutGaps: string[];
}

export async function writeLetters(
  run: RunResult,
  outDir: string,
  opts: WriteLettersOptions = {},
): Promise<WrittenLetters> {
  const known = new Map(loadRegions(opts.regionsFile).map((r) => [r.code, r]));
  const names = new Map(run.regions.map((r) => [r.code, r.name]));
  const codes = [...new Set(run.sites.map((s) => s.region).filter((c): c is string => c !== null))].sort();
  const selected = opts.regions?.length ? codes.filter((c) => opts.regions?.includes(c)) : codes;
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const deadline = opts.deadline ?? addDays(today, DEFAULT_ANSWER_DAYS);
  await mkdir(outDir, { recursive: true });

  const letters: WrittenLetter[] = [];
  const withoutGaps: string[] = [];
  for (const code of selected) {
    const info = known.get(code);
    const name = info?.name ?? names.get(code) ?? `Субъект Российской Федерации (код ${code})`;
    const model = regionLetterModel(run, code, name, opts.pagesRead);
    if (!model) {
      withoutGaps.push(code);
      continue;
    }
    const doc = regionLetter(model, { deadline, ...(info?.addressee ? { addressee: info.addressee } : {}) });
    const path = join(outDir, `letter-${code}.docx`);
    await writeFile(path, await Packer.toBuffer(doc));
    letters.push({ code, name, path, gapCount: model.gapCount });
  }
  const cover = join(outDir, "cover-note.docx");
  await writeFile(cover, await Packer.toBuffer(coverNote(run, letters)));
  return { dir: outDir, letters, coverNote: cover, withoutGaps };
}

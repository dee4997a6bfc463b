import { normalizeText } from "./normalize.ts";
import { stemWord } from "./stem.ts";

/** A normalised, stemmed view of a text with offsets back into the original for excerpts. */
export interface TokenIndex {
  /** The original text (offsets refer to it). */
  text: string;
  stems: string[];
  starts: number[];
  ends: number[];
  /** stem → token positions, for fast phrase lookup. */
  positions: Map<string, number[]>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Tokenises on letters/digits (so hyphens, quotes and punctuation split words) and stems each token. */
export function indexText(text: string): TokenIndex {
  const stems: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const positions = new Map<string, number[]>();
  // Normalisation keeps offsets: every replacement is 1:1 except collapsed spaces, so tokenise the
  // lower-cased original and normalise each token instead of the whole text.
  for (const m of text.matchAll(WORD)) {
    const token = normalizeText(m[0]);
    if (!token) continue;
    const stem = stemWord(token);
    const pos = stems.length;
    stems.push(stem);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    const list = positions.get(stem);
    if (list) list.push(pos);
    else positions.set(stem, [pos]);
  }
  return { text, stems, starts, ends, positions };
}

/** The stems of a phrase as written in a rule. */
export function stemPhrase(phrase: string): string[] {
  const out: string[] = [];
  for (const m of normalizeText(phrase).matchAll(WORD)) out.push(stemWord(m[0]));
  return out;
}

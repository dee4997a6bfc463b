import { collapseSpaces, normalizeText } from "./normalize.ts";
import { stemPhrase, type TokenIndex } from "./tokens.ts";

export interface PhraseMatch {
  phrase: string;
  /** Character offsets in the indexed text. */
  start: number;
  end: number;
}

export interface CompiledPhrase {
  phrase: string;
  stems: string[];
}

export function compilePhrase(phrase: string): CompiledPhrase {
  return { phrase, stems: stemPhrase(phrase) };
}

/**
 * Finds a phrase in a token index: the phrase's stems in order, with at most `maxGap` other words
 * between consecutive ones (so «положение об общественном совете по проведению независимой оценки»
 * matches «положение о совете» only when the gap allows it).
 * A stem written with a trailing `*` in a rule matches by prefix.
 */
export function findPhrase(index: TokenIndex, phrase: CompiledPhrase, maxGap = 2): PhraseMatch | null {
  return findPhraseFrom(index, phrase, maxGap, 0)?.match ?? null;
}

/** All non-overlapping matches of a phrase (first 50). */
export function findAllPhrase(index: TokenIndex, phrase: CompiledPhrase, maxGap = 2): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  let from = 0;
  while (out.length < 50) {
    const sub = findPhraseFrom(index, phrase, maxGap, from);
    if (!sub) break;
    out.push(sub.match);
    from = sub.nextPos;
  }
  return out;
}

function findPhraseFrom(
  index: TokenIndex,
  phrase: CompiledPhrase,
  maxGap: number,
  fromPos: number,
): { match: PhraseMatch; nextPos: number } | null {
  const first = phrase.stems[0];
  if (first === undefined) return null;
  for (const startPos of candidatePositions(index, first)) {
    if (startPos < fromPos) continue;
    let pos = startPos;
    let ok = true;
    for (let k = 1; k < phrase.stems.length; k++) {
      const want = phrase.stems[k]!;
      let found = -1;
      for (let p = pos + 1; p <= pos + 1 + maxGap && p < index.stems.length; p++) {
        if (tokenMatches(index, p, want)) {
          found = p;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      pos = found;
    }
    if (ok)
      return {
        match: { phrase: phrase.phrase, start: index.starts[startPos]!, end: index.ends[pos]! },
        nextPos: pos + 1,
      };
  }
  return null;
}

/**
 * A prefix («предложени*») is the written word's beginning, so it is compared with the word as well as
 * its stem: the stemmer cuts «предложения» to «предложен», shorter than the prefix.
 */
function tokenMatches(index: TokenIndex, pos: number, want: string): boolean {
  const actual = index.stems[pos]!;
  if (!want.endsWith("*")) return actual === want;
  const prefix = want.slice(0, -1);
  if (actual.startsWith(prefix)) return true;
  return prefix.startsWith(actual) && wordAt(index, pos).startsWith(prefix);
}

function wordAt(index: TokenIndex, pos: number): string {
  return normalizeText(index.text.slice(index.starts[pos], index.ends[pos]));
}

function candidatePositions(index: TokenIndex, first: string): number[] {
  if (!first.endsWith("*")) return index.positions.get(first) ?? [];
  const prefix = first.slice(0, -1);
  const out: number[] = [];
  for (const [stem, list] of index.positions) {
    if (stem.startsWith(prefix)) out.push(...list);
    else if (prefix.startsWith(stem))
      for (const p of list) if (wordAt(index, p).startsWith(prefix)) out.push(p);
  }
  return out.sort((a, b) => a - b);
}

/** A readable excerpt around a match, cut at word boundaries. */
export function excerptAround(text: string, start: number, end: number, radius = 120): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > end) to = space;
  }
  return `${from > 0 ? "…" : ""}${collapseSpaces(text.slice(from, to))}${to < text.length ? "…" : ""}`;
}

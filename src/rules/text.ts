/** Phrase compilation and cached token indexes over the Russian text layer (src/extract/russian). */
import {
  type CompiledPhrase,
  compilePhrase,
  findAllPhrase,
  findPhrase,
  indexText,
  normalizeText,
  type PhraseMatch,
  stemPhrase,
  type TokenIndex,
} from "../extract/russian/index.ts";

export type { CompiledPhrase, PhraseMatch, TokenIndex };

/**
 * Compiles a rule phrase. A word written with a trailing `*` («нок*», «транспорт*») matches by
 * prefix: its normalised form (not its stem) becomes the prefix, so «транспорт*» also matches
 * «транспортного». The shared compilePhrase drops the `*`, hence this wrapper.
 */
export function compile(phrase: string): CompiledPhrase {
  if (!phrase.includes("*")) return compilePhrase(phrase);
  const stems: string[] = [];
  for (const word of phrase.split(/\s+/)) {
    if (!word) continue;
    if (word.endsWith("*")) {
      const parts = normalizeText(word.slice(0, -1)).match(/[\p{L}\p{N}]+/gu) ?? [];
      parts.forEach((p, i) => {
        stems.push(i === parts.length - 1 ? `${p}*` : (stemPhrase(p)[0] ?? p));
      });
    } else stems.push(...stemPhrase(word));
  }
  return { phrase, stems };
}

export function compileAll(phrases: readonly string[]): CompiledPhrase[] {
  return phrases.map(compile).filter((p) => p.stems.length > 0);
}

// Short strings (link texts, titles, headings) recur across pages: one index per distinct string.
const shortCache = new Map<string, TokenIndex>();
const SHORT_LIMIT = 50_000;
const SHORT_MAX_LEN = 2_000;
// Long texts are indexed once per string object identity (the artifacts keep them alive).
const longCache = new Map<string, TokenIndex>();
const LONG_LIMIT = 64;

/** A token index for a text, cached: the engine re-evaluates the same pages many times during a crawl. */
export function indexOf(text: string): TokenIndex {
  if (text.length <= SHORT_MAX_LEN) {
    let idx = shortCache.get(text);
    if (!idx) {
      if (shortCache.size >= SHORT_LIMIT) shortCache.clear();
      idx = indexText(text);
      shortCache.set(text, idx);
    }
    return idx;
  }
  let idx = longCache.get(text);
  if (!idx) {
    if (longCache.size >= LONG_LIMIT) longCache.delete(longCache.keys().next().value as string);
    idx = indexText(text);
    longCache.set(text, idx);
  }
  return idx;
}

/** Long texts of one page, indexed once per artifacts object. */
const pageCache = new WeakMap<object, Map<string, TokenIndex>>();

export function indexFor(owner: object, name: string, text: string): TokenIndex {
  if (text.length <= SHORT_MAX_LEN) return indexOf(text);
  let m = pageCache.get(owner);
  if (!m) {
    m = new Map();
    pageCache.set(owner, m);
  }
  let idx = m.get(name);
  if (!idx || idx.text !== text) {
    idx = indexText(text);
    m.set(name, idx);
  }
  return idx;
}

const prefixMemo = new WeakMap<TokenIndex, Map<string, boolean>>();

/**
 * Cheap pre-check: can the phrase start anywhere in this index? A prefix stem («транспорт*») makes
 * the shared matcher scan the whole vocabulary; the answer per index and prefix is remembered.
 */
function mayStart(index: TokenIndex, p: CompiledPhrase): boolean {
  const first = p.stems[0];
  if (first === undefined) return false;
  if (!first.endsWith("*")) return index.positions.has(first);
  let memo = prefixMemo.get(index);
  if (!memo) {
    memo = new Map();
    prefixMemo.set(index, memo);
  }
  let hit = memo.get(first);
  if (hit === undefined) {
    const prefix = first.slice(0, -1);
    hit = false;
    // A stem shorter than the prefix («предложен» for «предложени*») may still start the word: the
    // shared matcher compares the written word then.
    for (const stem of index.positions.keys())
      if (stem.startsWith(prefix) || prefix.startsWith(stem)) {
        hit = true;
        break;
      }
    memo.set(first, hit);
  }
  return hit;
}

function find(index: TokenIndex, p: CompiledPhrase, maxGap: number): PhraseMatch | null {
  return mayStart(index, p) ? findPhrase(index, p, maxGap) : null;
}

/** The first (earliest) match of any phrase. */
export function findFirst(
  index: TokenIndex,
  phrases: readonly CompiledPhrase[],
  maxGap = 2,
): PhraseMatch | null {
  let best: PhraseMatch | null = null;
  for (const p of phrases) {
    const m = find(index, p, maxGap);
    if (m && (!best || m.start < best.start)) best = m;
  }
  return best;
}

/** Every match of every phrase, in text order. */
export function findEvery(index: TokenIndex, phrases: readonly CompiledPhrase[], maxGap = 2): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const p of phrases) if (mayStart(index, p)) out.push(...findAllPhrase(index, p, maxGap));
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

export function hasAny(index: TokenIndex, phrases: readonly CompiledPhrase[], maxGap = 2): boolean {
  for (const p of phrases) if (find(index, p, maxGap)) return true;
  return false;
}

const shortResults = new WeakMap<readonly CompiledPhrase[], Map<number, Map<string, PhraseMatch | null>>>();

/**
 * findFirst over a short text (a label), remembered per phrase list: the engine re-evaluates the
 * same link texts and titles after every few pages of a crawl.
 */
export function findFirstIn(
  text: string,
  phrases: readonly CompiledPhrase[],
  maxGap = 2,
): PhraseMatch | null {
  if (text.length > SHORT_MAX_LEN) return findFirst(indexOf(text), phrases, maxGap);
  let byGap = shortResults.get(phrases);
  if (!byGap) {
    byGap = new Map();
    shortResults.set(phrases, byGap);
  }
  let memo = byGap.get(maxGap);
  if (!memo) {
    memo = new Map();
    byGap.set(maxGap, memo);
  }
  let hit = memo.get(text);
  if (hit === undefined) {
    hit = findFirst(indexOf(text), phrases, maxGap);
    if (memo.size > 100_000) memo.clear();
    memo.set(text, hit);
  }
  return hit;
}

/** Token position of the first token starting at or after a character offset. */
export function tokenAt(index: TokenIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text of the `count` tokens after a match (for «… при министерстве транспорта» windows). */
export function textAfter(index: TokenIndex, end: number, count: number): string {
  const from = tokenAt(index, end);
  const to = Math.min(index.starts.length, from + count) - 1;
  if (to < from) return "";
  return index.text.slice(index.starts[from]!, index.ends[to]!);
}

/** The text of the `count` tokens before a match. */
export function textBefore(index: TokenIndex, start: number, count: number): string {
  const at = tokenAt(index, start);
  const from = Math.max(0, at - count);
  if (at <= from) return "";
  return index.text.slice(index.starts[from]!, index.ends[at - 1]!);
}

/** The stem right after a match, or null at the end of the text. */
export function stemAfter(index: TokenIndex, end: number, skip = 0): string | null {
  return index.stems[tokenAt(index, end) + skip] ?? null;
}

/** Cut to a readable length at a word boundary. */
export function clip(text: string, max = 240): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(" ", max);
  return `${t.slice(0, cut > max * 0.6 ? cut : max)}…`;
}

/**
 * The label without the place where the rating is given: «Оценить качество работы музея на сайте mos.ru»
 * rates the museum, not a site — so exclusions such as «сайта» («Оцените работу сайта») must not see it.
 */
export function withoutVenue(label: string): string {
  return label.replace(/(^|[\s(«"])на\s+(?:официальном\s+)?сайте(?=$|[\s.,:;)»"])/giu, "$1");
}

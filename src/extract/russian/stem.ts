import snowball from "snowball-stemmers";

/** Snowball Russian stemmer (the standard algorithm), memoised: the same words recur on every page. */
const stemmer = snowball.newStemmer("russian");
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

export function stemWord(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  // Only Cyrillic words are stemmed; numbers and Latin (URLs, "344н" parts) stay as they are.
  const stem = /[а-я]/.test(word) && word.length > 2 ? stemmer.stem(word) : word;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
  return stem;
}

/** Russian text normalisation: the one place where case, ё, quotes, dashes and spaces are unified. */

const QUOTES = /[«»“”„‟″"'`´‘’‚‹›]/g;
const DASHES = /[‐‑‒–—―−﹘﹣－]/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
const SOFT_HYPHEN = /\u00ad/g;

/** Lower case, ё→е, one kind of quote and dash, collapsed whitespace. Keeps string length semantics loose. */
export function normalizeText(input: string): string {
  return dropSoftHyphens(input)
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(QUOTES, '"')
    .replace(DASHES, "-")
    .replace(SPACES, " ")
    .trim();
}

/** Collapse whitespace only (for excerpts shown to people). */
export function collapseSpaces(input: string): string {
  return dropSoftHyphens(input).replace(SPACES, " ").trim();
}

/** Text without soft hyphens. includes() is a fast scan: most texts hold none and skip the replacement. */
export function dropSoftHyphens(input: string): string {
  return input.includes("\u00ad") ? input.replace(SOFT_HYPHEN, "") : input;
}

/** Russian typography of official letters: non-breaking spaces, dashes, quotes, long dates. */

import { MONTHS_GENITIVE } from "../util/ru.ts";

export const NBSP = "\u00a0";

/**
 * Typesets running text: «№ 5» and «№5» get a non-breaking space after the sign and before it, initials stay with
 * the surname («М.А. Топилин»), a spaced hyphen becomes an em-dash glued to the word before it, straight quotes
 * become «ёлочки». Idempotent, so text already typeset (rule titles, messages) passes through unchanged.
 */
export function typeset(text: string): string {
  return (
    text
      // Straight double quotes: an opening one follows a start, space or bracket.
      .replace(/(^|[\s([{])"(?=\S)/g, "$1«")
      .replace(/"/g, "»")
      // Spaced hyphen or en-dash between words: an em-dash that never starts a line.
      .replace(/[ \u00a0]+[-–—][ \u00a0]+/g, `${NBSP}— `)
      // «№ 5», «от 21.07.2014 № 256»: the sign sticks to what is before it and to its number.
      .replace(/[ \u00a0]*№[ \u00a0]*(?=[\p{L}\d])/gu, `${NBSP}№${NBSP}`)
      .replace(/^\u00a0№/, "№")
      // Initials: «М.А. Топилин», «Топилин М.А.» — the surname never parts from the initials.
      .replace(/(\b\p{Lu}\.\p{Lu}\.)[ ]+(?=\p{Lu}\p{Ll})/gu, `$1${NBSP}`)
      .replace(/(\p{Lu}\p{Ll}+)[ ]+(?=\p{Lu}\.\p{Lu}\.)/gu, `$1${NBSP}`)
      // «2026 г.», «10 л.»: a number and its abbreviation stay together.
      .replace(/(\d)[ ](?=(?:г|гг|л|с|стр|ч|мин)\.)/g, `$1${NBSP}`)
  );
}

/** "2026-11-01" → «1 ноября 2026 г.» (with non-breaking spaces). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS_GENITIVE[Number(m[2]) - 1];
  if (!month) return iso;
  return `${Number(m[3])}${NBSP}${month} ${m[1]}${NBSP}г.`;
}

/** "2026-11-01" → «01.11.2026». */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** YYYY-MM-DD `days` after `iso` (calendar days, UTC). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Ends a sentence with a full stop unless it already ends with one («… 2026 г.»). */
export function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

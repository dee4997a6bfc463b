/** Dates of evidence: from titles, link texts, headings and opening lines, via the extract stage's parser. */
import { extractDates } from "../extract/dates.ts";
import type { FoundDate } from "../types/index.ts";

const cache = new Map<string, FoundDate[]>();
const LIMIT = 20_000;

/** A date right before «№ 392-ФЗ» / «№ 344н» is the date of a cited act, not of this document. */
const ACT_AFTER = /^\s*(?:г\.|года)?\s*(?:№|N|No\.?)\s*\d+\s*-?\s*(?:фз|кз|оз|н)(?![\p{L}])/iu;
const CITED_BEFORE =
  /(?:федеральн\p{L}*\s+закон\p{L}*|закон\p{L}*\s+российской|указ\p{L}*\s+президента|постановлени\p{L}*\s+правительства\s+российской|в соответствии с|согласно)[^.;]{0,60}$/iu;

/** Dates in a text, without the dates of acts it cites. */
export function datesIn(text: string, titleLike: boolean): FoundDate[] {
  if (!text) return [];
  const key = `${titleLike ? "t" : "r"}|${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: FoundDate[] = [];
  let cursor = 0;
  for (const d of extractDates(text, { titleLike })) {
    const at = text.indexOf(d.raw, cursor);
    if (at >= 0) {
      cursor = at;
      const after = text.slice(at + d.raw.length, at + d.raw.length + 30);
      const before = text.slice(Math.max(0, at - 90), at);
      if (ACT_AFTER.test(after) || CITED_BEFORE.test(before)) continue;
    }
    out.push(d);
  }
  if (cache.size >= LIMIT) cache.clear();
  cache.set(key, out);
  return out;
}

/** The last day a date may mean (a bare year is its 31 December): staleness is never guessed early. */
export function dateEnd(d: FoundDate): string {
  const [y, m] = d.date.split("-").map(Number) as [number, number];
  if (d.precision === "year") return `${y}-12-31`;
  if (d.precision === "month") {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
  }
  return d.date;
}

export function yearOf(d: FoundDate): number {
  return Number(d.date.slice(0, 4));
}

const MONTHS = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];

/** «15.09.2025», «сентябрь 2025», «2025 год». */
export function formatDate(d: FoundDate): string {
  const [y, m, day] = d.date.split("-");
  if (d.precision === "year") return `${y} год`;
  if (d.precision === "month") return `${MONTHS[Number(m) - 1]} ${y}`;
  return `${day}.${m}.${y}`;
}

/** Shift an ISO date by whole months (clamped to the month's end). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

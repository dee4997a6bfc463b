import type { FoundDate } from "../types/index.ts";

/**
 * Dates in Russian text: numeric (12.03.2024, 12.03.24, 2024-03-12), textual («12» марта 2024 г.),
 * month + year (март 2024), year ranges (2023–2025) and bare years with a year cue (в 2024 году, НОК 2025).
 * Pure and regex-only; a candidate that overlaps a more precise one is dropped, so 14.03.2025 is one date.
 */

export interface DateOptions {
  /**
   * The text is a title or heading: a clean bare year (НОК 2025) counts without a cue word.
   * In running text a bare year needs a cue (в/на/за … , НОК, «год»), or it might be a count or an amount.
   */
  titleLike?: boolean;
}

interface Candidate {
  start: number;
  end: number;
  dates: { date: string; precision: FoundDate["precision"] }[];
}

// \b is ASCII-only in JS regexes, so word edges for Cyrillic are spelled out as lookarounds below.

/** Month stems; endings cover nominative, genitive and prepositional (март, марта, марте). */
const MONTHS: [RegExp, number][] = [
  [/^январ/u, 1],
  [/^янв/u, 1],
  [/^феврал/u, 2],
  [/^фев/u, 2],
  [/^март/u, 3],
  [/^мар/u, 3],
  [/^апрел/u, 4],
  [/^апр/u, 4],
  [/^ма[йяе]/u, 5],
  [/^июн/u, 6],
  [/^июл/u, 7],
  [/^август/u, 8],
  [/^авг/u, 8],
  [/^сентябр/u, 9],
  [/^сен/u, 9],
  [/^октябр/u, 10],
  [/^окт/u, 10],
  [/^ноябр/u, 11],
  [/^ноя/u, 11],
  [/^декабр/u, 12],
  [/^дек/u, 12],
];

const MONTH_FULL =
  "(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])";
const MONTH_ABBR = "(?:янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)\\.";
const YEAR_WORD = "(?:\\s*(?:гг?\\.|г(?![\\p{L}])|год(?:а|у|ом|ы|ов|ах)?(?![\\p{L}])))";
const OPEN_QUOTE = "[«\"“„']?";
const CLOSE_QUOTE = "[»\"”“']?";

const NUMERIC_DAY = new RegExp(
  `(?<![\\p{L}\\d.,/])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})(?!\\d|[.,/]\\d)${YEAR_WORD}?`,
  "gu",
);
const NUMERIC_DAY_SHORT_YEAR = /(?<![\p{L}\d.,/])(\d{2})\.(\d{2})\.(\d{2})(?!\d|[.,/]\d)/gu;
const ISO_DAY = /(?<![\d\-./])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d-])/gu;
const TEXT_DAY = new RegExp(
  `${OPEN_QUOTE}(?<![\\p{N}])(\\d{1,2})${CLOSE_QUOTE}\\s*(${MONTH_FULL}|${MONTH_ABBR})\\s*((?:19|20)\\d{2})(?!\\d)${YEAR_WORD}?`,
  "giu",
);
/**
 * «март 2024»: found from the year backwards, because a regex that starts with the month alternation is
 * tried at every position of the text and was the slowest pass by far on big pages.
 */
const YEAR_TOKEN = /(?<!\d)(?:19|20)\d{2}(?!\d)/gu;
const MONTH_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(${MONTH_FULL}|${MONTH_ABBR})\\s*$`, "iu");
const YEAR_WORD_AFTER = new RegExp(`^${YEAR_WORD}`, "iu");
const NUMERIC_MONTH = /(?<![\p{L}\d.,/№])(0[1-9]|1[0-2])\.(20\d{2})(?!\d|[.,/]\d)/gu;
const YEAR_RANGE = new RegExp(
  `(?<![\\p{L}\\d.,/№\\-])(20\\d{2})\\s*(?:[-–—/]|\\s(?:по|до)\\s)\\s*(20\\d{2})(?![\\d\\-–/]|\\.\\d)${YEAR_WORD}?`,
  "giu",
);
const BARE_YEAR = new RegExp(`(?<![\\p{L}\\d.,/№])(20\\d{2})(?!\\d)(${YEAR_WORD})?`, "giu");

/** A word right before a bare year that makes it a year in running text («в 2024», «НОК 2025», «НОК-2024»). */
const YEAR_CUE_BEFORE =
  /(?:^|[^\p{L}])(?:в|во|на|за|с|со|по|до|от|к|нок|нокуо|оценк\p{L}*|итог\p{L}*|результат\p{L}*|отч[её]т\p{L}*|план\p{L}*|период\p{L}*|год\p{L}*|рейтинг\p{L}*|мониторинг\p{L}*)[\s\-–—]*$/iu;
/** Signs that a four-digit number is a number, not a year: act numbers, phones, amounts, units. */
const NUMBER_MARK_BEFORE = /(?:№|\bN|\bNo\.?|\bномер\p{L}*|ИНН|ОГРН|КПП|ОКПО|БИК|[\d)+])[\s\-–—(]*$/iu;
const NUMBER_MARK_AFTER =
  /^(?:[-–—]?\s*\p{L}|[-–—/]\s*\d|\s*[-–—)(]?\s*\d|\s*(?:%|руб|р\.|₽|тыс|млн|млрд|чел|шт|экз|ед\.|кв\.|м2|м²|км|кг|мест|балл|раз|посещ|участ|заяв|анкет|респондент|организац|учрежден))/iu;

const MAX_TEXT = 2_000_000;
const TWO_DIGITS = /\d\d/;

export function extractDates(text: string, options: DateOptions = {}): FoundDate[] {
  const src = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  // Every pattern below holds a year (or a two-digit one): text without two ASCII digits in a row has no
  // date. Most headings are such text, and each pass is a full regex scan.
  if (!TWO_DIGITS.test(src)) return [];
  const taken: Candidate[] = [];
  const overlaps = (start: number, end: number): boolean => taken.some((c) => start < c.end && end > c.start);
  const take = (c: Candidate | null): void => {
    if (c && c.dates.length > 0 && !overlaps(c.start, c.end)) taken.push(c);
  };

  // Most precise first: a later, vaguer pattern cannot claim the year inside 14.03.2025.
  for (const m of src.matchAll(TEXT_DAY)) {
    const month = monthNumber(m[2]!);
    take(dayCandidate(m, Number(m[3]), month, Number(m[1])));
  }
  for (const m of src.matchAll(NUMERIC_DAY)) {
    take(dayCandidate(m, Number(m[4]), Number(m[3]), Number(m[1])));
  }
  for (const m of src.matchAll(NUMERIC_DAY_SHORT_YEAR)) {
    const yy = Number(m[3]);
    take(dayCandidate(m, yy < 70 ? 2000 + yy : 1900 + yy, Number(m[2]), Number(m[1])));
  }
  for (const m of src.matchAll(ISO_DAY)) {
    take(dayCandidate(m, Number(m[1]), Number(m[2]), Number(m[3])));
  }
  for (const m of src.matchAll(YEAR_TOKEN)) {
    const at = m.index;
    const from = Math.max(0, at - 16);
    const mm = MONTH_BEFORE.exec(src.slice(from, at));
    if (!mm) continue;
    const start = from + mm.index;
    // The slice may start mid-word («…ьмарт»): the lookbehind cannot see past it.
    if (start > 0 && mm.index === 0 && /[\p{L}\p{N}]/u.test(src[start - 1]!)) continue;
    const month = monthNumber(mm[1]!);
    const suffix = YEAR_WORD_AFTER.exec(src.slice(at + 4, at + 16))?.[0] ?? "";
    if (month)
      take({
        start,
        end: at + 4 + suffix.length,
        dates: [{ date: iso(Number(m[0]), month, 1), precision: "month" }],
      });
  }
  for (const m of src.matchAll(NUMERIC_MONTH)) {
    take(span(m, [{ date: iso(Number(m[2]), Number(m[1]), 1), precision: "month" }]));
  }
  for (const m of src.matchAll(YEAR_RANGE)) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    // «2023-2025» is a period; «2025-2023» or a 30-year span is more likely a number pair.
    if (to <= from || to - from > 10) continue;
    take(
      span(m, [
        { date: iso(from, 1, 1), precision: "year" },
        { date: iso(to, 1, 1), precision: "year" },
      ]),
    );
  }
  for (const m of src.matchAll(BARE_YEAR)) {
    const start = m.index;
    const end = start + m[0].length;
    const hasYearWord = Boolean(m[2]);
    const before = src.slice(Math.max(0, start - 24), start);
    const after = src.slice(start + 4, start + 24);
    if (NUMBER_MARK_BEFORE.test(before)) continue;
    if (!hasYearWord) {
      if (NUMBER_MARK_AFTER.test(after)) continue;
      if (!options.titleLike && !YEAR_CUE_BEFORE.test(before)) continue;
    }
    take({ start, end, dates: [{ date: iso(Number(m[1]), 1, 1), precision: "year" }] });
  }

  taken.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  const out: FoundDate[] = [];
  for (const c of taken) {
    const raw = src.slice(c.start, c.end).trim();
    for (const d of c.dates) {
      const key = `${d.date}|${d.precision}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ date: d.date, precision: d.precision, raw });
    }
  }
  return out;
}

function monthNumber(word: string): number {
  const w = word.toLowerCase();
  for (const [re, n] of MONTHS) if (re.test(w)) return n;
  return 0;
}

function dayCandidate(m: RegExpMatchArray, year: number, month: number, day: number): Candidate | null {
  if (!validDay(year, month, day)) return null;
  return span(m, [{ date: iso(year, month, day), precision: "day" }]);
}

function span(m: RegExpMatchArray, dates: Candidate["dates"]): Candidate {
  const start = m.index ?? 0;
  return { start, end: start + m[0].length, dates };
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

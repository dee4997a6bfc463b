/** Freshness of found evidence against the as-of date (an option of the document and section checks). */
import type { FoundDate } from "../../types/index.ts";
import { addMonths, dateEnd, formatDate, yearOf } from "../dates.ts";
import type { Freshness } from "./params.ts";

export interface FreshnessVerdict {
  status: "pass" | "warn";
  /** Russian sentence about the newest date (or its absence). */
  message: string;
  newest: FoundDate | null;
}

/**
 * Judges the newest usable date among all found items. A bare year counts as its 31 December and a
 * month as its last day, so an imprecise date never makes evidence look staler than it is. Dates
 * after the as-of date are ignored (plans and typos), except a next-year list when lists are judged.
 */
export function judgeFreshness(dates: readonly FoundDate[], f: Freshness, asOf: string): FreshnessVerdict {
  const asOfYear = Number(asOf.slice(0, 4));
  const usable = dates.filter((d) => {
    if (f.minYearOffset !== undefined) return yearOf(d) <= asOfYear + 1;
    return d.date <= asOf;
  });
  let newest: FoundDate | null = null;
  for (const d of usable) if (!newest || dateEnd(d) > dateEnd(newest)) newest = d;
  if (!newest) {
    return {
      status: f.undated,
      message:
        f.undated === "warn" ? "Дата или год не указаны — актуальность не подтверждена." : "Дата не указана.",
      newest: null,
    };
  }
  const when = formatDate(newest);
  if (f.maxAgeMonths !== undefined) {
    const limit = addMonths(asOf, -f.maxAgeMonths);
    if (dateEnd(newest) < limit)
      return {
        status: "warn",
        message: `Самое новое — ${when}: старше ${f.maxAgeMonths} мес. на ${formatIso(asOf)}.`,
        newest,
      };
  }
  if (f.minYearOffset !== undefined) {
    const wanted = asOfYear + f.minYearOffset;
    if (yearOf(newest) < wanted)
      return {
        status: "warn",
        message: `Самое новое — за ${yearOf(newest)} год; на ${formatIso(asOf)} ожидается за ${wanted} год или позже.`,
        newest,
      };
  }
  if (f.notBefore !== undefined && dateEnd(newest) < f.notBefore) {
    return {
      status: "warn",
      message: `Датировано ${when} — раньше ${f.notBeforeLabel ?? formatIso(f.notBefore)}.`,
      newest,
    };
  }
  return { status: "pass", message: `Самое новое — ${when}.`, newest };
}

export function formatIso(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

/** Freshness of evidence dated only by the years it names (a stated score, a plan's table, a clause). */
export function judgeYears(
  years: readonly (number | null)[],
  f: Freshness | undefined,
  asOf: string,
): FreshnessVerdict | null {
  if (!f) return null;
  const dates: FoundDate[] = years
    .filter((y): y is number => y !== null)
    .map((y) => ({ date: `${y}-01-01`, precision: "year", raw: String(y) }));
  return judgeFreshness(dates, f, asOf);
}

import type { FoundDate, Heading } from "../types/index.ts";
import { extractDates } from "./dates.ts";

/** Dates of a page: title and headings first (bare years count there), then the main text; deduped. */
export function pageDates(title: string, headings: Heading[], mainText: string): FoundDate[] {
  const found = [
    ...extractDates(title, { titleLike: true }),
    ...headings.flatMap((h) => extractDates(h.text, { titleLike: true })),
    ...extractDates(mainText),
  ];
  const seen = new Set<string>();
  return found.filter((d) => {
    const key = `${d.date}|${d.precision}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

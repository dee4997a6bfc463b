/** Russian date formats the demo's documents use. Dates are ISO strings (YYYY-MM-DD), no time zones. */
import { MONTHS_GENITIVE as MONTHS_GEN } from "../../../src/util/ru.ts";

const parts = (iso: string): [number, number, number] =>
  iso.split("-").map(Number) as [number, number, number];

/** «14.03.2025» */
export function ruDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}.${y}`;
}

/** «14 марта 2025 г.» */
export function ruLongDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${d} ${MONTHS_GEN[m - 1]} ${y} г.`;
}

/** «14 марта 2025» (news and cards, without «г.»). */
export function ruCardDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${d} ${MONTHS_GEN[m - 1]} ${y}`;
}

export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** HTTP date for Last-Modified (noon Moscow time ≈ 09:00 UTC, so the day never shifts). */
export function httpDate(iso: string): string {
  return new Date(`${iso}T09:00:00Z`).toUTCString();
}

/** bus.gov.ru facts of a demo institution in the shape the mock serves (criteria keys as the real DTO). */
import type { MockAgency } from "../busgov-mock/types.ts";

type Scores = [
  openness: number,
  comfort: number,
  accessibility: number,
  goodwill: number,
  contentment: number,
];

/** One NOK result; the total is the mean of the five criteria (344н). */
export function nokResult(year: number, s: Scores): MockAgency["results"][number] {
  const criteria = { openness: s[0], comfort: s[1], timeout: s[2], goodwill: s[3], contentment: s[4] };
  const totalScore = Math.round((s.reduce((sum, x) => sum + x, 0) / s.length) * 100) / 100;
  return { year, totalScore, criteria };
}

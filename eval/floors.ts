/**
 * The floors CI holds the corpus figures to (set from measured figures, a little below them so that
 * noise-free regressions fail). Raise them when the rules improve; never lower them to make CI green.
 */
import type { RuleScore } from "./score.ts";

export interface Floor {
  recall: number;
  precision: number;
}

/** Per kind (every rule of the kind must meet it) — see README «Accuracy». */
export const FLOORS: Record<string, Floor> = {
  authority: { recall: 0, precision: 0 },
  institution: { recall: 0, precision: 0 },
};

/** Rules below their kind's floor, with the figure that fell short. */
export function belowFloors(scores: RuleScore[]): string[] {
  const out: string[] = [];
  for (const s of scores) {
    const floor = FLOORS[s.rule.split("/")[0]!];
    if (!floor) continue;
    if (s.recall !== null && s.recall < floor.recall)
      out.push(`${s.rule}: recall ${pct(s.recall)} < ${pct(floor.recall)}`);
    if (s.precision !== null && s.precision < floor.precision)
      out.push(`${s.rule}: precision ${pct(s.precision)} < ${pct(floor.precision)}`);
  }
  return out;
}

export const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

/** What every measurement hands to the orchestrator: a headline figure against its goal, and the raw samples. */

export type MeasurementId =
  | "focus"
  | "throughput"
  | "politeness"
  | "memory"
  | "rerun"
  | "scale"
  | "distributed";

export const MEASUREMENT_IDS: readonly MeasurementId[] = [
  "focus",
  "throughput",
  "politeness",
  "memory",
  "rerun",
  "scale",
  "distributed",
];

export interface Headline {
  /** Russian label of the figure. */
  label: string;
  value: number;
  unit: string;
  /** Russian wording of the goal, e.g. «≤ 0,20». */
  goal: string;
  met: boolean;
}

export interface MeasurementResult {
  id: MeasurementId;
  /** Russian title. */
  title: string;
  headline: Headline;
  /** Further figures (medians), printed under the headline; absolute times are informative only. */
  figures: Record<string, number | string>;
  /** Exactly what was measured (Russian). */
  definition: string;
  /** Deviations from the ideal set-up, missed goals and why (Russian). */
  notes: string[];
  reps: number;
  samples: unknown;
  wallMs: number;
}

export interface BenchOptions {
  reps: number;
  /** Small sizes: a smoke run in well under a minute per measurement. */
  quick: boolean;
  /** --reps was given: measurements that cap their repetitions for time use it as asked. */
  repsExplicit?: boolean;
  /** Progress lines (stderr). */
  log?: (line: string) => void;
}

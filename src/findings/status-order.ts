/** Status helpers shared by the aggregates. */
import type { Status } from "../types/common.ts";
import type { StatusCounts } from "../types/result.ts";

export function emptyCounts(): StatusCounts {
  return { pass: 0, warn: 0, fail: 0, unknown: 0, "n/a": 0 };
}

/** The region "publishes" a thing when any of its sites does, so the best status wins; unknown ranks below fail. */
const BEST_FIRST: readonly Status[] = ["pass", "warn", "fail", "unknown", "n/a"];

export function bestStatus(statuses: Iterable<Status>): Status | null {
  let best: Status | null = null;
  for (const s of statuses) {
    if (best === null || BEST_FIRST.indexOf(s) < BEST_FIRST.indexOf(best)) best = s;
  }
  return best;
}

/** True for the statuses that count as a verdict (unknown and n/a are not). */
export function isDecided(status: Status): boolean {
  return status === "pass" || status === "warn" || status === "fail";
}

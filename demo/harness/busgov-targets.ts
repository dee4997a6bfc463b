/**
 * The demo's bus.gov.ru targets: the institutions of the bus.gov.ru mock (demoAgencies), checked by INN (one by
 * agency id, to show both), with the verdicts a correct checker must give as of DEMO_AS_OF.
 */
import type { BusgovTarget } from "../../src/pipeline/busgov.ts";
import { busgovTargetFor } from "../../src/pipeline/busgov.ts";
import type { Status } from "../../src/types/index.ts";
import { demoAgencies, type MockAgency } from "../web/busgov-mock/index.ts";
import { DEMO_AS_OF } from "../web/clock.ts";

/** The mock's reference year: the demo's as-of year, so «current» and «stale» hold on DEMO_AS_OF. */
export const DEMO_BUSGOV_YEAR = Number(DEMO_AS_OF.slice(0, 4));

type Expected = Record<
  "busgov/card" | "busgov/results" | "busgov/improvement-plan" | "busgov/plan-report",
  Status
>;

const e = (card: Status, results: Status, plan: Status, report: Status): Expected => ({
  "busgov/card": card,
  "busgov/results": results,
  "busgov/improvement-plan": plan,
  "busgov/plan-report": report,
});

/**
 * By agency id (see fixtures.ts). Sport: НОК covers sport organizations only in the 2013–2015 pilot, so the
 * НОК rules do not apply to the sport school whose answers have an unknown shape; its card still does.
 */
const EXPECTED: Record<string, Expected> = {
  // Results of last year, plan approved and reported.
  "100001": e("pass", "pass", "pass", "pass"),
  // Results five years old; the plan on them exists, its deadlines passed without a report.
  "100002": e("pass", "fail", "pass", "fail"),
  // A card without results: no plan is due.
  "100003": e("pass", "fail", "n/a", "n/a"),
  // This year's results, no plan placed (nor, so, a report).
  "100004": e("pass", "pass", "fail", "fail"),
  // Results two years old, plan placed, report missing after its deadlines.
  "100006": e("pass", "pass", "pass", "fail"),
  "100005": e("pass", "n/a", "n/a", "n/a"),
};

export interface DemoBusgovTarget extends BusgovTarget {
  /** `busgov-<agency id>`, for messages. */
  id: string;
  expected: Record<string, Status>;
}

export function demoBusgovAgencies(): MockAgency[] {
  return demoAgencies(DEMO_BUSGOV_YEAR);
}

/** Targets for the mock at `baseUrl`; the card of 100006 is asked by agency id, the others by INN. */
export function demoBusgovTargets(baseUrl: string, agencies = demoBusgovAgencies()): DemoBusgovTarget[] {
  return agencies.flatMap((a) => {
    const byId = a.id === "100006";
    const target = busgovTargetFor(
      {
        url: a.website ?? `${baseUrl}/pub/info-card/${a.id}`,
        kind: "institution",
        sphere: a.sphere,
        region: a.region,
        name: a.name,
        ...(byId ? { busgovId: a.id } : { inn: a.inn }),
      },
      baseUrl,
    );
    const expected = EXPECTED[a.id];
    return target && expected ? [{ ...target, id: `busgov-${a.id}`, expected }] : [];
  });
}

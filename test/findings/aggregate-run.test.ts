import { describe, expect, it } from "vitest";
import { aggregateRun } from "../../src/findings/aggregate-run.ts";
import type { NationalSummaryExt } from "../../src/findings/types.ts";
import { checkRun, nationalRun, REGIONS } from "../report/fixtures.ts";

describe("aggregateRun", () => {
  it("scores sites, fills region and national summaries and diffs against a previous run", () => {
    const previous = nationalRun();
    const current = nationalRun();
    current.compare = null;
    current.sites[4]!.findings[3]!.status = "pass"; // Мордовия health: council NOK powers fixed
    const out = aggregateRun(current, { regions: REGIONS, previous });
    expect(out.sites[0]!.score).toBeGreaterThan(0);
    expect(out.sites[8]!.score).toBeNull(); // unreachable: everything unknown
    expect(out.regions.map((r) => r.code)).toEqual(["08", "13", "38", "71", "99"]);
    expect(
      (out.national as NationalSummaryExt).failing["authority/council-nok-powers"]?.map((r) => r.code),
    ).toEqual(["08", "38"]);
    expect(out.compare?.runId).toBe(previous.runId);
    const changes = out.compare?.changes ?? [];
    // Every failure of both runs is still missing; the one fix is reported as such.
    expect(changes.filter((c) => c.change !== "still-missing")).toEqual([
      {
        site: current.sites[4]!.url,
        region: "13",
        sphere: "health",
        rule: "authority/council-nok-powers",
        before: "fail",
        after: "pass",
        change: "fixed",
      },
    ]);
    expect(changes.filter((c) => c.change === "still-missing")).toHaveLength(7);
    // Pure: the input is untouched.
    expect(current.sites[0]!.score).toBeNull();
  });

  it("leaves summaries of a check alone", () => {
    const out = aggregateRun(checkRun());
    expect(out.regions).toEqual([]);
    expect(out.national).toBeNull();
    expect(out.sites[0]!.score).toBe(
      Math.round(
        ((3 + 2 + 3 + 2 + 2 + 3 + 2 + 1 + 0.5 * 2) / (3 + 2 + 3 + 3 + 2 + 2 + 2 + 3 + 2 + 2 + 1)) * 100,
      ),
    );
  });
});

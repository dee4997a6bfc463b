/**
 * Smoke test of the benchmark: the quick variants of two measurements produce sane figures (finite, positive,
 * consistent counts). No timing is asserted: machines are noisy.
 */
import { describe, expect, it } from "vitest";
import type { FocusSiteSample } from "../../bench/focus.ts";
import { measureFocus } from "../../bench/focus.ts";
import { parseBenchArgs } from "../../bench/main-args.ts";
import { measureMemory } from "../../bench/memory.ts";
import { median, ratio } from "../../bench/stats.ts";
import { renderTable } from "../../bench/table.ts";
import { MEASUREMENT_IDS } from "../../bench/types.ts";

const sane = (v: number) => Number.isFinite(v) && v > 0;

describe("bench helpers", () => {
  it("takes medians of odd and even samples, ignoring non-finite values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(1, 4)).toBe(0.25);
  });

  it("parses --only, --reps and --quick and refuses unknown measurements", () => {
    expect(parseBenchArgs(["--only", "focus,memory", "--reps", "2"])).toEqual({
      only: ["focus", "memory"],
      reps: 2,
      quick: false,
      repsExplicit: true,
    });
    expect(parseBenchArgs(["--quick"])).toMatchObject({ reps: 1, quick: true, repsExplicit: false });
    expect(parseBenchArgs([]).only).toEqual(MEASUREMENT_IDS);
    expect(() => parseBenchArgs(["--only", "speed"])).toThrow(/speed/);
    expect(() => parseBenchArgs(["--reps", "0"])).toThrow(/--reps/);
  });
});

describe("bench quick measurements", () => {
  it("focus: both crawls of a demo site settle within what they fetched", { timeout: 180_000 }, async () => {
    const r = await measureFocus({ reps: 1, quick: true }, ["kalmykia-health"]);
    expect(r.id).toBe("focus");
    expect(sane(r.headline.value)).toBe(true);
    const [samples] = r.samples as FocusSiteSample[][];
    expect(samples).toHaveLength(1);
    const s = samples![0]!;
    expect(s.site).toBe("kalmykia-health");
    expect(s.focusedSettle).toBeGreaterThan(0);
    expect(s.focusedSettle).toBeLessThanOrEqual(s.focusedFetched);
    expect(s.bfsSettle).toBeGreaterThan(0);
    expect(s.bfsSettle).toBeLessThanOrEqual(s.bfsFetched);
    expect(s.ratio).toBeCloseTo(s.focusedSettle / s.bfsSettle, 10);
    expect(renderTable([r])).toContain("Фокусировка обхода");
  });

  it("memory: a tiny synthetic set is crawled in a child process and its peak RSS reported", {
    timeout: 180_000,
  }, async () => {
    const r = await measureMemory({ reps: 1, quick: true }, { hosts: 2, pagesPerHost: 120, maxPages: 30 });
    expect(sane(r.headline.value)).toBe(true);
    const [child] = r.samples as { pagesFetched: number; maxRss: number; baselineRss: number }[];
    expect(child!.pagesFetched).toBeGreaterThan(2);
    expect(child!.pagesFetched).toBeLessThanOrEqual(2 * 30);
    expect(child!.maxRss).toBeGreaterThanOrEqual(child!.baselineRss);
  });
});

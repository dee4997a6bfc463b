/**
 * The accuracy ratchet: the rules on the real-modelled corpus (npm run eval) may not fall below the
 * floors in eval/floors.ts. A failure names the rule and the figure; `npm run eval -- --misses` shows why.
 */
import { describe, expect, it } from "vitest";
import { belowFloors } from "../../eval/floors.ts";
import { runEval } from "../../eval/run-eval.ts";

describe("real-modelled corpus", () => {
  it("loads every fixture, checks every site, and every rule meets its floor", async () => {
    const r = await runEval();
    expect(r.loadErrors).toEqual([]);
    expect(r.crashes.map((c) => `${c.id} ${c.variant}: ${c.error.split("\n")[0]}`)).toEqual([]);
    expect(r.entries.length).toBeGreaterThanOrEqual(200);
    expect(belowFloors(r.scores)).toEqual([]);
  }, 600_000);
});

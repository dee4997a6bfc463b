/** The rules' own YAML examples: written with the rules, so their agreement is self-consistency. */
import { runExamples } from "../src/rules/index.ts";
import type { RuleDef } from "../src/types/index.ts";

export async function examplesAgreement(rules: RuleDef[]): Promise<{ agree: number; total: number }> {
  let agree = 0;
  let total = 0;
  for (const rule of rules) {
    for (const r of await runExamples(rule)) {
      total++;
      if (r.ok) agree++;
    }
  }
  return { agree, total };
}

/** Site score: a weighted share of decided rules, Lighthouse-style (the config, not the rule, decides weights). */
import type { Status } from "../types/common.ts";
import type { Finding, RuleInfo } from "../types/result.ts";

export const SEVERITY_WEIGHTS: Readonly<Record<RuleInfo["severity"], number>> = {
  critical: 3,
  major: 2,
  minor: 1,
};

/** Weight of a rule missing from the weights table. */
export const DEFAULT_RULE_WEIGHT = 1;

const CREDIT: Partial<Record<Status, number>> = { pass: 1, warn: 0.5, fail: 0 };

export function weightsFromRules(rules: readonly RuleInfo[]): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const rule of rules) weights[rule.id] = SEVERITY_WEIGHTS[rule.severity] ?? DEFAULT_RULE_WEIGHT;
  return weights;
}

/**
 * 0–100 (rounded), or null when no rule was decided. `unknown` and `n/a` leave the denominator:
 * a site we could not read must not look non-compliant.
 */
export function siteScore(
  findings: readonly Finding[],
  weights: Readonly<Record<string, number>>,
): number | null {
  let earned = 0;
  let possible = 0;
  for (const f of findings) {
    const credit = CREDIT[f.status];
    if (credit === undefined) continue;
    const weight = weights[f.rule] ?? DEFAULT_RULE_WEIGHT;
    if (!(weight > 0)) continue;
    earned += credit * weight;
    possible += weight;
  }
  if (possible === 0) return null;
  return Math.round((earned / possible) * 100);
}

/** Mean of the non-null scores, or null. */
export function meanScore(scores: Iterable<number | null>): number | null {
  let sum = 0;
  let n = 0;
  for (const s of scores) {
    if (s === null || !Number.isFinite(s)) continue;
    sum += s;
    n++;
  }
  return n === 0 ? null : Math.round(sum / n);
}

/**
 * What checkSite builds from the run's rule set rather than per site: a national run checks thousands of
 * sites with one rule set, and compiling the rules' cues (stemming every phrase) costs ~0.3 ms each time.
 */
import type { RuleDef, TargetKind } from "../types/index.ts";
import { createSectionTest, type SectionTest } from "./settle-section.ts";

/** `build(rules, key)` computed once per rule set and key; forgotten with the rule set. */
function perRuleSet<K, V>(build: (rules: RuleDef[], key: K) => V): (rules: RuleDef[], key: K) => V {
  const memo = new WeakMap<RuleDef[], Map<K, V>>();
  return (rules, key) => {
    let byKey = memo.get(rules);
    if (!byKey) {
      byKey = new Map();
      memo.set(rules, byKey);
    }
    if (!byKey.has(key)) byKey.set(key, build(rules, key));
    return byKey.get(key) as V;
  };
}

/** The rules of one kind of target, filtered once per rule set rather than once per site. */
export const rulesOfKind: (all: RuleDef[], kind: TargetKind) => RuleDef[] = perRuleSet((all, kind) =>
  all.filter((r) => r.appliesTo.kind === kind),
);

/** The section test holds no state of a site: built once per rule set (its cues' stemming is costly). */
export const sectionTestFor: (rules: RuleDef[], sectionFrom: number) => SectionTest =
  perRuleSet(createSectionTest);

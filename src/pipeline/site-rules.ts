/**
 * What checkSite builds from the run's rule set rather than per site: a national run checks thousands of
 * sites with one rule set, and compiling the rules' cues (stemming every phrase) costs ~0.3 ms each time.
 */
import type { RuleDef, TargetKind } from "../types/index.ts";
import { createSectionTest, type SectionTest } from "./settle-section.ts";

/** The rules of one kind of target, filtered once per rule set rather than once per site. */
const rulesByKind = new WeakMap<RuleDef[], Map<TargetKind, RuleDef[]>>();

export function rulesOfKind(all: RuleDef[], kind: TargetKind): RuleDef[] {
  let byKind = rulesByKind.get(all);
  if (!byKind) {
    byKind = new Map();
    rulesByKind.set(all, byKind);
  }
  let rules = byKind.get(kind);
  if (!rules) {
    rules = all.filter((r) => r.appliesTo.kind === kind);
    byKind.set(kind, rules);
  }
  return rules;
}

/** The section test holds no state of a site: built once per rule set (its cues' stemming is costly). */
const sectionTests = new WeakMap<RuleDef[], Map<number, SectionTest>>();

export function sectionTestFor(rules: RuleDef[], sectionFrom: number): SectionTest {
  let byFloor = sectionTests.get(rules);
  if (!byFloor) {
    byFloor = new Map();
    sectionTests.set(rules, byFloor);
  }
  let test = byFloor.get(sectionFrom);
  if (!test) {
    test = createSectionTest(rules, sectionFrom);
    byFloor.set(sectionFrom, test);
  }
  return test;
}

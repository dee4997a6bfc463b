/** One stable rule order for every aggregate and report: the run's rule catalogue first, then first appearance. */
import type { RuleInfo, SiteResult } from "../types/result.ts";

export function ruleOrder(sites: readonly SiteResult[], rules: readonly RuleInfo[] = []): string[] {
  const seen = new Set<string>();
  for (const r of rules) seen.add(r.id);
  for (const site of sites) for (const f of site.findings) seen.add(f.rule);
  return [...seen];
}

/** Sort rule ids by a given order; ids outside it go last, alphabetically. */
export function sortRules(ids: Iterable<string>, order: readonly string[]): string[] {
  const pos = new Map(order.map((id, i) => [id, i]));
  return [...new Set(ids)].sort((a, b) => {
    const pa = pos.get(a) ?? Number.MAX_SAFE_INTEGER;
    const pb = pos.get(b) ?? Number.MAX_SAFE_INTEGER;
    return pa - pb || a.localeCompare(b);
  });
}

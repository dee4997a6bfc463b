import { loadRules } from "../rules/index.ts";
import type { RuleDef } from "../types/index.ts";
import { UsageError } from "../util/errors.ts";

/** Loads the rules and fails as a usage error when a rule file is broken: judging with half the rules is wrong. */
export function loadRulesOrThrow(dir?: string): RuleDef[] {
  const { rules, errors } = loadRules(dir);
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
    throw new UsageError(`ошибки в файлах правил:\n${lines.join("\n")}`);
  }
  return rules;
}

/** The rules stage: rule files (data) interpreted by check types (code). */
export { explain, explainRule, listRules, type RuleSummary, validateRuleFiles } from "./catalogue.ts";
export { checkTypes, getCheckType, ParamError, parseCheck } from "./checks/index.ts";
export {
  compiledCheck,
  type EvaluateContext,
  evaluateRule,
  evaluateRules,
  notApplicable,
  ruleInfo,
  SPHERE_NAMES,
  titleFor,
} from "./engine.ts";
export {
  buildSite,
  buildSiteSync,
  DEFAULT_EXAMPLE_AS_OF,
  type ExampleRun,
  runExamples,
  runExamplesSync,
  type SitePageInput,
} from "./examples.ts";
export {
  defaultRulesDir,
  listRuleFiles,
  loadRuleFile,
  loadRules,
  parseRuleText,
  type RuleFileError,
} from "./load.ts";
export { isNewsAt } from "./match.ts";
export { hasNokMention } from "./nok.ts";
export { mayNameCouncil, namesAnotherBodysCouncil, namesCouncil } from "./other-councils.ts";
export { createPriority, isDecided, type PriorityFn, type PriorityOptions } from "./priority.ts";
export { pageName } from "./site-model.ts";

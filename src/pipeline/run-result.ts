import { ruleInfo } from "../rules/index.ts";
import { RUN_RESULT_SCHEMA, type RuleDef, type RunResult, type SiteResult } from "../types/index.ts";
import { TOOL_VERSION } from "../version.ts";

/** Assembles the public RunResult (contract.md §2) for a set of checked sites. */
export function buildRunResult(input: {
  runId: string;
  mode: RunResult["mode"];
  asOf: string;
  startedAt: string;
  sites: SiteResult[];
  rules: RuleDef[];
}): RunResult {
  const kinds = new Set(input.sites.map((s) => s.kind));
  return {
    schema: RUN_RESULT_SCHEMA,
    tool: { name: "nok-monitor", version: TOOL_VERSION },
    runId: input.runId,
    mode: input.mode,
    asOf: input.asOf,
    startedAt: input.startedAt,
    finishedAt: new Date().toISOString(),
    sites: input.sites,
    regions: [],
    national: null,
    rules: input.rules.filter((r) => kinds.has(r.appliesTo.kind)).map(ruleInfo),
  };
}

/** Contract exit codes: 0 no rule failed, 1 a rule failed, 3 nothing could be checked. */
export function exitCodeFor(run: RunResult): 0 | 1 | 3 {
  if (run.sites.length > 0 && run.sites.every((s) => s.status === "unreachable" || s.status === "blocked"))
    return 3;
  return run.sites.some((s) => s.findings.some((f) => f.status === "fail")) ? 1 : 0;
}

/**
 * The rule engine: exactly one Finding per rule. `n/a` outside the rule's spheres and period;
 * `fail` only on adequate coverage (a fail resting on absence becomes `unknown` otherwise), except
 * a fail that rests on evidence (a regulation found and read); counts of what was read in every
 * message about absence.
 */

import type { CheckOutcome, Finding, RuleDef, RuleInfo, SiteView, Sphere, Status } from "../types/index.ts";
import { SPHERES } from "../types/index.ts";
import { SPHERE_LEGAL_NAMES } from "../util/spheres.ts";
import { formatIso } from "./checks/freshness.ts";
import { type ParsedCheck, parseCheck } from "./checks/registry.ts";
import { absenceUnproven } from "./coverage.ts";
import { lowerFirst, readCounts } from "./ru.ts";

export interface EvaluateContext {
  asOf: string;
  sphere: Sphere | null;
}

/** Per-sphere in-force periods (e.g. sport only in the 2013–2015 pilot): an addition to appliesTo. */
export type SpherePeriods = Partial<Record<Sphere, { from?: string; to?: string }>>;

/** The laws' names of the spheres (one table for all wordings: util/spheres.ts). */
export const SPHERE_NAMES = SPHERE_LEGAL_NAMES;

const parsedCache = new WeakMap<RuleDef, ParsedCheck | Error>();

/** The rule's check, parsed once per rule object. */
export function compiledCheck(rule: RuleDef): ParsedCheck {
  let hit = parsedCache.get(rule);
  if (!hit) {
    try {
      hit = parseCheck(rule.check);
    } catch (e) {
      hit = e instanceof Error ? e : new Error(String(e));
    }
    parsedCache.set(rule, hit);
  }
  if (hit instanceof Error) throw hit;
  return hit;
}

/** Why a rule does not apply to this sphere and date (Russian), or null when it applies. */
export function notApplicable(rule: RuleDef, ctx: EvaluateContext): string | null {
  const a = rule.appliesTo;
  const spheres = a.spheres;
  const specific = spheres !== undefined && !SPHERES.every((s) => spheres.includes(s));
  if (ctx.sphere === null) {
    if (specific)
      return `Требование относится только к сферам: ${spheres!.map((s) => SPHERE_NAMES[s]).join(", ")}; сфера сайта не указана.`;
  } else if (spheres && !spheres.includes(ctx.sphere)) {
    return `Требование не относится к сфере «${SPHERE_NAMES[ctx.sphere]}».`;
  }
  const period = periodFor(rule, ctx.sphere);
  if (period.from && ctx.asOf < period.from)
    return `На ${formatIso(ctx.asOf)} требование ещё не действовало (действует с ${formatIso(period.from)}).`;
  if (period.to && ctx.asOf > period.to) {
    const where =
      ctx.sphere && spherePeriods(rule)[ctx.sphere]?.to ? ` в сфере «${SPHERE_NAMES[ctx.sphere]}»` : "";
    return `На ${formatIso(ctx.asOf)} требование${where} не действует (действовало до ${formatIso(period.to)}).`;
  }
  return null;
}

export function spherePeriods(rule: RuleDef): SpherePeriods {
  return ((rule.appliesTo as { spherePeriods?: SpherePeriods }).spherePeriods ?? {}) as SpherePeriods;
}

function periodFor(rule: RuleDef, sphere: Sphere | null): { from?: string; to?: string } {
  const base = { from: rule.appliesTo.from, to: rule.appliesTo.to };
  const own = sphere ? spherePeriods(rule)[sphere] : undefined;
  return { from: own?.from ?? base.from, to: own?.to ?? base.to };
}

export function titleFor(rule: RuleDef, status: Status): string {
  switch (status) {
    case "pass":
      return rule.title;
    case "fail":
      return rule.failureTitle;
    case "warn":
      return rule.warnTitle ?? `${rule.title} — с замечаниями`;
    case "unknown":
      return rule.unknownTitle ?? `Не удалось проверить: ${lowerFirst(rule.title)}`;
    default:
      return `Не применяется: ${lowerFirst(rule.title)}`;
  }
}

/** One rule against one site. Never throws: a broken check gives `unknown` with the reason. */
export function evaluateRule(site: SiteView, rule: RuleDef, ctx: EvaluateContext): Finding {
  const na = notApplicable(rule, ctx);
  if (na)
    return {
      rule: rule.id,
      status: "n/a",
      title: titleFor(rule, "n/a"),
      message: na,
      evidence: [],
      details: {},
    };
  let outcome: CheckOutcome;
  try {
    const check = compiledCheck(rule);
    outcome = check.type.evaluate(site, check.params, { asOf: ctx.asOf, sphere: ctx.sphere, rule });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      rule: rule.id,
      status: "unknown",
      title: titleFor(rule, "unknown"),
      message: `Проверка не выполнена: ${msg}`,
      evidence: [],
      details: { error: msg },
    };
  }
  return finish(site, rule, outcome);
}

function ruleCues(rule: RuleDef): { phrases: string[]; urlFragments: string[] } {
  const check = compiledCheck(rule);
  return check.type.cues?.(check.params) ?? { phrases: [], urlFragments: [] };
}

function finish(site: SiteView, rule: RuleDef, outcome: CheckOutcome): Finding {
  let status = outcome.status;
  let message = outcome.message.trim();
  const details: Record<string, unknown> = { ...(outcome.details ?? {}) };
  const restsOnAbsence = outcome.evidence.length === 0;
  if (status === "fail" && restsOnAbsence && !site.coverage.adequate) {
    status = "unknown";
    message = `${message} Обход неполный — отсутствие не доказано: ${site.coverage.reason ?? "причина не указана"}.`;
    details.coverage = "inadequate";
  }
  const unproven =
    status === "fail" && restsOnAbsence ? absenceUnproven(site, rule, () => ruleCues(rule)) : null;
  if (unproven) {
    status = "unknown";
    message = `${message} Отсутствие не доказано: ${unproven}.`;
    details.coverage = "failed-fetches";
  }
  if (restsOnAbsence && status !== "pass" && status !== "n/a") message = `${message} ${readCounts(site)}`;
  return {
    rule: rule.id,
    status,
    title: titleFor(rule, status),
    message,
    evidence: outcome.evidence,
    details,
  };
}

/** Every rule against one site: exactly one Finding per rule, in the rules' order. */
export function evaluateRules(site: SiteView, rules: RuleDef[], ctx: EvaluateContext): Finding[] {
  return rules.map((rule) => evaluateRule(site, rule, ctx));
}

/** Rule metadata for the RunResult (reports render from the JSON alone). */
export function ruleInfo(rule: RuleDef): RuleInfo {
  return {
    id: rule.id,
    kind: rule.appliesTo.kind,
    title: rule.title,
    failureTitle: rule.failureTitle,
    description: rule.description,
    legal: [...rule.legal],
    severity: rule.severity,
  };
}

/** The rule catalogue for `nok rules list|explain|validate`. */
import { resolve } from "node:path";
import type { RuleDef } from "../types/index.ts";
import { formatIso } from "./checks/freshness.ts";
import { SPHERE_NAMES, spherePeriods } from "./engine.ts";
import { runExamplesSync } from "./examples.ts";
import { listRuleFiles, loadRuleFile, loadRules, type RuleFileError } from "./load.ts";

export interface RuleSummary {
  id: string;
  kind: RuleDef["appliesTo"]["kind"];
  title: string;
  severity: RuleDef["severity"];
  check: string;
  spheres: string[];
  file: string | null;
}

export function listRules(dir?: string): RuleSummary[] {
  return loadRules(dir).rules.map((r) => ({
    id: r.id,
    kind: r.appliesTo.kind,
    title: r.title,
    severity: r.severity,
    check: r.check.type,
    spheres: r.appliesTo.spheres ?? [],
    file: r.file ?? null,
  }));
}

const SEVERITY: Record<RuleDef["severity"], string> = {
  critical: "критичное",
  major: "существенное",
  minor: "незначительное",
};

/** A Russian explanation of one rule; throws when the id is unknown. */
export function explainRule(id: string, dir?: string): string {
  const { rules } = loadRules(dir);
  const rule = rules.find((r) => r.id === id || r.id.endsWith(`/${id}`));
  if (!rule) throw new Error(`Правило «${id}» не найдено. Известны: ${rules.map((r) => r.id).join(", ")}`);
  return explain(rule);
}

export function explain(rule: RuleDef): string {
  const a = rule.appliesTo;
  const spheres = (a.spheres ?? []).map((s) => {
    const p = spherePeriods(rule)[s];
    const range = p
      ? ` (${p.from ? `с ${formatIso(p.from)}` : ""}${p.from && p.to ? " " : ""}${p.to ? `до ${formatIso(p.to)}` : ""})`
      : "";
    return `${SPHERE_NAMES[s]}${range}`;
  });
  const period = [a.from ? `с ${formatIso(a.from)}` : "", a.to ? `до ${formatIso(a.to)}` : ""]
    .filter(Boolean)
    .join(" ");
  const lines = [
    `${rule.id} — ${rule.title}`,
    "",
    `Если не выполнено: ${rule.failureTitle}`,
    ...(rule.warnTitle ? [`С замечаниями: ${rule.warnTitle}`] : []),
    ...(rule.unknownTitle ? [`Если проверить не удалось: ${rule.unknownTitle}`] : []),
    "",
    `Зачем: ${rule.description.trim()}`,
    "",
    "Правовая основа:",
    ...rule.legal.map((l) => `  • ${l}`),
    "",
    `Применяется: ${a.kind === "authority" ? "сайт органа власти" : a.kind === "institution" ? "сайт организации" : "bus.gov.ru"}` +
      `${spheres.length ? `; сферы: ${spheres.join(", ")}` : "; все сферы"}${period ? `; ${period}` : ""}.`,
    `Важность: ${SEVERITY[rule.severity]}.`,
    "",
    "Проверка:",
    ...describeCheck(rule.check, "  "),
    "",
    `Примеры: ${rule.examples.pass.length} выполненных, ${rule.examples.fail.length} невыполненных` +
      `${countExpect(rule) ? ` (из них с особым ожидаемым статусом: ${countExpect(rule)})` : ""}.`,
    ...(rule.file ? [`Файл: ${rule.file}`] : []),
  ];
  return lines.join("\n");
}

function countExpect(rule: RuleDef): number {
  return [...rule.examples.pass, ...rule.examples.fail].filter((e) => e.expect !== undefined).length;
}

const PARAM_NAMES: Record<string, string> = {
  what: "ищется",
  phrases: "признаки (название, заголовок, слова ссылки)",
  textPhrases: "признаки в тексте",
  requirePhrases: "обязательно также",
  requireContext: "связь с НОК",
  excludePhrases: "исключения",
  excludeItemPhrases: "не документы вида",
  unrelatedPhrases: "совет другого органа, если рядом",
  kinds: "виды файлов",
  urlFragments: "фрагменты адреса",
  materialPhrases: "материалы раздела",
  councilPhrases: "раздел общественного совета",
  newsUrlFragments: "адреса новостей",
  newsPhrases: "слова новостей",
  current: "действующие акты",
  outdated: "устаревшие акты",
  blockPhrases: "блок актов",
  requireWhat: "в тексте должно быть",
  minTextChars: "минимум символов текста",
  targets: "цели ссылок",
  freshness: "актуальность",
  persons: "список членов (ФИО)",
};

function describeCheck(check: Record<string, unknown>, indent: string): string[] {
  const out = [`${indent}тип: ${String(check.type)}`];
  for (const [k, v] of Object.entries(check)) {
    if (k === "type" || k === "maxGap" || k === "minMaterial") continue;
    const name = PARAM_NAMES[k] ?? k;
    if (k === "checks" && Array.isArray(v)) {
      out.push(`${indent}${check.type === "any" ? "любая из проверок" : "все проверки"}:`);
      for (const c of v) out.push(...describeCheck(c as Record<string, unknown>, `${indent}    `));
    } else if (k === "find" && v && typeof v === "object") {
      out.push(`${indent}документ:`);
      out.push(
        ...describeCheck({ type: "document", ...(v as Record<string, unknown>) }, `${indent}    `).slice(1),
      );
    } else if (k === "freshness" && v && typeof v === "object") {
      const f = v as Record<string, unknown>;
      const parts: string[] = [];
      if (f.maxAgeMonths) parts.push(`не старше ${f.maxAgeMonths} мес.`);
      if (f.minYearOffset !== undefined)
        parts.push(
          `год не раньше текущего ${Number(f.minYearOffset) < 0 ? `минус ${-Number(f.minYearOffset)}` : ""}`.trim(),
        );
      if (f.notBefore) parts.push(`не раньше ${formatIso(String(f.notBefore))}`);
      if (f.undated) parts.push(`без даты → ${f.undated}`);
      out.push(`${indent}${name}: ${parts.join("; ")}`);
    } else if (k === "targets" && Array.isArray(v)) {
      out.push(
        `${indent}${name}: ${v.map((t) => `${(t as { name?: string }).name ?? "?"}${(t as { grade?: string }).grade === "warn" ? " (warn)" : ""}`).join("; ")}`,
      );
    } else if (Array.isArray(v)) {
      const shown = v.slice(0, 8).map((x) => `«${String(x)}»`);
      out.push(`${indent}${name}: ${shown.join(", ")}${v.length > 8 ? ` и ещё ${v.length - 8}` : ""}`);
    } else if (v && typeof v === "object") {
      out.push(`${indent}${name}: ${JSON.stringify(v)}`);
    } else out.push(`${indent}${name}: ${String(v)}`);
  }
  return out;
}

/**
 * Validates rule files (all under the default directory when none are given): the loader's checks
 * (schema, check types, parameters, file:line) plus each file's examples giving their expected status.
 */
export function validateRuleFiles(files?: string[]): RuleFileError[] {
  const list = files?.length ? files.map((f) => resolve(f)) : listRuleFiles();
  const errors: RuleFileError[] = [];
  const seen = new Map<string, string>();
  for (const file of list) {
    const r = loadRuleFile(file);
    errors.push(...r.errors);
    if (!r.rule) continue;
    const dup = seen.get(r.rule.id);
    if (dup) errors.push({ file, line: r.idLine, message: `правило ${r.rule.id} уже определено в ${dup}` });
    seen.set(r.rule.id, file);
    for (const run of runExamplesSync(r.rule)) {
      if (run.ok) continue;
      errors.push({
        file,
        line: r.lineOf(["examples", run.list, run.index]),
        message: `пример examples.${run.list}[${run.index}]${run.note ? ` («${run.note}»)` : ""}: ожидался статус ${run.expected}, получен ${run.finding.status} — ${run.finding.message}`,
      });
    }
  }
  return errors;
}

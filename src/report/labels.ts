/** Russian labels and colours for statuses and the other enumerations a report shows; rule title lookup. */
import { STATUS_NAMES } from "../findings/sphere-names.ts";
import type { ErrorCode, Status, TargetKind } from "../types/common.ts";
import type { DiffEntry, Finding, RuleInfo, RunResult, SiteResult } from "../types/result.ts";

export { SPHERE_NAMES, STATUS_NAMES } from "../findings/sphere-names.ts";

export interface StatusStyle {
  label: string;
  /** One character that survives black-and-white printing. */
  symbol: string;
  /** CSS colours. */
  background: string;
  color: string;
  /** exceljs fill colour (ARGB). */
  argb: string;
}

export const STATUS_STYLES: Readonly<Record<Status, StatusStyle>> = {
  pass: { label: STATUS_NAMES.pass, symbol: "✓", background: "#c6efce", color: "#0b5a1e", argb: "FFC6EFCE" },
  warn: { label: STATUS_NAMES.warn, symbol: "±", background: "#ffeb9c", color: "#7a5a00", argb: "FFFFEB9C" },
  fail: { label: STATUS_NAMES.fail, symbol: "✗", background: "#ffc7ce", color: "#9c0006", argb: "FFFFC7CE" },
  unknown: {
    label: STATUS_NAMES.unknown,
    symbol: "?",
    background: "#d9d9d9",
    color: "#333333",
    argb: "FFD9D9D9",
  },
  "n/a": {
    label: STATUS_NAMES["n/a"],
    symbol: "—",
    background: "#f2f2f2",
    color: "#777777",
    argb: "FFF2F2F2",
  },
};

export function statusLabel(status: Status): string {
  return STATUS_STYLES[status].label;
}

export const SITE_STATUS_LABELS: Readonly<Record<SiteResult["status"], string>> = {
  ok: "проверен",
  partial: "проверен частично",
  unreachable: "недоступен",
  blocked: "доступ заблокирован",
};

export const KIND_LABELS: Readonly<Record<TargetKind, string>> = {
  authority: "орган власти",
  institution: "организация",
  busgov: "bus.gov.ru",
};

export const SEVERITY_LABELS: Readonly<Record<RuleInfo["severity"], string>> = {
  critical: "критичное",
  major: "существенное",
  minor: "незначительное",
};

export const CHANGE_LABELS: Readonly<Record<DiffEntry["change"], string>> = {
  "new-gap": "новое нарушение",
  fixed: "устранено",
  "still-missing": "по-прежнему не размещено",
  "newly-unknown": "перестало проверяться",
  "new-site": "новый сайт",
};

export const CHANGE_ORDER: readonly DiffEntry["change"][] = [
  "new-gap",
  "still-missing",
  "fixed",
  "newly-unknown",
  "new-site",
];

export const ERROR_LABELS: Readonly<Record<ErrorCode, string>> = {
  dns: "домен не найден (DNS)",
  connect: "не удалось установить соединение",
  tls: "ошибка защищённого соединения (TLS)",
  timeout: "превышено время ожидания",
  reset: "соединение разорвано",
  "http-4xx": "страница не найдена или доступ запрещён (HTTP 4xx)",
  "http-5xx": "ошибка сервера (HTTP 5xx)",
  "http-429": "сервер ограничил число запросов (HTTP 429)",
  robots: "проверка запрещена файлом robots.txt",
  "too-large": "слишком большой ответ",
  "redirect-loop": "циклическое перенаправление",
  "too-many-redirects": "слишком много перенаправлений",
  "unsupported-type": "неподдерживаемый тип содержимого",
  "out-of-scope": "адрес вне проверяемого сайта",
  empty: "сайт ответил пустой страницей",
  "circuit-open": "проверка приостановлена из-за повторяющихся ошибок",
  decode: "не удалось раскодировать текст",
  parse: "не удалось разобрать содержимое",
  "invalid-url": "неверный адрес",
  browser: "ошибка браузера",
  "bot-wall": "сайт закрыт защитой от ботов (проверка браузера)",
  unknown: "неизвестная ошибка",
};

export function errorLabel(code: string): string {
  return (ERROR_LABELS as Record<string, string>)[code] ?? code;
}

const catalogues = new WeakMap<RunResult, Map<string, RuleInfo>>();

export function ruleInfo(run: RunResult, id: string): RuleInfo | undefined {
  let map = catalogues.get(run);
  if (!map) {
    map = new Map((run.rules ?? []).map((r) => [r.id, r]));
    catalogues.set(run, map);
  }
  return map.get(id);
}

/** The passing wording of a rule, falling back to its id. */
export function ruleTitle(run: RunResult, id: string): string {
  return ruleInfo(run, id)?.title || id;
}

/** The failing wording of a rule, falling back to its passing wording. */
export function ruleFailureTitle(run: RunResult, id: string): string {
  return ruleInfo(run, id)?.failureTitle || ruleTitle(run, id);
}

/** The title for a finding's status: the finding's own, else the rule's wording for pass or fail. */
export function findingTitle(run: RunResult, finding: Finding): string {
  if (finding.title) return finding.title;
  return finding.status === "fail" ? ruleFailureTitle(run, finding.rule) : ruleTitle(run, finding.rule);
}

/** RunResult factories for the findings and report tests. */
import type { Sphere, Status, TargetKind } from "../../src/types/common.ts";
import {
  type DiffEntry,
  type Evidence,
  type Finding,
  type RegionSummary,
  RUN_RESULT_SCHEMA,
  type RuleInfo,
  type RunResult,
  type SiteResult,
} from "../../src/types/result.ts";

const A = (name: string, title: string, failureTitle: string, severity: RuleInfo["severity"]): RuleInfo => ({
  id: `authority/${name}`,
  kind: "authority",
  title,
  failureTitle,
  description: `Зачем это нужно: ${title.toLowerCase()} позволяет гражданам узнать о независимой оценке.`,
  legal: ["Федеральный закон от 05.12.2017 № 392-ФЗ", "Приказ Минфина России от 22.07.2015 № 116н"],
  severity,
});

/** The 13 authority rules of contract.md §3. */
export const AUTHORITY_RULES: RuleInfo[] = [
  A(
    "nok-section",
    "Раздел о независимой оценке качества размещён",
    "Нет раздела о независимой оценке качества",
    "critical",
  ),
  A(
    "legal-acts",
    "Нормативные правовые акты о НОК размещены",
    "Нет нормативных правовых актов о НОК",
    "major",
  ),
  A(
    "council-regulation",
    "Положение об общественном совете размещено",
    "Нет положения об общественном совете",
    "critical",
  ),
  A(
    "council-nok-powers",
    "Общественному совету переданы полномочия по НОК",
    "В положении об общественном совете нет полномочий по НОК",
    "critical",
  ),
  A(
    "council-composition",
    "Состав общественного совета размещён",
    "Нет состава общественного совета",
    "major",
  ),
  A(
    "council-minutes",
    "Протоколы заседаний общественного совета размещены",
    "Нет протоколов заседаний",
    "major",
  ),
  A("org-list", "Перечень организаций для НОК размещён", "Нет перечня организаций для НОК", "major"),
  A("operator", "Сведения об операторе размещены", "Нет сведений об операторе", "minor"),
  A("results", "Результаты НОК размещены", "Нет результатов НОК", "critical"),
  A(
    "proposals",
    "Предложения об улучшении качества размещены",
    "Нет предложений об улучшении качества",
    "major",
  ),
  A("improvement-plans", "Планы по улучшению размещены", "Нет планов по улучшению", "major"),
  A("rating-link", "Ссылка для оценки организаций размещена", "Нет ссылки для оценки организаций", "minor"),
  A("accessible-version", "Версия для слабовидящих есть", "Нет версии для слабовидящих", "minor"),
];

export const AUTHORITY_RULE_IDS = AUTHORITY_RULES.map((r) => r.id);

export const OTHER_RULES: RuleInfo[] = [
  {
    id: "institution/improvement-plan",
    kind: "institution",
    title: "План по устранению недостатков размещён",
    failureTitle: "Нет плана по устранению недостатков",
    description: "План по итогам НОК.",
    legal: ["Постановление Правительства РФ от 17.04.2018 № 457"],
    severity: "major",
  },
  {
    id: "busgov/results",
    kind: "busgov",
    title: "Результаты НОК на bus.gov.ru размещены",
    failureTitle: "Нет результатов НОК на bus.gov.ru",
    description: "Результаты за последние 3 года.",
    legal: ["Приказ Минфина России от 07.05.2019 № 66н"],
    severity: "critical",
  },
  {
    id: "busgov/improvement-plan",
    kind: "busgov",
    title: "План на bus.gov.ru размещён",
    failureTitle: "Нет плана на bus.gov.ru",
    description: "План по итогам НОК на bus.gov.ru.",
    legal: ["Приказ Минфина России от 07.05.2019 № 66н"],
    severity: "major",
  },
];

export function evidence(url: string, over: Partial<Evidence> = {}): Evidence {
  return {
    url,
    excerpt: "Раздел «Независимая оценка качества условий оказания услуг»",
    snapshot: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    linkText: "Независимая оценка качества",
    depth: 2,
    date: "2024-11-05",
    ...over,
  };
}

export function finding(rule: string, status: Status, over: Partial<Finding> = {}): Finding {
  return {
    rule,
    status,
    title: "",
    message: status === "unknown" ? "Сайт недоступен" : `Проверено: ${status}`,
    evidence:
      status === "pass" || status === "warn"
        ? [evidence(`https://example.ru/nok/${rule.split("/")[1]}`)]
        : [],
    details: {},
    ...over,
  };
}

export interface SiteSpec {
  url?: string;
  kind?: TargetKind;
  region?: string | null;
  sphere?: Sphere | null;
  name?: string | null;
  status?: SiteResult["status"];
  /** Status per rule id; rules not listed get `fill`. */
  statuses?: Record<string, Status>;
  fill?: Status;
  rules?: readonly string[];
  score?: number | null;
}

export function site(spec: SiteSpec = {}): SiteResult {
  const kind = spec.kind ?? "authority";
  const rules = spec.rules ?? (kind === "authority" ? AUTHORITY_RULE_IDS : []);
  const url = spec.url ?? `https://${spec.region ?? "x"}-${spec.sphere ?? "any"}.example.ru/`;
  return {
    url,
    finalUrl: url,
    kind,
    region: spec.region === undefined ? null : spec.region,
    sphere: spec.sphere === undefined ? null : spec.sphere,
    name: spec.name === undefined ? null : spec.name,
    status: spec.status ?? "ok",
    error: spec.status === "unreachable" ? { code: "timeout", message: "connect timeout" } : null,
    crawl: {
      pages: 40,
      documents: 6,
      bytes: 1_234_567,
      errors: 1,
      skippedByRobots: 0,
      budgetExhausted: false,
      durationMs: 65_000,
    },
    score: spec.score === undefined ? null : spec.score,
    findings: rules.map((r) => finding(r, spec.statuses?.[r] ?? spec.fill ?? "pass")),
  };
}

export function run(over: Partial<RunResult> = {}): RunResult {
  return {
    schema: RUN_RESULT_SCHEMA,
    tool: { name: "nok-monitor", version: "0.1.0" },
    runId: "2025-03-01T02-00-00Z",
    mode: "run",
    asOf: "2025-03-01",
    startedAt: "2025-03-01T02:00:00.000Z",
    finishedAt: "2025-03-01T05:30:00.000Z",
    sites: [],
    regions: [],
    national: null,
    rules: [...AUTHORITY_RULES, ...OTHER_RULES],
    ...over,
  };
}

/** A `check` run: one authority site, all 13 rules, every status present. */
export function checkRun(): RunResult {
  const s = site({
    url: "https://minzdrav.example.ru/",
    region: "71",
    sphere: "health",
    name: "Министерство здравоохранения Тульской области",
    statuses: {
      "authority/council-nok-powers": "fail",
      "authority/council-minutes": "warn",
      "authority/operator": "unknown",
      "authority/rating-link": "n/a",
      "authority/proposals": "fail",
    },
    score: 70,
  });
  return run({ mode: "check", runId: "check-1", sites: [s], regions: [] });
}

export function regionSummary(code: string, name: string, district?: string): RegionSummary {
  return { code, name, sites: 0, byRule: {}, gaps: [], ...(district ? { district } : {}) };
}

export const REGIONS = [
  { code: "08", name: "Республика Калмыкия", district: "Южный федеральный округ" },
  { code: "13", name: "Республика Мордовия", district: "Приволжский федеральный округ" },
  { code: "38", name: "Иркутская область", district: "Сибирский федеральный округ" },
  { code: "71", name: "Тульская область", district: "Центральный федеральный округ" },
  { code: "99", name: "Байконур (без сайтов)" },
];

const POWERS = "authority/council-nok-powers";
const NOK = "authority/nok-section";

/**
 * A national run: Калмыкия fails council NOK powers in health, social and sport (culture passes), Мордовия in
 * health, Иркутская in culture; Тульская is unreachable in health (unknown); region 99 has no sites.
 */
export function nationalRun(): RunResult {
  const sites: SiteResult[] = [
    site({ region: "08", sphere: "health", statuses: { [POWERS]: "fail" } }),
    site({ region: "08", sphere: "social", statuses: { [POWERS]: "fail", [NOK]: "fail" } }),
    site({ region: "08", sphere: "sport", statuses: { [POWERS]: "fail" } }),
    site({ region: "08", sphere: "culture" }),
    site({ region: "13", sphere: "health", statuses: { [POWERS]: "fail" } }),
    site({ region: "13", sphere: "social", statuses: { [NOK]: "warn" } }),
    site({ region: "38", sphere: "culture", statuses: { [POWERS]: "fail" } }),
    site({ region: "38", sphere: "health" }),
    site({ region: "71", sphere: "health", status: "unreachable", fill: "unknown" }),
    site({ region: "71", sphere: "social" }),
    site({
      url: "https://school1.example.ru/",
      kind: "institution",
      region: "71",
      sphere: "education",
      name: "Школа № 1",
      rules: ["institution/improvement-plan"],
      fill: "fail",
    }),
    site({
      url: "https://bus.gov.ru/agency/1",
      kind: "busgov",
      region: "71",
      sphere: "education",
      rules: ["busgov/results", "busgov/improvement-plan"],
      statuses: { "busgov/results": "pass", "busgov/improvement-plan": "unknown" },
    }),
    site({
      url: "https://bus.gov.ru/agency/2",
      kind: "busgov",
      region: "71",
      sphere: "culture",
      rules: ["busgov/results", "busgov/improvement-plan"],
      statuses: { "busgov/results": "fail", "busgov/improvement-plan": "pass" },
    }),
  ];
  const changes: DiffEntry[] = [
    {
      site: sites[4]!.url,
      region: "13",
      sphere: "health",
      rule: POWERS,
      before: "pass",
      after: "fail",
      change: "new-gap",
    },
    {
      site: sites[7]!.url,
      region: "38",
      sphere: "health",
      rule: NOK,
      before: "fail",
      after: "pass",
      change: "fixed",
    },
  ];
  return run({
    sites,
    regions: REGIONS.map((r) => regionSummary(r.code, r.name, r.district)),
    compare: { runId: "2025-02-01T02-00-00Z", asOf: "2025-02-01", changes },
  });
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** A synthetic national run of `regions` × 5 spheres × 13 rules with realistic evidence sizes. */
export function syntheticRun(regions = 89): RunResult {
  const spheres: Sphere[] = ["social", "health", "culture", "education", "sport"];
  const statuses: Status[] = ["pass", "pass", "pass", "warn", "fail", "pass", "unknown", "fail", "pass"];
  const sites: SiteResult[] = [];
  const refs: RegionSummary[] = [];
  for (let r = 1; r <= regions; r++) {
    const code = String(r).padStart(2, "0");
    refs.push(regionSummary(code, `Субъект Российской Федерации № ${code}`, "Федеральный округ"));
    spheres.forEach((sphere, k) => {
      const s = site({
        url: `https://${sphere}.region${code}.example.ru/`,
        region: code,
        sphere,
        name: `Министерство (${sphere}) субъекта № ${code}`,
        score: 60,
      });
      s.findings = s.findings.map((f, i) => {
        const status = pick(statuses, r * 7 + k * 3 + i);
        return finding(f.rule, status, {
          title: "",
          message:
            status === "fail"
              ? "Сайт просмотрен полностью, подходящих страниц и документов не найдено."
              : "Найдено на странице раздела.",
          evidence:
            status === "pass" || status === "warn"
              ? [
                  evidence(`https://${sphere}.region${code}.example.ru/activity/nok/page-${i}.html`, {
                    excerpt:
                      "Положение об общественном совете по проведению независимой оценки качества условий оказания услуг организациями в сфере, утверждённое приказом министерства от 12.03.2024 № 145",
                  }),
                ]
              : [],
        });
      });
      sites.push(s);
    });
  }
  return run({ sites, regions: refs, runId: "synthetic-89x5" });
}

/**
 * `busgov-data`: judges an institution's data on bus.gov.ru (card, НОК results, improvement plan,
 * report on the plan) from `SiteView.data.busgov` (see src/types/busgov.ts). Every question the service
 * could not answer — unreachable, an error status, a JSON shape we do not know — is `unknown`, never
 * `fail`: only an answer of the service proves absence, and that answer is the evidence.
 */
import { z } from "zod";
import {
  BUSGOV_DATA_KEY,
  type BusgovCard,
  type BusgovData,
  type BusgovPlan,
  type BusgovPlanItem,
  type BusgovResult,
  busgovDataSchema,
} from "../../types/busgov.ts";
import type { CheckOutcome, CheckType, Evidence, SiteView } from "../../types/index.ts";
import { formatIso } from "./freshness.ts";
import { parseWith } from "./params.ts";

const schema = z
  .object({
    /** Which question the rule asks. */
    require: z.enum(["card", "results", "improvement-plan", "plan-report"]),
    /** Results pass when their year ≥ the as-of year minus this (the legal maximum interval is 3 years). */
    maxAgeYears: z.number().int().min(0).max(10).default(3),
  })
  .strict();

export type BusgovDataParams = z.output<typeof schema>;

/** An answered part with the values that count as of the reference date. */
type Answered<T> = { value: T; url: string; snapshot: string | null };

const score = (n: number) => n.toLocaleString("ru-RU", { maximumFractionDigits: 2 });

function evidence(
  url: string,
  excerpt: string,
  snapshot: string | null,
  date: string | null = null,
): Evidence {
  return { url, excerpt, snapshot, linkText: null, depth: null, date };
}

function unknown(message: string, details: Record<string, unknown> = {}): CheckOutcome {
  return { status: "unknown", message, evidence: [], details };
}

function who(d: BusgovData): string {
  if (d.query.inn) return `ИНН ${d.query.inn}`;
  if (d.query.id) return `идентификатор ${d.query.id}`;
  return "учреждение";
}

function resultLine(r: BusgovResult): string {
  const total = r.totalScore == null ? "" : `: ${score(r.totalScore)} балла из 100`;
  return `Результаты НОК за ${r.year} год${total}${r.group ? ` (группа «${r.group}»)` : ""}`;
}

function planLine(p: BusgovPlan): string {
  const approved = p.approved ? `, утверждён ${formatIso(p.approved)}` : "";
  const items = p.items.length > 0 ? `, мероприятий: ${p.items.length}` : "";
  return `План по устранению недостатков по итогам НОК ${p.year} года${approved}${items}`;
}

/** Reads the data; a string is the reason it cannot be judged. */
function readData(site: SiteView): BusgovData | string {
  const raw = site.data?.[BUSGOV_DATA_KEY];
  if (raw === undefined)
    return "Сведения bus.gov.ru не запрашивались: для учреждения не указан ИНН или идентификатор на bus.gov.ru.";
  const parsed = busgovDataSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `Сведения bus.gov.ru в неизвестном формате (${issue ? `${issue.path.join(".") || "корень"}: ${issue.message}` : "ошибка структуры"}).`;
  }
  return parsed.data;
}

export const busgovDataCheck: CheckType<BusgovDataParams> = {
  name: "busgov-data",
  parse(params) {
    return parseWith(schema, params);
  },
  evaluate(site, p, ctx) {
    const d = readData(site);
    if (typeof d === "string") return unknown(d);

    if (!d.card.ok)
      return unknown(
        `bus.gov.ru не ответил на запрос карточки учреждения (${who(d)}): ${d.card.error.message}`,
        {
          error: d.card.error,
        },
      );
    const snapCard = d.card.snapshot ?? null;
    if (d.card.value === null) {
      return {
        status: "fail",
        message: `bus.gov.ru ответил, что учреждения (${who(d)}) у него нет: карточка не найдена.`,
        evidence: [evidence(d.card.url, `Поиск на bus.gov.ru (${who(d)}): учреждение не найдено`, snapCard)],
        details: { found: false },
      };
    }
    const card = d.card.value;
    if (p.require === "card") {
      const inn = card.inn ? `, ИНН ${card.inn}` : "";
      return {
        status: "pass",
        message: `Карточка учреждения «${card.name}» размещена на bus.gov.ru.`,
        evidence: [evidence(card.cardUrl, `${card.fullName ?? card.name}${inn}`, snapCard)],
        details: { agencyId: card.id },
      };
    }
    return judgeNok(d, card, p, ctx.asOf);
  },
};

function judgeNok(d: BusgovData, card: BusgovCard, p: BusgovDataParams, asOf: string): CheckOutcome {
  const asOfYear = Number(asOf.slice(0, 4));
  if (!d.ratings) return unknown("Результаты НОК на bus.gov.ru не запрашивались.");
  if (!d.ratings.ok)
    return unknown(`Не удалось получить результаты НОК с bus.gov.ru: ${d.ratings.error.message}`, {
      error: d.ratings.error,
    });
  const ratings: Answered<BusgovResult[]> = {
    // Results dated after the as-of day did not exist then (a recheck with an earlier --as-of).
    value: d.ratings.value.filter((r) => r.year <= asOfYear),
    url: d.ratings.url,
    snapshot: d.ratings.snapshot ?? null,
  };
  // bus.gov.ru returns only the latest year: what was placed before it cannot be told.
  if (ratings.value.length === 0 && d.ratings.value.length > 0)
    return unknown(
      `На bus.gov.ru есть только результаты НОК за годы после ${asOfYear} года; какие результаты были размещены на ${formatIso(asOf)}, по этим данным не установить.`,
    );
  const latest = ratings.value.reduce<BusgovResult | null>((a, r) => (a && a.year >= r.year ? a : r), null);

  if (p.require === "results") {
    if (!latest)
      return {
        status: "fail",
        message: `На bus.gov.ru нет результатов независимой оценки качества учреждения «${card.name}».`,
        evidence: [evidence(card.cardUrl, "Ответ bus.gov.ru: результатов НОК нет", ratings.snapshot)],
        details: { latestYear: null },
      };
    const oldest = asOfYear - p.maxAgeYears;
    const ok = latest.year >= oldest;
    return {
      status: ok ? "pass" : "fail",
      message: ok
        ? `Последние результаты НОК на bus.gov.ru — за ${latest.year} год (не раньше ${oldest} года).`
        : `Последние результаты НОК на bus.gov.ru — за ${latest.year} год: старше ${p.maxAgeYears} лет (нужен ${oldest} год или позже).`,
      evidence: [evidence(card.cardUrl, resultLine(latest), ratings.snapshot)],
      details: { latestYear: latest.year, totalScore: latest.totalScore ?? null },
    };
  }

  if (!latest)
    return {
      status: "n/a",
      message: "Результатов НОК на bus.gov.ru нет — план по их итогам не требуется.",
      evidence: [],
      details: { latestYear: null },
    };
  if (!d.plans) return unknown("Планы по устранению недостатков на bus.gov.ru не запрашивались.");
  if (!d.plans.ok)
    return unknown(
      `Не удалось получить планы по устранению недостатков с bus.gov.ru: ${d.plans.error.message}`,
      { error: d.plans.error },
    );
  const snapPlans = d.plans.snapshot ?? null;
  // A plan approved after the as-of day was not placed yet then.
  const placed = d.plans.value.filter((x) => x.year <= asOfYear && (!x.approved || x.approved <= asOf));
  const plan = placed
    .filter((x) => x.year >= latest.year)
    .reduce<BusgovPlan | null>((a, x) => (a && a.year >= x.year ? a : x), null);
  const details = { latestYear: latest.year, planYear: plan?.year ?? null };

  if (!plan) {
    const older = placed.reduce<BusgovPlan | null>((a, x) => (a && a.year >= x.year ? a : x), null);
    const before = older ? ` Последний размещённый план — по итогам ${older.year} года.` : "";
    const what =
      p.require === "plan-report" ? "план, а значит и отчёт о его выполнении, не размещён" : "не размещён";
    return {
      status: "fail",
      message: `План по устранению недостатков по итогам НОК ${latest.year} года на bus.gov.ru ${what}.${before}`,
      evidence: [
        evidence(
          card.cardUrl,
          older ? planLine(older) : "Ответ bus.gov.ru: планов нет",
          snapPlans,
          older?.approved ?? null,
        ),
      ],
      details,
    };
  }
  if (p.require === "improvement-plan")
    return {
      status: "pass",
      message: `На bus.gov.ru размещён план по устранению недостатков по итогам НОК ${plan.year} года.`,
      evidence: [evidence(card.cardUrl, planLine(plan), snapPlans, plan.approved ?? null)],
      details,
    };

  return judgeReport(plan, card, asOf, snapPlans, details);
}

/**
 * The report on a plan is FACT_DATE / MEASURES filled in on its items (planShortcomingInfoType): pass
 * when every item past its PLAN_DATE carries them, warn when only some do, fail when none does. A
 * FACT_DATE after the reference date did not exist yet then; an item without PLAN_DATE counts as due.
 */
function judgeReport(
  plan: BusgovPlan,
  card: BusgovCard,
  asOf: string,
  snapPlans: string | null,
  base: Record<string, unknown>,
): CheckOutcome {
  const done = (i: BusgovPlanItem) => (i.factDate != null && i.factDate <= asOf) || i.measures === true;
  const due = plan.items.filter((i) => !i.planDate || i.planDate < asOf);
  const reported = plan.items.filter(done);
  const dueReported = due.filter(done);
  const details = { ...base, items: plan.items.length, due: due.length, reported: reported.length };
  const ev = (excerpt: string) => [evidence(card.cardUrl, excerpt, snapPlans, plan.approved ?? null)];
  const head = `Отчёт о выполнении плана по итогам НОК ${plan.year} года`;

  if (plan.items.length === 0)
    return {
      status: "warn",
      message: `В плане по итогам НОК ${plan.year} года на bus.gov.ru нет мероприятий — сведения о выполнении отнести не к чему.`,
      evidence: ev(planLine(plan)),
      details,
    };
  if (due.length === 0) {
    const next = plan.items
      .map((i) => i.planDate)
      .filter((d): d is string => d != null)
      .sort()[0];
    if (reported.length > 0)
      return {
        status: "pass",
        message: `${head}: сведения о выполнении внесены по ${reported.length} из ${plan.items.length} мероприятий, сроки остальных не наступили.`,
        evidence: ev(`${planLine(plan)}; выполнено мероприятий: ${reported.length}`),
        details,
      };
    return {
      status: "n/a",
      message: `${head} ещё не требуется: ближайший срок мероприятий — ${next ? formatIso(next) : "не указан"}.`,
      evidence: ev(planLine(plan)),
      details,
    };
  }
  if (dueReported.length === due.length)
    return {
      status: "pass",
      message: `${head} размещён на bus.gov.ru: фактические сроки и принятые меры указаны по всем ${due.length} мероприятиям, срок которых наступил.`,
      evidence: ev(`${planLine(plan)}; выполнено мероприятий: ${reported.length}`),
      details,
    };
  if (reported.length > 0)
    return {
      status: "warn",
      message: `${head} неполный: сведения о выполнении есть по ${dueReported.length} из ${due.length} мероприятий, срок которых истёк.`,
      evidence: ev(`${planLine(plan)}; выполнено мероприятий: ${reported.length}`),
      details,
    };
  return {
    status: "fail",
    message: `${head} на bus.gov.ru не размещён: ни по одному из ${due.length} мероприятий с истёкшим сроком нет фактического срока (FACT_DATE) и принятых мер (MEASURES).`,
    evidence: ev(`${planLine(plan)}; сведений о выполнении нет`),
    details,
  };
}

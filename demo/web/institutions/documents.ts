/**
 * The NOK documents an institution publishes, as DocBody: results (scores by the five 344н criteria),
 * the plan to eliminate shortcomings in the columns ПП 457 is recalled to prescribe, and the report on it.
 */
import type { DocBody } from "../docs/body.ts";

export interface Measure {
  shortcoming: string;
  measure: string;
  deadline: string;
  responsible: string;
  /** What was done and when (the report's columns); absent in a plan not yet reported on. */
  done?: { what: string; date: string };
}

/** The five criteria of 344н with this institution's scores. */
export function resultsBody(
  org: string,
  year: number,
  scores: [number, number, number, number, number],
): DocBody {
  const names = [
    "Открытость и доступность информации об организации",
    "Комфортность условий предоставления услуг",
    "Доступность услуг для инвалидов",
    "Доброжелательность, вежливость работников организации",
    "Удовлетворённость условиями оказания услуг",
  ];
  const total = Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 100) / 100;
  const fmt = (n: number) => n.toFixed(2).replace(".", ",");
  return {
    title: `Результаты независимой оценки качества условий оказания услуг в ${year} году`,
    subtitle: org,
    blocks: [
      {
        t: "p",
        text: `Независимая оценка качества условий оказания услуг проведена в ${year} году в соответствии с Федеральным законом от 05.12.2017 № 392-ФЗ; показатели рассчитаны по Единому порядку (приказ Минтруда России от 31.05.2018 № 344н).`,
      },
      {
        t: "table",
        head: ["№", "Критерий", "Значение, баллов"],
        rows: [
          ...names.map((n, i) => [String(i + 1), n, fmt(scores[i]!)]),
          ["", "Итоговый балл", fmt(total)],
        ],
        widths: [0.08, 0.67, 0.25],
      },
    ],
  };
}

const PLAN_HEAD = [
  "№",
  "Недостатки, выявленные в ходе независимой оценки качества",
  "Мероприятие по устранению недостатков",
  "Плановый срок",
  "Ответственный (ФИО, должность)",
  "Реализованные меры",
  "Фактический срок",
];

export function planBody(opts: {
  org: string;
  director: string;
  nokYear: number;
  /** «на 2026 год», «на 2025–2026 годы» */
  period: string;
  approved: string;
  measures: Measure[];
}): DocBody {
  return {
    stamp: ["УТВЕРЖДАЮ", `Директор ${opts.org}`, `${opts.director}`, `«${opts.approved}»`],
    title: `План по устранению недостатков, выявленных в ходе независимой оценки качества условий оказания услуг в ${opts.nokYear} году, ${opts.period}`,
    subtitle: opts.org,
    blocks: [
      {
        t: "table",
        head: PLAN_HEAD,
        rows: opts.measures.map((m, i) => [
          String(i + 1),
          m.shortcoming,
          m.measure,
          m.deadline,
          m.responsible,
          "",
          "",
        ]),
        widths: [0.04, 0.2, 0.22, 0.1, 0.18, 0.16, 0.1],
      },
    ],
    signature: `Директор — ${opts.director}`,
  };
}

export function reportBody(opts: {
  org: string;
  director: string;
  nokYear: number;
  period: string;
  measures: Measure[];
}): DocBody {
  return {
    title: `Отчёт о выполнении плана по устранению недостатков, выявленных в ходе независимой оценки качества условий оказания услуг в ${opts.nokYear} году, ${opts.period}`,
    subtitle: opts.org,
    blocks: [
      {
        t: "table",
        head: PLAN_HEAD,
        rows: opts.measures.map((m, i) => [
          String(i + 1),
          m.shortcoming,
          m.measure,
          m.deadline,
          m.responsible,
          m.done?.what ?? "в работе",
          m.done?.date ?? "",
        ]),
        widths: [0.04, 0.2, 0.22, 0.1, 0.18, 0.16, 0.1],
      },
    ],
    signature: `Директор — ${opts.director}`,
  };
}

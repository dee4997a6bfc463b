import type { MockAgency } from "./types.ts";

type Criteria = Record<string, number>;

/** Criterion values → the total the client is expected to compute (344н: the mean of the criteria). */
function result(year: number, criteria: Criteria): MockAgency["results"][number] {
  const values = Object.values(criteria);
  const totalScore = Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
  return { year, totalScore, criteria };
}

/** Criterion keys as the real DTO names them, minus "Value" (anchors.md §5.3). */
const c = (openness: number, comfort: number, timeout: number, goodwill: number, contentment: number) => ({
  openness,
  comfort,
  timeout,
  goodwill,
  contentment,
});

/**
 * Institutions covering the cases the busgov rules must tell apart, relative to `refYear`
 * (the run's reference year, so a demo with `--as-of` stays reproducible). INNs pass the checksum.
 */
export function demoAgencies(refYear: number = new Date().getFullYear()): MockAgency[] {
  return [
    {
      // Current results, plan placed and reported.
      id: "100001",
      inn: "7105001011",
      name: "МБОУ «Средняя общеобразовательная школа № 1»",
      fullName:
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
      region: "71",
      sphere: "education",
      website: "http://school1.test/",
      results: [
        result(refYear - 1, c(96.4, 100, 80, 97.2, 95.5)),
        result(refYear - 4, c(88, 90, 60, 92, 91)),
      ],
      plans: [
        { year: refYear - 1, reportPlaced: true },
        { year: refYear - 4, reportPlaced: true },
      ],
    },
    {
      // Stale: the newest results are older than three years; plan without a report.
      id: "100002",
      inn: "7107002028",
      name: "ГУЗ «Городская поликлиника № 3»",
      region: "71",
      sphere: "health",
      website: "http://poliklinika3.test/",
      results: [result(refYear - 5, c(81.5, 77, 70, 90.1, 85))],
      plans: [{ year: refYear - 5, reportPlaced: false }],
    },
    {
      // Missing: a card, but neither results nor plans.
      id: "100003",
      inn: "5024003031",
      name: "ГБУК МО «Областная научная библиотека»",
      region: "50",
      sphere: "culture",
      results: [],
      plans: [],
    },
    {
      // Current results, plan not placed.
      id: "100004",
      inn: "5031004043",
      name: "ГБУ СО МО «Комплексный центр социального обслуживания населения „Забота“»",
      region: "50",
      sphere: "social",
      results: [result(refYear, c(92, 94.5, 88, 99, 97))],
      plans: [],
    },
    {
      // Plan placed, execution not reported yet.
      id: "100006",
      inn: "7106006069",
      name: "ГУ ТО «Комплексный центр социального обслуживания населения № 2»",
      region: "71",
      sphere: "social",
      results: [result(refYear - 2, c(90, 91, 85, 96, 94))],
      plans: [{ year: refYear - 2, reportPlaced: false }],
    },
    {
      // The site "changed its API": ratings and plans answer a structure the client does not know.
      id: "100005",
      inn: "7703005051",
      name: "ГБУ ДО «Спортивная школа олимпийского резерва № 5»",
      region: "77",
      sphere: "sport",
      results: [result(refYear - 1, c(89, 92, 75, 94, 93))],
      plans: [{ year: refYear - 1, reportPlaced: true }],
      quirk: "unexpected-shape",
    },
  ];
}

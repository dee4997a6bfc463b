/** Titles of sphere authorities: the federal cities' departments and committees, and regions' common variants. */
import type { Sphere } from "../../../src/types/index.ts";
import type { Rng } from "../random.ts";
import type { RegionInfo } from "../types.ts";

/** Federal cities name their sphere bodies «Департамент …» (Москва, Севастополь) or «Комитет по …» (СПб). */
const FEDERAL_CITIES: Record<string, Record<Sphere, string>> = {
  "77": {
    social: "Департамент труда и социальной защиты населения города Москвы",
    health: "Департамент здравоохранения города Москвы",
    culture: "Департамент культуры города Москвы",
    education: "Департамент образования и науки города Москвы",
    sport: "Департамент спорта города Москвы",
  },
  "78": {
    social: "Комитет по социальной политике Санкт-Петербурга",
    health: "Комитет по здравоохранению Санкт-Петербурга",
    culture: "Комитет по культуре Санкт-Петербурга",
    education: "Комитет по образованию Санкт-Петербурга",
    sport: "Комитет по физической культуре и спорту Санкт-Петербурга",
  },
  "92": {
    social: "Департамент труда и социальной защиты населения города Севастополя",
    health: "Департамент здравоохранения города Севастополя",
    culture: "Департамент культуры города Севастополя",
    education: "Департамент образования и науки города Севастополя",
    sport: "Департамент по физической культуре и спорту города Севастополя",
  },
};

/** Other titles regional ministries carry (the genitive region name follows). */
const VARIANTS: Record<Sphere, string[]> = {
  social: [
    "Министерство социального развития",
    "Министерство труда и социальной защиты",
    "Министерство социальной защиты населения",
  ],
  health: ["Министерство здравоохранения"],
  culture: ["Министерство культуры", "Министерство культуры и туризма"],
  education: ["Министерство образования", "Министерство образования и науки", "Министерство просвещения"],
  sport: ["Министерство спорта", "Министерство физической культуры и спорта"],
};

/** The authority's nominative title, or undefined to keep the demo's default («Министерство … <региона>»). */
export function authorityTitle(region: RegionInfo, sphere: Sphere, rng: Rng): string | undefined {
  const city = FEDERAL_CITIES[region.code];
  if (city) return city[sphere];
  const variant = rng.pick(VARIANTS[sphere]);
  return variant === VARIANTS[sphere][0] ? undefined : `${variant} ${region.genitive}`;
}

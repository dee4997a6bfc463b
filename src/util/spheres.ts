/**
 * The one table of sphere names in Russian. The wordings differ by use, so each use is a field of one row:
 * - `name`: nominative, in headings and table columns («здравоохранение», «физическая культура и спорт»);
 * - `short`: the ministry's parenthetical lists and the registry's sphere column («спорт»);
 * - `inPhrase`: «в сфере …» in sentences;
 * - `legal`: as the laws name the sphere, in the rule engine's «does not apply» reasons («охрана здоровья»).
 */
import type { Sphere } from "../types/common.ts";

export interface SphereWording {
  name: string;
  short: string;
  inPhrase: string;
  legal: string;
}

export const SPHERE_WORDING: Readonly<Record<Sphere, SphereWording>> = {
  social: {
    name: "социальное обслуживание",
    short: "социальное обслуживание",
    inPhrase: "в сфере социального обслуживания",
    legal: "социальное обслуживание",
  },
  health: {
    name: "здравоохранение",
    short: "здравоохранение",
    inPhrase: "в сфере здравоохранения",
    legal: "охрана здоровья",
  },
  culture: { name: "культура", short: "культура", inPhrase: "в сфере культуры", legal: "культура" },
  education: {
    name: "образование",
    short: "образование",
    inPhrase: "в сфере образования",
    legal: "образование",
  },
  sport: {
    name: "физическая культура и спорт",
    short: "спорт",
    inPhrase: "в сфере физической культуры и спорта",
    legal: "физическая культура и спорт",
  },
};

function column(field: keyof SphereWording): Readonly<Record<Sphere, string>> {
  return Object.fromEntries(Object.entries(SPHERE_WORDING).map(([s, w]) => [s, w[field]])) as Record<
    Sphere,
    string
  >;
}

/** Nominative names (headings, table columns). */
export const SPHERE_NAMES = column("name");
/** Short names: the ministry's lists («… (здравоохранение, спорт)») and the registry's sphere column. */
export const SPHERE_SHORT_NAMES = column("short");
/** «в сфере …» phrases (prepositional use in sentences). */
export const SPHERE_IN_PHRASES = column("inPhrase");
/** The laws' names, used by the rule engine. */
export const SPHERE_LEGAL_NAMES = column("legal");

/** The order the ministry lists spheres in (its 2015 analysis: health, social services, culture, education). */
export const MINISTRY_SPHERE_ORDER: readonly Sphere[] = ["health", "social", "culture", "education", "sport"];

/** Russian names of spheres and statuses, as the ministry writes them. */
import type { Sphere, Status } from "../types/common.ts";

/** Nominative names (headings, table columns). */
export const SPHERE_NAMES: Readonly<Record<Sphere, string>> = {
  social: "социальное обслуживание",
  health: "здравоохранение",
  culture: "культура",
  education: "образование",
  sport: "физическая культура и спорт",
};

/**
 * Short names for the ministry's parenthetical lists, e.g.
 * «Республика Калмыкия (здравоохранение, социальное обслуживание, спорт)» — the ministry writes «спорт» there.
 */
export const SPHERE_SHORT_NAMES: Readonly<Record<Sphere, string>> = {
  ...SPHERE_NAMES,
  sport: "спорт",
};

/** «в сфере …» phrases (prepositional use in sentences). */
export const SPHERE_IN_PHRASES: Readonly<Record<Sphere, string>> = {
  social: "в сфере социального обслуживания",
  health: "в сфере здравоохранения",
  culture: "в сфере культуры",
  education: "в сфере образования",
  sport: "в сфере физической культуры и спорта",
};

/** The order the ministry lists spheres in (its 2015 analysis: health, social services, culture, education). */
export const MINISTRY_SPHERE_ORDER: readonly Sphere[] = ["health", "social", "culture", "education", "sport"];

export const STATUS_NAMES: Readonly<Record<Status, string>> = {
  pass: "соответствует",
  warn: "частично",
  fail: "не соответствует",
  unknown: "не удалось проверить",
  "n/a": "не применяется",
};

export function sphereName(sphere: Sphere | null | undefined): string {
  return sphere ? SPHERE_NAMES[sphere] : "все сферы";
}

/** Unique spheres in ministry order. */
export function sortSpheres(spheres: Iterable<Sphere>): Sphere[] {
  const set = new Set(spheres);
  return MINISTRY_SPHERE_ORDER.filter((s) => set.has(s));
}

/** «здравоохранение, социальное обслуживание, спорт» */
export function formatSphereList(spheres: Iterable<Sphere>): string {
  return sortSpheres(spheres)
    .map((s) => SPHERE_SHORT_NAMES[s])
    .join(", ");
}

/** «Республика Мордовия (здравоохранение)»; without spheres just the name. */
export function formatRegionWithSpheres(name: string, spheres: Iterable<Sphere>): string {
  const list = formatSphereList(spheres);
  return list ? `${name} (${list})` : name;
}

/** «Республика Калмыкия (здравоохранение, социальное обслуживание, спорт), Республика Мордовия (здравоохранение)» */
export function formatMinistryList(entries: readonly { name: string; spheres: Iterable<Sphere> }[]): string {
  return entries.map((e) => formatRegionWithSpheres(e.name, e.spheres)).join(", ");
}

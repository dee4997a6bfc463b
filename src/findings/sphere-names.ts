/** Russian names of statuses and sphere lists, as the ministry writes them (the sphere names: util/spheres.ts). */
import type { Sphere, Status } from "../types/common.ts";
import { MINISTRY_SPHERE_ORDER, SPHERE_NAMES, SPHERE_SHORT_NAMES } from "../util/spheres.ts";

export {
  MINISTRY_SPHERE_ORDER,
  SPHERE_IN_PHRASES,
  SPHERE_NAMES,
  SPHERE_SHORT_NAMES,
} from "../util/spheres.ts";

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

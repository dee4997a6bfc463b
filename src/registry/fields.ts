/** The registry's columns and the words people use for them and for their values (Russian or English). */
import { normalizeText } from "../extract/russian/index.ts";
import type { Sphere } from "../types/common.ts";
import { SPHERE_SHORT_NAMES } from "../util/spheres.ts";
import type { RenderMode, SiteKind } from "./schema.ts";

export type Field = "kind" | "region" | "sphere" | "name" | "url" | "inn" | "busgovId" | "render";

/** Russian column titles as written in the templates (and in messages). */
export const FIELD_TITLES: Record<Field, string> = {
  kind: "Вид",
  region: "Регион",
  sphere: "Сфера",
  name: "Наименование",
  url: "Сайт",
  inn: "ИНН",
  busgovId: "ID bus.gov.ru",
  render: "Рендеринг",
};

/** Columns without which no row of a file can be loaded. */
export const REQUIRED_FIELDS: readonly Field[] = ["region", "sphere", "url"];

const HEADER_WORDS: Record<Field, string[]> = {
  kind: ["вид", "тип", "вид сайта", "тип сайта", "kind", "type"],
  region: [
    "регион",
    "код региона",
    "субъект",
    "субъект рф",
    "код субъекта",
    "region",
    "region code",
    "regioncode",
  ],
  sphere: ["сфера", "отрасль", "sphere"],
  name: ["наименование", "название", "наименование организации", "наименование органа", "name", "title"],
  url: ["сайт", "url", "адрес сайта", "официальный сайт", "сайт url", "site", "website"],
  inn: ["инн", "inn"],
  busgovId: [
    "id bus gov ru",
    "bus gov ru",
    "идентификатор bus gov ru",
    "id на bus gov ru",
    "busgovid",
    "busgov id",
    "busgov",
  ],
  render: ["рендеринг", "браузер", "render"],
};

function headerKey(text: string): string {
  return normalizeText(text)
    .replace(/[._*:#№"]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const HEADER_INDEX = new Map<string, Field>();
for (const [field, words] of Object.entries(HEADER_WORDS) as [Field, string[]][]) {
  for (const word of words) HEADER_INDEX.set(headerKey(word), field);
}

/** The field a column title stands for: "Сайт/URL", "Регион (код или название)", "busgovId" all work. */
export function fieldForHeader(title: string): Field | null {
  const whole = HEADER_INDEX.get(headerKey(title));
  if (whole) return whole;
  for (const part of title.split(/[/()|,]/)) {
    const field = HEADER_INDEX.get(headerKey(part));
    if (field) return field;
  }
  return null;
}

/** The registry's sphere column: the short names («спорт»), see util/spheres.ts. */
export const SPHERE_TITLES = SPHERE_SHORT_NAMES;

/** "здравоохранение", "Социальное обслуживание населения", "физическая культура и спорт", "health". */
export function parseSphere(value: string): Sphere | null {
  const key = normalizeText(value);
  if (key in SPHERE_TITLES) return key as Sphere;
  // "физическая культура" is sport, not culture: test sport first.
  if (key.includes("спорт") || key.startsWith("физ")) return "sport";
  if (key.startsWith("соц")) return "social";
  if (key.startsWith("здрав") || key.startsWith("медиц")) return "health";
  if (key.startsWith("культур")) return "culture";
  if (key.startsWith("образов")) return "education";
  return null;
}

export const KIND_TITLES: Record<SiteKind, string> = { authority: "орган власти", institution: "учреждение" };

/** "орган власти", "ОИВ", "министерство", "учреждение", "организация", "authority", "institution". */
export function parseKind(value: string): SiteKind | null {
  const key = normalizeText(value);
  if (key === "authority" || key === "institution") return key;
  // "организация" starts with "орган": test it first.
  if (key.startsWith("учрежд") || key.startsWith("организац") || key === "оу") return "institution";
  if (
    key.startsWith("орган") ||
    key === "оив" ||
    key.startsWith("министерств") ||
    key.startsWith("ведомств")
  ) {
    return "authority";
  }
  return null;
}

export function parseRender(value: string): RenderMode | null {
  const key = normalizeText(value);
  if (key === "never" || key === "auto" || key === "always") return key;
  if (key === "никогда" || key === "нет") return "never";
  if (key.startsWith("авто")) return "auto";
  if (key === "всегда" || key === "да") return "always";
  return null;
}

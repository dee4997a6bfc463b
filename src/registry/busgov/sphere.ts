/**
 * The sphere of an institution from the open data. The rule (documented in the README):
 *  1. the main OKVED (type "C"): 85 → education, 86 → health, 87 and 88 → social, 90 and 91 → culture;
 *  2. else the additional OKVEDs, when all those in the four spheres point to one sphere;
 *  3. only when the position has no OKVED at all: the words of institutionType and the founders'
 *     names («Министерство здравоохранения…» → health, …), when they name exactly one sphere.
 * Anything else is left out of the registry (not one of the four spheres, or ambiguous): we would
 * rather miss an institution than check it against the wrong sphere's rules.
 */
import type { Sphere } from "../../types/common.ts";
import type { BusgovPosition } from "./position.ts";

export type ImportSphere = Exclude<Sphere, "sport">;

export function sphereOfOkved(code: string): ImportSphere | null {
  const section = /^(\d{2})/.exec(code.trim())?.[1];
  switch (section) {
    case "85":
      return "education";
    case "86":
      return "health";
    case "87":
    case "88":
      return "social";
    case "90":
    case "91":
      return "culture";
    default:
      return null;
  }
}

// Stems, not words: «здравоохранения», «образованию», «культуры», «социальной защиты».
const WORDS: [RegExp, ImportSphere][] = [
  [/здравоохранен|медицин|больниц|поликлиник/i, "health"],
  [/образовани|просвещени|школ|детск(ий|ого) сад/i, "education"],
  [/культур|библиотек|музе|театр/i, "culture"],
  [/социальн|соцзащит|труда и занятости/i, "social"],
];

function sphereOfWords(texts: string[]): ImportSphere | null {
  const found = new Set<ImportSphere>();
  for (const text of texts) for (const [re, sphere] of WORDS) if (re.test(text)) found.add(sphere);
  return found.size === 1 ? [...found][0]! : null;
}

export type SphereDecision =
  | { sphere: ImportSphere; by: "okved-main" | "okved" | "founder" }
  | { sphere: null; reason: "outside" | "ambiguous" | "none" };

export function decideSphere(p: BusgovPosition): SphereDecision {
  const main = p.okved.find((o) => o.type?.toUpperCase() === "C" && o.code);
  if (main) {
    const sphere = sphereOfOkved(main.code);
    return sphere ? { sphere, by: "okved-main" } : { sphere: null, reason: "outside" };
  }
  const spheres = new Set(p.okved.map((o) => sphereOfOkved(o.code)).filter((s) => s !== null));
  if (spheres.size === 1) return { sphere: [...spheres][0]!, by: "okved" };
  if (spheres.size > 1) return { sphere: null, reason: "ambiguous" };
  if (p.okved.some((o) => o.code)) return { sphere: null, reason: "outside" };
  const byWords = sphereOfWords([p.institutionType ?? "", ...p.founders]);
  if (byWords) return { sphere: byWords, by: "founder" };
  return { sphere: null, reason: "none" };
}

/** Resolve what people write in a "region" cell (a code, the full name, a short name) to a region. */
import { normalizeText } from "../extract/russian/index.ts";
import type { RegionInfo } from "./schema.ts";

export interface RegionLookup {
  /** The region for a code ("71", "7", 71) or a name in any of its spellings, or null. */
  resolve(value: string): RegionInfo | null;
  byCode(code: string): RegionInfo | undefined;
}

// Abbreviations staff use in spreadsheets; expanded so "Тульская обл." meets "Тульская область".
const ABBREVIATIONS: Record<string, string> = {
  обл: "область",
  респ: "республика",
  ао: "автономный округ",
  кр: "край",
  г: "",
  город: "",
};

/** Canonical key of a region name: normalised, punctuation dropped, abbreviations expanded. */
export function regionKey(value: string): string {
  return normalizeText(value)
    .replace(/[.,()"]/g, " ")
    .replace(/\s-\s/g, " ")
    .split(" ")
    .filter(Boolean)
    .map((word) => ABBREVIATIONS[word] ?? word)
    .filter(Boolean)
    .join(" ");
}

/** Every spelling of a region we accept: name, short, aliases and their parts around "—" and "(...)". */
function spellings(region: RegionInfo): string[] {
  const out = [region.name, region.short, ...(region.aliases ?? [])];
  for (const text of [region.name, ...(region.aliases ?? [])]) {
    const paren = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(text);
    if (paren?.[1] && paren[2]) out.push(paren[1], paren[2]);
    const dash = /^(.*?)\s+[—–-]\s+(.+)$/.exec(text);
    if (dash?.[1] && dash[2]) out.push(dash[1], dash[2]);
  }
  return out;
}

export function createRegionLookup(regions: readonly RegionInfo[]): RegionLookup {
  const codes = new Map(regions.map((r) => [r.code, r]));
  const names = new Map<string, RegionInfo | null>();
  for (const region of regions) {
    for (const spelling of spellings(region)) {
      const key = regionKey(spelling);
      if (!key) continue;
      const seen = names.get(key);
      // A spelling shared by two regions is ambiguous: accept it for neither.
      names.set(key, seen === undefined || seen === region ? region : null);
    }
  }
  return {
    byCode: (code) => codes.get(code),
    resolve(value) {
      const text = value.trim();
      if (/^\d{1,2}$/.test(text)) return codes.get(text.padStart(2, "0")) ?? null;
      const byName = names.get(regionKey(text));
      if (byName) return byName;
      // "71 Тульская область", "71 — Тульская обл.": the code decides, the name must not contradict it.
      const combined = /^(\d{1,2})\s*[-—–.:)]?\s+(.+)$/.exec(text);
      if (combined?.[1] && combined[2]) {
        const region = codes.get(combined[1].padStart(2, "0"));
        const named = names.get(regionKey(combined[2]));
        if (region && (named === undefined || named === region)) return named === region ? region : null;
      }
      return null;
    },
  };
}

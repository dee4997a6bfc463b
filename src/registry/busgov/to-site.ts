/**
 * One open-data position → a registry row, a "no site" row, a skip (not one of the four spheres,
 * filtered out) or an error (no ИНН, bad checksum, unknown region). Pure: the importer decides what
 * to do with each outcome.
 */
import { isValidInn } from "../inn.ts";
import type { RegionLookup } from "../region-lookup.ts";
import { parseSiteUrl } from "../site-url.ts";
import type { BusgovPosition } from "./position.ts";
import { decideSphere, type ImportSphere } from "./sphere.ts";

export interface ImportedInstitution {
  region: string;
  sphere: ImportSphere;
  name: string;
  inn: string;
  kpp: string | null;
  /** The validated site, or null with `noSiteReason`. */
  url: string | null;
  noSiteReason?: string;
  /** What was in `www` when it could not be used. */
  www?: string;
  sphereBy: "okved-main" | "okved" | "founder";
}

export type PositionOutcome =
  | { kind: "institution"; institution: ImportedInstitution }
  | { kind: "skip"; reason: "sphere-outside" | "sphere-ambiguous" | "sphere-none" | "filtered" }
  | { kind: "error"; message: string };

export interface ToSiteFilters {
  regions: ReadonlySet<string>;
  spheres: ReadonlySet<string>;
}

/** The subject: the first two digits of subject.code (КЛАДР numbering), else the subject's name. */
function regionOf(p: BusgovPosition, lookup: RegionLookup): string | null {
  const code = /^(\d{2})/.exec(p.subjectCode?.trim() ?? "")?.[1];
  const byCode = code ? lookup.byCode(code) : undefined;
  if (byCode) return byCode.code;
  return p.subjectName ? (lookup.resolve(p.subjectName)?.code ?? null) : null;
}

/** `www` as published: often without a scheme, sometimes several addresses or an e-mail. */
function siteOf(www: string | undefined): { url: string } | { reason: string } {
  const text = www?.trim();
  if (!text) return { reason: "сайт не указан" };
  const first = text.split(/[\s,;]+/).find(Boolean) ?? "";
  if (first.includes("@") && !first.includes("/")) return { reason: `вместо сайта указан e-mail «${first}»` };
  const parsed = parseSiteUrl(first);
  if (!parsed.ok) return { reason: parsed.reason };
  const u = new URL(parsed.url);
  u.hostname = u.hostname.toLowerCase();
  return { url: u.pathname === "/" && !u.search ? u.origin : u.href };
}

export function positionOutcome(
  p: BusgovPosition,
  lookup: RegionLookup,
  filters: ToSiteFilters,
): PositionOutcome {
  const sphere = decideSphere(p);
  if (!sphere.sphere) {
    // A broken position is an error even when its sphere is unknown: it may have been ours.
    if (p.broken) return { kind: "error", message: p.broken };
    return { kind: "skip", reason: `sphere-${sphere.reason}` };
  }
  if (p.broken) return { kind: "error", message: p.broken };
  const name = p.fullName?.trim() || p.shortName?.trim();
  if (!name) return { kind: "error", message: "нет наименования учреждения (initiator/fullName)" };
  const inn = p.inn?.trim() ?? "";
  if (!inn) return { kind: "error", message: `«${name}»: нет ИНН (initiator/inn)` };
  if (!isValidInn(inn))
    return { kind: "error", message: `«${name}»: ИНН ${inn} не проходит проверку контрольных цифр` };
  const region = regionOf(p, lookup);
  if (!region) {
    const given = [p.subjectCode, p.subjectName].filter(Boolean).join(" ") || "не указан";
    return { kind: "error", message: `«${name}»: неизвестный субъект РФ (subject: ${given})` };
  }
  if (filters.regions.size > 0 && !filters.regions.has(region)) return { kind: "skip", reason: "filtered" };
  if (filters.spheres.size > 0 && !filters.spheres.has(sphere.sphere))
    return { kind: "skip", reason: "filtered" };
  const kpp = p.kpp?.trim();
  const site = siteOf(p.www);
  return {
    kind: "institution",
    institution: {
      region,
      sphere: sphere.sphere,
      name,
      inn,
      kpp: kpp && /^\d{9}$/.test(kpp) ? kpp : null,
      sphereBy: sphere.by,
      ...("url" in site
        ? { url: site.url }
        : { url: null, noSiteReason: site.reason, ...(p.www?.trim() ? { www: p.www.trim() } : {}) }),
    },
  };
}

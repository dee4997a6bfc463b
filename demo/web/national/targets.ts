/**
 * The shares the national demo reproduces, after Минтруд's 2015 analysis of regional authority sites
 * (/work/shared/domain/seeds/001: dedicated NOK sections in health 46, social services 63, culture 50 and
 * education 48 of the 85 subjects; council regulations without NOK powers in Калмыкия, Мордовия, Иркутская обл.).
 */
import type { Sphere } from "../../../src/types/index.ts";

/** Subjects of the Federation in 2015, the denominator of the analysis. */
export const SUBJECTS_2015 = 85;

/** Regions with a dedicated NOK section on the sphere authority's site, 2015. */
export const SECTIONS_2015: Record<Sphere, number | null> = {
  health: 46,
  social: 63,
  culture: 50,
  education: 48,
  // The analysis gives no count for sport; the demo uses the four spheres' mean share.
  sport: null,
};

export interface SphereTargets {
  /** Share of regions whose authority site has a dedicated NOK section. */
  section: number;
  /** Share whose public council regulation says nothing of NOK (powers never handed to the council). */
  genericCouncil: number;
  /** Share whose site carries only НОКО (quality of education) material, nothing of NOK (education only). */
  nokoOnly: number;
}

/** The four spheres' mean share (≈ 0.61), for sport, which the analysis does not count. */
const mean2015 = (46 + 63 + 50 + 48) / 4 / SUBJECTS_2015;

/**
 * Per-sphere targets. The 2015 shares are kept as shares and applied to today's 89 subjects (health 46/85 →
 * 48 of 89): the demo shows the spread the analysis found, with the regions' content dated to DEMO_AS_OF.
 * The analysis names four councils without NOK powers among the materials it saw; the demo gives each sphere
 * about 8 % such councils, and about 12 % of education ministries only НОКО material (the common mix-up).
 */
export function sphereTargets(sphere: Sphere): SphereTargets {
  const sections = SECTIONS_2015[sphere];
  return {
    section: sections === null ? mean2015 : sections / SUBJECTS_2015,
    genericCouncil: 0.08,
    nokoOnly: sphere === "education" ? 0.12 : 0,
  };
}

/** The count of `total` regions a share stands for. */
export function targetCount(share: number, total: number): number {
  return Math.round(share * total);
}

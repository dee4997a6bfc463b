/** Extra shapes of the aggregates (the public RegionSummary/NationalSummary allow added fields). */
import type { Sphere, TargetKind } from "../types/common.ts";
import type { NationalSummary, RegionSummary, StatusCounts } from "../types/result.ts";
import type { CoverageAudit, NationalCoverageAudit } from "./coverage-audit.ts";

/** A region as the registry knows it. */
export interface RegionRef {
  code: string;
  name: string;
  district?: string;
}

/** A rule together with the spheres in which it has a given status. */
export interface RuleSpheres {
  rule: string;
  spheres: Sphere[];
}

export interface RegionSummaryExt extends RegionSummary {
  district: string | null;
  /** Mean of the sites' scores (null when none could be scored). */
  score: number | null;
  /** Rules nobody could decide somewhere (never counted as gaps). */
  unknownRules: RuleSpheres[];
  /** Rules found but stale or incomplete. */
  warnRules: RuleSpheres[];
  sitesByKind: Record<TargetKind, number>;
  /** Sites that were unreachable or blocked. */
  unreachable: number;
  /** Share of the region's institutions with НОК results on bus.gov.ru within 3 years (added by aggregateRun). */
  coverage?: CoverageAudit | null;
}

/** A region and the spheres in which something holds for it (ministry-style list item). */
export interface RegionSpheres {
  code: string;
  name: string;
  spheres: Sphere[];
}

/** Counts of sites (or records) for one rule, with the share passing among the decided ones. */
export interface CoverageFigure extends StatusCounts {
  /** All sites carrying the rule, n/a included. */
  total: number;
  /** pass + warn + fail. */
  decided: number;
  /** pass / decided (0–1), null when nothing decided. */
  share: number | null;
}

export interface InstitutionCoverage {
  /** Sites of kind "institution". */
  institutions: number;
  /** Records of kind "busgov". */
  busgov: number;
  byRule: Record<string, CoverageFigure>;
  bySphere: Partial<Record<Sphere, Record<string, CoverageFigure>>>;
  /** `busgov/results`: NOK results placed on bus.gov.ru. */
  results: CoverageFigure | null;
  /** `busgov/improvement-plan` (or `institution/improvement-plan` without bus.gov.ru data): plans placed. */
  plans: CoverageFigure | null;
}

export interface NationalSummaryExt extends NationalSummary {
  /** Regions with at least one site in the run. */
  regionsWithSites: number;
  /** Per sphere: regions with no authority site of that sphere in the run (not counted in bySphere). */
  noSite: Partial<Record<Sphere, number>>;
  /** Per authority rule: regions whose authority site fails it, with the spheres (ministry style). */
  failing: Record<string, RegionSpheres[]>;
  /** Per authority rule: regions where it could not be decided, with the spheres. */
  unknown: Record<string, RegionSpheres[]>;
  institutions: InstitutionCoverage | null;
  /** The 3-year НОК coverage audit of the registry's institutions (added by aggregateRun). */
  coverage?: NationalCoverageAudit | null;
}

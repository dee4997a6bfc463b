/** The demo web's own vocabulary: what a simulated authority site is made of. */
import type { Sphere, Status } from "../../src/types/index.ts";

/** The CMS families real regional ministry sites run on. */
export type ShapeId = "bitrix" | "gosweb" | "legacy" | "council";

/** A subject of the Russian Federation, with the grammatical cases the generated texts need. */
export interface RegionInfo {
  /** Two-digit subject code, e.g. "71". */
  code: string;
  /** Nominative: «Тульская область». */
  name: string;
  /** Genitive: «Тульской области» (as in «Министерство … Тульской области»). */
  genitive: string;
  /** Prepositional without the preposition: «Тульской области» (as in «в Тульской области»). */
  prepositional: string;
  /** Capital first; used for addresses and institution names. */
  cities: string[];
  /** Telephone area code, e.g. "4872". */
  phoneCode: string;
  /** First three digits of the capital's postcodes, e.g. "300". */
  postcode: string;
  /** Second-level domain the region's government uses, e.g. "tularegion.ru". */
  domain: string;
}

/** How a site names the regime: current law, abbreviations, or the 2013–2014 predecessor. */
export type Wording = "full" | "nok" | "noku" | "legacy2014";

/**
 * Whose public council the site publishes:
 * - `nok`: the authority's council with NOK powers in its regulation;
 * - `generic`: the authority's council whose regulation says nothing of NOK;
 * - `foreign`: only a council of an unrelated body (roads), which must not count;
 * - `none`: no council material at all.
 */
export type CouncilKind = "nok" | "generic" | "foreign" | "none";

/** Where a piece of evidence lives when present: readable text, or only an image scan. */
export type Presence = "text" | "scan" | "none";

/** Which items a site publishes, and how fresh they are. Years are NOK cycle years. */
export interface ItemsSpec {
  /** A dedicated NOK page or menu branch. `none`: NOK material only inside council pages, or absent. */
  section: "branch" | "none";
  /** Legal basis block: post-2018 acts, only the 2013–2014 acts, or none. */
  legalActs: "current" | "legacy" | "none";
  council: {
    kind: CouncilKind;
    regulation: Presence;
    composition: Presence;
    /** ISO dates of published minutes (протоколы заседаний). */
    minutes: string[];
    workPlan: boolean;
  };
  orgLists: number[];
  operator: { form: "contract" | "report" | "none"; year: number };
  results: { years: number[]; format: "xlsx" | "pdf" | "xls" };
  proposals: { years: number[]; presence: Presence; inResults?: boolean };
  plans: { years: number[]; presence: Presence; form: "plans" | "measures" };
  ratingLink: "busgov" | "anketa" | "none";
  accessible: "real" | "fake" | "none";
  /** Education only: НОКО material (a different regime) that must not count as NOK. */
  noko: boolean;
  /** A news item that mentions НОК in passing (not a section, not evidence). */
  nokInNews: boolean;
}

/** Everything a shape needs to stamp out one authority site. */
export interface SiteSpec {
  id: string;
  shape: ShapeId;
  sphere: Sphere;
  region: RegionInfo;
  /** Override of the generated authority name (nominative), when the region uses its own title. */
  authorityName?: string;
  wording: Wording;
  /** False: the site's port refuses connections. */
  reachable: boolean;
  /** Extra delay on every response of this site (the "slow" site). */
  latencyMs?: number;
  items: ItemsSpec;
  /** Seed of the site's generated names, dates and news. */
  seed: number;
}

/** A hand-made catalogue entry: a spec plus a one-line English story of what the site tests. */
export interface DemoSpec extends SiteSpec {
  story: string;
}

/** One expected verdict and why it holds. */
export interface Expectation {
  status: Status;
  reason: string;
}

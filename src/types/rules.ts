/** Rules are data (YAML in rules/), checks are code (src/rules/checks/). */

import type { PageArtifacts } from "./artifacts.ts";
import type { Sphere, Status, TargetKind } from "./common.ts";
import type { Evidence } from "./result.ts";

export interface RuleDef {
  /** `<kind>/<file name>` */
  id: string;
  title: string;
  failureTitle: string;
  /** Optional titles for the other statuses; defaults are derived. */
  warnTitle?: string;
  unknownTitle?: string;
  description: string;
  legal: string[];
  appliesTo: {
    kind: TargetKind;
    spheres?: Sphere[];
    from?: string;
    to?: string;
  };
  severity: "critical" | "major" | "minor";
  check: { type: string; [param: string]: unknown };
  examples: { pass: RuleExample[]; fail: RuleExample[] };
  /** Where the rule was loaded from (for error messages and `rules explain`). */
  file?: string;
}

export interface RuleExample {
  /** HTML snippet or plain text; `url` defaults to an example URL. */
  html?: string;
  text?: string;
  url?: string;
  /** For site-level examples: several pages. */
  pages?: { url: string; html?: string; text?: string; kind?: string; linkText?: string }[];
  asOf?: string;
  /** Expected status; defaults to pass/fail by the list it is in. */
  expect?: Status;
  note?: string;
}

/** One page or document of a site as the rules see it: artifacts plus how it was reached. */
export interface SitePage {
  artifacts: PageArtifacts;
  /** sha256 of the stored body. */
  snapshot: string | null;
  depth: number;
  linkText: string | null;
  referrer: string | null;
}

/** A page or file the crawl asked for and could not read: a `fail` must not rest on it being absent. */
export interface FailedFetch {
  url: string;
  /** Error code (contract §2) or `http-404`-style status. */
  code: string;
  /** The anchor text that led there. */
  linkText: string | null;
}

/** Everything a rule sees: all pages and documents of one site, and how well it was covered. */
export interface SiteView {
  startUrl: string;
  pages: SitePage[];
  coverage: {
    pages: number;
    documents: number;
    /** The crawl reached adequate coverage: every relevant link was followed. */
    adequate: boolean;
    /** Why not adequate (Russian, shown in `unknown` messages). */
    reason: string | null;
    unreadableDocuments: number;
    /** Requests that got no usable answer (4xx, 5xx, timeout, bot wall, …), and how many were made. */
    failed?: FailedFetch[];
    fetched?: number;
  };
  /** Facts from other sources (e.g. bus.gov.ru JSON) keyed by name. */
  data?: Record<string, unknown>;
}

export interface CheckContext {
  asOf: string;
  sphere: Sphere | null;
  rule: RuleDef;
}

/** What a check returns; the engine adds titles and turns it into a Finding. */
export interface CheckOutcome {
  status: Status;
  message: string;
  evidence: Evidence[];
  details?: Record<string, unknown>;
}

/** A check type: parameter validation and one pure evaluation function. */
export interface CheckType<P = Record<string, unknown>> {
  name: string;
  /** Validates and normalises parameters; throws with a readable message. */
  parse(params: Record<string, unknown>): P;
  evaluate(site: SiteView, params: P, ctx: CheckContext): CheckOutcome;
  /** Cues for focused crawling: phrases and URL fragments that lead to evidence. */
  cues?(params: P): { phrases: string[]; urlFragments: string[] };
}

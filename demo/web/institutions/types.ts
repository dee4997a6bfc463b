/** The institution demo web's vocabulary: one simulated institution site and what a checker must say of it. */
import type { Sphere, Status } from "../../../src/types/index.ts";
import type { MockAgency } from "../busgov-mock/types.ts";

/** A remote feedback channel of 344н indicator 1.2, as `institution/feedback-channels` names it. */
export type ChannelId = "phone" | "email" | "form" | "faq" | "survey";

/** One served institution site with the verdicts a correct checker gives as of DEMO_AS_OF. */
export interface InstitutionDemoSite {
  id: string;
  /** Russian name, e.g. «ГБУ СО ТО "Комплексный центр социального обслуживания населения № 1"». */
  name: string;
  /** Home page URL on 127.0.0.1. */
  url: string;
  kind: "institution";
  /** Subject code, e.g. "71". */
  region: string;
  sphere: Sphere;
  /** ИНН with a valid checksum. */
  inn: string;
  /** bus.gov.ru agency id (the mock serves it: see institutionAgencies). */
  busgovId: string;
  /** For every `institution/*` rule id: the expected status. */
  expected: Record<string, Status>;
  /** The channels `institution/feedback-channels` must find, in contract order. */
  expectedChannels: ChannelId[];
  /** For every `busgov/*` rule id: the expected status when checked against the bus.gov.ru mock. */
  expectedBusgov: Record<string, Status>;
  /** One English line per rule id (institution and busgov): why the expectation holds. */
  notes: Record<string, string>;
  /** True when the site's menu exists only after scripts run: its `expected` assumes rendering. */
  needsBrowser: boolean;
}

/** A response body the demo server sends for a path. */
export interface Served {
  contentType: string;
  body: Buffer;
}

/** path (with query when the site answers a query differently) → body. */
export type SiteFiles = Map<string, Served>;

/** What bus.gov.ru knows of the institution (relative years are fixed: the demo is as of DEMO_AS_OF). */
export type AgencyFacts = Pick<MockAgency, "results" | "plans" | "quirk">;

/** A hand-made institution: identity, expectations, bus.gov.ru facts, and its pages. */
export interface InstitutionSpec extends Omit<InstitutionDemoSite, "url" | "kind"> {
  agency: AgencyFacts;
  /** Short English story of what the site tests. */
  story: string;
  build(): Promise<SiteFiles>;
}

import type { CrawlError } from "./common.ts";

/** One HTTP exchange made while answering a client call: kept so the pipeline can snapshot every body. */
export interface BusGovExchange {
  url: string;
  status: number;
  fetchedAt: string;
  raw: Uint8Array;
}

/** What a GET to bus.gov.ru came to: a response (any status) with its exchange, or a network failure. */
export type BusGovResponse =
  | { status: number; headers: Record<string, string>; exchange: BusGovExchange }
  | { error: CrawlError };

/**
 * The answer of every client call. `ok: false` means "could not tell" (unreachable, 5xx, a JSON shape
 * we do not know): callers must turn it into `unknown`, never into "absent".
 */
export type BusGovAnswer<T> =
  | {
      ok: true;
      value: T;
      /** The request whose body holds the value. */
      url: string;
      fetchedAt: string;
      /** That request's raw JSON body. */
      raw: Uint8Array;
      /** Every exchange of this call in order (search + card for a lookup by INN); the last one is `url`/`raw`. */
      trail: BusGovExchange[];
    }
  | { ok: false; error: CrawlError; url: string; trail?: BusGovExchange[] };

/** The institution card (agency.json), reduced to what the checks need. */
export interface AgencyCard {
  /** bus.gov.ru agency id. */
  id: string;
  inn: string | null;
  /** Short name (shortClientName, else shortClientAltName, else the search result's shortName). */
  name: string;
  fullName: string | null;
  address: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  /** Human-readable card for evidence links: https://bus.gov.ru/pub/info-card/{id}. */
  cardUrl: string;
  /** For a branch card: the head agency's id (the id above is the head's when the branch has none). */
  headAgencyId?: string;
}

/** One НОК result of an institution (one rating year, one scope/group). */
export interface NokResult {
  year: number;
  /**
   * Total score 0–100. bus.gov.ru's rating DTO carries no total as far as known, so it is computed
   * as the mean of the criterion values (344н: the total is the criteria sum divided by their number).
   */
  totalScore: number | null;
  totalScoreSource: "reported" | "computed";
  /** Criterion values keyed by the DTO field name without "Value": openness, comfort, timeout, goodwill, contentment. */
  criteria?: Record<string, number>;
  /** organizationGroup.groupName: the comparison group. */
  group?: string;
  /** globalPlaceValue: place among all rated organizations of the group. */
  place?: number;
}

/** One item of an improvement plan (planShortcomingInfoType GROUPS_SHORTCOMINGS[].SHORTCOMINGS[]). */
export interface ImprovementPlanItem {
  /** CRITERION_NAME: the NOK criterion the shortcoming falls under. */
  criterion?: string;
  /** NAME: the shortcoming found. */
  shortcoming: string;
  /** ACTIVITY: the measure planned. */
  activity: string;
  /** PLAN_DATE, YYYY-MM-DD. */
  planDate?: string;
  /** FIO and POSITION of the person responsible. */
  responsible?: string;
  /** FACT_DATE, YYYY-MM-DD: when it was actually done (the report on the plan). */
  factDate?: string;
  /** MEASURES: what was done (the report on the plan). */
  measures?: string;
}

/** An institution's plan to eliminate the shortcomings found by НОК (planShortcomingInfoType). */
export interface ImprovementPlan {
  /** RATING_YEAR: the НОК year the plan answers. */
  year: number;
  /** APPROVE_DATE, YYYY-MM-DD. */
  approved?: string;
  /** ORGANIZATION_APPROVED: who approved it (the founder). */
  approvedBy?: string;
  /** PLAN_PERIOD as written. */
  period?: string;
  inn?: string;
  kpp?: string;
  items: ImprovementPlanItem[];
  /** PLAN_SHORTCOMING_DOCUMENTS: name, number and date of the approving documents. */
  documents: { name: string; type?: string; date?: string; number?: string }[];
}

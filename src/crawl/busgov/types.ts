import type { CrawlError } from "../../types/common.ts";

/** One HTTP exchange made while answering a client call: kept so the pipeline can snapshot every body. */
export interface BusGovExchange {
  url: string;
  status: number;
  fetchedAt: string;
  raw: Uint8Array;
}

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
}

/** One НОК result of an institution (one rating year, one scope/group). */
export interface NokResult {
  year: number;
  /**
   * Total score 0–100. bus.gov.ru's rating DTO carries no total as far as known, so it is computed
   * as the mean of the criterion values (344н: the total is the criteria sum divided by their number).
   */
  totalScore: number;
  totalScoreSource: "reported" | "computed";
  /** Criterion values keyed by the DTO field name without "Value": openness, comfort, timeout, goodwill, contentment. */
  criteria?: Record<string, number>;
  /** organizationGroup.groupName: the comparison group. */
  group?: string;
  /** globalPlaceValue: place among all rated organizations of the group. */
  place?: number;
}

/** One point of an improvement plan (shortcoming → measure). */
export interface ImprovementPlanItem {
  shortcoming: string;
  measure: string;
  deadline?: string;
  responsible?: string;
  done?: boolean;
}

/** An institution's plan to eliminate the shortcomings found by НОК, and whether its execution was reported. */
export interface ImprovementPlan {
  /** The НОК year the plan answers. */
  year: number;
  /** Approval date, YYYY-MM-DD, when given. */
  approved?: string;
  items?: ImprovementPlanItem[];
  /** True when information on carrying out the plan is placed. */
  reportPlaced?: boolean;
}

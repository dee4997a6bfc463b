import type { AgencyCard, BusGovAnswer, ImprovementPlan, NokResult } from "../../types/busgov-answers.ts";

export type {
  AgencyCard,
  BusGovAnswer,
  BusGovExchange,
  ImprovementPlan,
  NokResult,
} from "../../types/busgov-answers.ts";

/**
 * What the pipeline asks bus.gov.ru. One shipped implementation (http-client.ts); tests and the demo
 * point it at the local mock. No call throws: failures come back as `ok: false`.
 */
export interface BusGovClient {
  /** By INN (search, then the card) or by agency id (the card). `value: null` = definitely not there. */
  findAgency(query: { inn?: string; id?: string }): Promise<BusGovAnswer<AgencyCard | null>>;
  /** НОК results; an empty list = the site answered and has none. */
  ratings(agencyId: string): Promise<BusGovAnswer<NokResult[]>>;
  /** Improvement plans; an empty list = the site answered and has none. */
  plans(agencyId: string): Promise<BusGovAnswer<ImprovementPlan[]>>;
  close?(): Promise<void>;
}

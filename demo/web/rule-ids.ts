/** The 13 authority rule ids of contract.md §3 (version 1): what every demo site's `expected` covers. */
export const AUTHORITY_RULE_IDS = [
  "authority/nok-section",
  "authority/legal-acts",
  "authority/council-regulation",
  "authority/council-nok-powers",
  "authority/council-composition",
  "authority/council-minutes",
  "authority/org-list",
  "authority/operator",
  "authority/results",
  "authority/proposals",
  "authority/improvement-plans",
  "authority/rating-link",
  "authority/accessible-version",
] as const;

export type AuthorityRuleId = (typeof AUTHORITY_RULE_IDS)[number];

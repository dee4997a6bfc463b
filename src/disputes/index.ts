/** Disputes of findings: stored with their history, settled only by re-checks. */
export {
  createDispute,
  findRunSite,
  type OpenDisputeInput,
  openDispute,
  recheckDispute,
  validateDispute,
} from "./dispute.ts";
export { type RecheckDefaults, type RecheckSite, recheckWithSeed } from "./recheck.ts";
export { type DisputeQuery, type DisputeStore, disputesFile, openDisputes } from "./store.ts";
export * from "./types.ts";

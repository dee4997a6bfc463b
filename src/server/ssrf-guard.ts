/** The server's address guard is the crawler's one address policy (src/crawl/address-policy.ts), via the API. */
export {
  classifyAddress,
  DEFAULT_ALLOWED_PORTS,
  guardedLookup,
  REFUSAL_PREFIX,
  RefusedTargetError,
  refuseAddress,
  refuseTarget,
  refuseUrl,
  type TargetPolicy,
  type TargetRefusal,
} from "../index.ts";

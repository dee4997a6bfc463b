/** `nok serve`: web dashboard, self-check form and queue, JSON API. */
export { API_INDEX } from "./api-routes.ts";
export {
  type CheckJob,
  type CheckJobView,
  type CheckQueue,
  type CheckQueueOptions,
  type CheckRequest,
  type CheckRunner,
  type CheckState,
  openCheckQueue,
  QueueFullError,
} from "./check-queue.ts";
export { createGuardedFetcher, type GuardedFetcherOptions } from "./guarded-fetcher.ts";
export {
  clientKey,
  createRateLimiter,
  DEFAULT_RATE_LIMIT,
  type RateLimiter,
  type RateLimitOptions,
} from "./rate-limit.ts";
export { createRunSource, type RunEntry, type RunSource } from "./run-source.ts";
export { createServer, type NokServer, type ServerOptions } from "./server.ts";
export {
  classifyAddress,
  DEFAULT_ALLOWED_PORTS,
  guardedLookup,
  RefusedTargetError,
  refuseAddress,
  refuseTarget,
  refuseUrl,
  type TargetPolicy,
  type TargetRefusal,
} from "./ssrf-guard.ts";

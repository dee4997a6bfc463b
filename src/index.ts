/**
 * The programmatic API: the CLI, the scheduler and the server call only this (and src/types/).
 * Each export is named here on purpose: nothing is re-exported wholesale.
 *
 * The verbs: check() — a check of given targets (checkSites); run() — a national run over the registry
 * (runNational, resumable); recheck() — a stored run re-judged offline (recheckRun); report() — a run's
 * reports written (writeReports); rules() — the rules loaded, or a usage error (loadRulesOrThrow).
 */

export { regionHistory, ruleTrend, trendSvg } from "./charts/index.ts";
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
} from "./crawl/address-policy.ts";
export { detectContentKind } from "./crawl/content-kind.ts";
export {
  crawlError,
  createHttpFetcher,
  createPool,
  DEFAULT_MAX_REDIRECTS,
  defaultLookup,
  type HttpFetcherOptions,
  type PoolOptions,
  unfetchedPage,
} from "./crawl/index.ts";
export { readCaFile } from "./crawl/tls/trusted-roots.ts";
export {
  createDispute,
  type Dispute,
  type DisputeStatus,
  type DisputeStore,
  findRunSite,
  type OpenDisputeInput,
  openDispute,
  openDisputes,
  type RecheckSite,
  recheckDispute,
  recheckWithSeed,
  validateDispute,
} from "./disputes/index.ts";
export { loadPlansExport, type PlansExport } from "./extract/busgov/plans-export.ts";
export { extractArtifacts } from "./extract/index.ts";
export { diffRuns, normalizeSiteUrl } from "./findings/diff.ts";
export { formatSphereList, SPHERE_NAMES } from "./findings/sphere-names.ts";
export { emptyCounts } from "./findings/status-order.ts";
export type { RegionSummaryExt } from "./findings/types.ts";
export {
  pagesRead,
  type WriteLettersOptions,
  type WrittenLetter,
  type WrittenLetters,
  writeLetters,
} from "./letters/index.ts";
export {
  type ContactIssue,
  type DeliveryRecord,
  loadRunWithPrevious,
  loadStoredRun,
  type NotifyOptions,
  type NotifyResult,
  notifyRun,
  type StoredRunOptions,
} from "./notify/index.ts";
export {
  type BusgovTarget,
  busgovBaseUrl,
  busgovQueryFromUrl,
  busgovTargetFor,
  busgovTargetUrl,
  type CheckBusgovOptions,
  checkBusgov,
  createRunBusGovClient,
  DEFAULT_BUSGOV_URL,
  recheckBusgovSite,
  replayBusGovClient,
} from "./pipeline/busgov.ts";
export {
  type CheckOptions,
  type CheckTarget,
  checkSites as check,
  checkSites,
  withBusgovTargets,
} from "./pipeline/check-run.ts";
export { type CrawlOnlyResult, crawlOnly } from "./pipeline/crawl-only.ts";
export {
  assertRenderable,
  type FetcherSetupOptions,
  locateChromium,
  parseRenderMode,
  RENDER_MODES,
  type RenderMode,
  type RunFetchers,
  setupFetchers,
} from "./pipeline/fetcher-setup.ts";
export { loadRulesOrThrow as rules, loadRulesOrThrow } from "./pipeline/load-rules.ts";
export { nationalDigest } from "./pipeline/national-digest.ts";
export { resolveRegionCodes } from "./pipeline/national-plan.ts";
export { defaultRegistryFiles } from "./pipeline/national-registry.ts";
export { DEFAULT_QUEUE_NAME } from "./pipeline/queue/codec.ts";
export { type QueuedRunOptions, runQueued } from "./pipeline/queue/planner.ts";
export { directoryStore, type SharedStore, type SiteSnapshotWriter } from "./pipeline/queue/shared-store.ts";
export {
  DEFAULT_WORKER_CONCURRENCY,
  type NokWorker,
  startWorker,
  type WorkerOptions,
} from "./pipeline/queue/worker.ts";
export { type RecheckOptions, recheckRun as recheck, recheckRun } from "./pipeline/recheck.ts";
export { type ReportExtrasOptions, reportExtras } from "./pipeline/report-extras.ts";
export {
  DEFAULT_SITE_CONCURRENCY,
  type NationalProgress,
  type NationalRunOptions,
  RunInterruptedError,
  type RunLogLevel,
  runNational as run,
  runNational,
} from "./pipeline/run.ts";
export { exitCodeFor } from "./pipeline/run-result.ts";
export {
  checkSite,
  type SiteCrawlWithRendering,
  type SiteProgress,
  type SiteTarget,
} from "./pipeline/site.ts";
export {
  acquireRunLock,
  type LockInfo,
  type RunLock,
  RunLockedError,
  readRunLock,
} from "./pipeline/state/lock.ts";
export {
  type BusgovImportSummary,
  type ImportIssue,
  importBusgov,
  loadRegions,
  type VerifyResult,
  verifyRegistry,
} from "./registry/index.ts";
export { FEDERAL_DISTRICTS, type RegionInfo } from "./registry/schema.ts";
export { escapeHtml } from "./report/escape-html.ts";
export {
  formatBytes,
  formatDate,
  formatDateTime,
  formatInt,
  formatShare,
  truncate,
} from "./report/format.ts";
export { renderHtml } from "./report/html.ts";
export { changesSection } from "./report/html-changes.ts";
export { REPORT_CSS, STATUS_CLASS } from "./report/html-css.ts";
export { ministryList, nationalSection } from "./report/html-national.ts";
export { badge, link, table } from "./report/html-parts.ts";
export { checkedBlock, countsLine, siteHeaderFacts } from "./report/html-site.ts";
export {
  type HtmlOptions,
  parseFormats,
  type ReportFormat,
  writeReports as report,
  writeReports,
} from "./report/index.ts";
export {
  findingTitle,
  KIND_LABELS,
  ruleFailureTitle,
  ruleTitle,
  SITE_STATUS_LABELS,
  STATUS_STYLES,
} from "./report/labels.ts";
export {
  buildModel,
  type ReportModel,
  siteCounts,
  siteLabel,
  sortSites,
  unreadableNote,
} from "./report/model.ts";
export { cellKey, regionGrid } from "./report/region-grid.ts";
export { renderXlsx } from "./report/xlsx.ts";
export { explainRule, listRules, type RuleSummary, validateRuleFiles } from "./rules/index.ts";
export { listSnapshotRuns, openRunReader } from "./snapshot/index.ts";
export {
  byRuleOf,
  defaultDataDir,
  defaultReportsDir,
  defaultSnapshotsDir,
  openStore,
  type RuleTrendPoint,
  type RunRecord,
  type RunStatus,
  type RunStore,
  readRunResult,
  resolveStoredRun,
  resultPathOf,
  runCountsOf,
  type SiteSummaryRecord,
  StoreCorruptError,
  storeFile,
  writeRunResult,
} from "./store/index.ts";
export type * from "./types/index.ts";

/** Programmatic API: the CLI, the scheduler and the server call only this. */

export { loadPlansExport, type PlansExport } from "./crawl/busgov/plans-export.ts";
export {
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
} from "./pipeline/check-busgov.ts";
export {
  type CheckOptions,
  type CheckTarget,
  checkSites,
  loadRulesOrThrow,
  withBusgovTargets,
} from "./pipeline/check-run.ts";
export {
  checkSite,
  type SiteCrawlWithRendering,
  type SiteProgress,
  type SiteTarget,
} from "./pipeline/check-site.ts";
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
export { nationalDigest } from "./pipeline/national-digest.ts";
export {
  DEFAULT_SITE_CONCURRENCY,
  type NationalProgress,
  type NationalRunOptions,
  RunInterruptedError,
  type RunLogLevel,
  runNational,
} from "./pipeline/national-run.ts";
export { DEFAULT_QUEUE_NAME } from "./pipeline/queue/codec.ts";
export { type QueuedRunOptions, runQueued } from "./pipeline/queue/planner.ts";
export { directoryStore, type SharedStore, type SiteSnapshotWriter } from "./pipeline/queue/shared-store.ts";
export {
  DEFAULT_WORKER_CONCURRENCY,
  type NokWorker,
  startWorker,
  type WorkerOptions,
} from "./pipeline/queue/worker.ts";
export { type RecheckOptions, recheckRun } from "./pipeline/recheck.ts";
export { type ReportExtrasOptions, reportExtras } from "./pipeline/report-extras.ts";
export {
  acquireRunLock,
  type LockInfo,
  type RunLock,
  RunLockedError,
  readRunLock,
} from "./pipeline/run-lock.ts";
export { exitCodeFor } from "./pipeline/run-result.ts";
export {
  type BusgovImportSummary,
  type ImportIssue,
  importBusgov,
  type VerifyResult,
  verifyRegistry,
} from "./registry/index.ts";
export { type HtmlOptions, parseFormats, type ReportFormat, writeReports } from "./report/index.ts";
export {
  createDaemonLogger,
  type DaemonLogger,
  DEFAULT_CRON,
  type LogFormat,
  type Scheduler,
  type SchedulerOptions,
  startScheduler,
} from "./schedule/index.ts";
export {
  type CheckJobView,
  type CheckRequest,
  createServer,
  type NokServer,
  refuseTarget,
  type ServerOptions,
  type TargetPolicy,
} from "./server/index.ts";
export {
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
  type SiteSummaryRecord,
  StoreCorruptError,
  writeRunResult,
} from "./store/index.ts";
export type * from "./types/index.ts";

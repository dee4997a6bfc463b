/** The store: runs, per-site summaries and history in `<data dir>/nok.json` (lowdb); stored results on disk. */
export { type FileMutexOptions, withFileMutex } from "./file-mutex.ts";
export { defaultDataDir, defaultReportsDir, defaultSnapshotsDir, storeFile } from "./paths.ts";
export { readRunResult, resolveStoredRun, resultPathOf, writeRunResult } from "./results.ts";
export { openStore, type RunQuery, type RunStore, StoreCorruptError } from "./store.ts";
export { byRuleOf, emptyStatusCounts, runCountsOf, siteSummaryOf } from "./summaries.ts";
export * from "./types.ts";

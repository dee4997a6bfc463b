/** Programmatic API: the CLI, the scheduler and the server call only this. */
export { type CheckOptions, checkSites, loadRulesOrThrow } from "./pipeline/check-run.ts";
export { checkSite, type SiteProgress, type SiteTarget } from "./pipeline/check-site.ts";
export { exitCodeFor } from "./pipeline/run-result.ts";
export { parseFormats, type ReportFormat, writeReports } from "./report/index.ts";
export type * from "./types/index.ts";

/** The scheduler daemon (`nok schedule`) and its journald-friendly log. */
export { DEFAULT_CRON, type Scheduler, type SchedulerOptions, startScheduler } from "./daemon.ts";
export { createDaemonLogger, type DaemonLogger, defaultLogFormat, type LogFormat } from "./log.ts";

/**
 * The scheduler daemon: node-cron starts a national run on the schedule (default: 03:00 on the 1st of each
 * month), never two at once, resumes an interrupted run when it starts, and on stop() aborts the run in
 * progress, lets it persist its state and releases the locks.
 */
import { resolve } from "node:path";
import cron, { type ScheduledTask } from "node-cron";
import type { RunResult } from "../types/index.ts";
import { errorMessage, UsageError } from "../util/errors.ts";
import { createDaemonLogger, type DaemonLogger } from "./log.ts";

export { DEFAULT_CRON } from "./default-cron.ts";

import {
  acquireRunLock,
  defaultDataDir,
  defaultReportsDir,
  exitCodeFor,
  type NationalRunOptions,
  openStore,
  type ReportFormat,
  RunInterruptedError,
  type RunLock,
  RunLockedError,
  runNational,
  writeReports,
} from "../index.ts";
import { progressLine } from "../util/progress-line.ts";
import { DEFAULT_CRON } from "./default-cron.ts";

export interface SchedulerOptions
  extends Omit<NationalRunOptions, "resume" | "signal" | "onProgress" | "onLog" | "onStart"> {
  /** node-cron expression (5 fields, or 6 with seconds first). */
  cron?: string;
  timezone?: string;
  /** Reports written after each finished run (default html, md, xlsx, json). */
  formats?: ReportFormat[];
  /** Report folder of a run (default reports/<runId>). */
  reportsDirFor?: (runId: string) => string;
  /** Continue the latest interrupted run at start (default true). */
  resumeOnStart?: boolean;
  logger?: DaemonLogger;
  /** How often a run in progress is logged (default 60 s). */
  progressEveryMs?: number;
  onRunFinished?: (run: RunResult) => void;
}

export interface Scheduler {
  readonly cron: string;
  /** True while a run is in progress. */
  busy(): boolean;
  nextRun(): Date | null;
  /** Settles when the run in progress (if any) has ended. */
  idle(): Promise<void>;
  /** Stops the schedule, aborts a run in progress (its state is saved for resume) and releases the locks. */
  stop(): Promise<void>;
}

export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const expression = options.cron ?? DEFAULT_CRON;
  const log = options.logger ?? createDaemonLogger();
  if (!cron.validate(expression))
    throw new UsageError(
      `некорректное расписание cron «${expression}» (пример: «${DEFAULT_CRON}» — 03:00 первого числа каждого месяца)`,
    );
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  // One daemon per data dir: two would each start the monthly run and one would only be refused.
  const daemonLock: RunLock = await acquireRunLock(dataDir, {
    name: "schedule.lock",
    command: "schedule",
    onWarning: (m) => log.warn(m),
  });
  const controller = new AbortController();
  let current: Promise<void> | null = null;
  let stopped = false;

  const runOnce = (resume?: string): Promise<void> => {
    if (current) {
      log.warn("предыдущий прогон ещё идёт — новый не запускается");
      return current;
    }
    if (stopped) return Promise.resolve();
    current = (async () => {
      let lastLogged = 0;
      const every = options.progressEveryMs ?? 60_000;
      try {
        log.info(resume ? `продолжение прерванного прогона ${resume}` : "запуск ежемесячного прогона");
        const run = await runNational({
          ...options,
          ...(resume ? { resume } : {}),
          signal: controller.signal,
          onStart: ({ runId, total, resumed }) =>
            log.info(`прогон ${runId}: сайтов ${total}${resumed ? `, уже готово ${resumed}` : ""}`),
          onProgress: (p) => {
            if (Date.now() - lastLogged < every) return;
            lastLogged = Date.now();
            log.info(`прогон ${p.runId}: ${progressLine(p, 0)}`);
          },
          onLog: (level, message) =>
            level === "info" ? log.info(message) : level === "warn" ? log.warn(message) : log.error(message),
        });
        const out = options.reportsDirFor?.(run.runId) ?? defaultReportsDir(run.runId);
        const written = await writeReports(run, out, options.formats ?? ["html", "md", "xlsx", "json"]);
        const code = exitCodeFor(run);
        log.info(
          `прогон ${run.runId} завершён: сайтов ${run.sites.length}, ${code === 1 ? "есть невыполненные требования" : code === 3 ? "ни один сайт не удалось проверить" : "нарушений не выявлено"}; отчёты: ${written.map((w) => w.path).join(", ")}`,
        );
        options.onRunFinished?.(run);
      } catch (err) {
        if (err instanceof RunInterruptedError) log.warn(err.message);
        else if (err instanceof RunLockedError) log.warn(`прогон не запущен: ${err.message}`);
        else
          log.error("прогон завершился ошибкой", err instanceof Error ? err : new Error(errorMessage(err)));
      } finally {
        current = null;
      }
    })();
    return current;
  };

  const task: ScheduledTask = cron.schedule(expression, () => runOnce(), {
    name: "nok-monitor-run",
    noOverlap: true,
    ...(options.timezone ? { timezone: options.timezone } : {}),
    // node-cron's own English notices about overlaps and missed ticks are replaced by the Russian ones below.
    logger: {
      info: (m) => log.debug(m),
      warn: (m) => (/overlap prevention|missed execution/.test(m) ? log.debug(m) : log.warn(m)),
      error: log.error,
      debug: log.debug,
    },
  });
  task.on("execution:overlap", () =>
    log.warn("срабатывание расписания пропущено: предыдущий прогон ещё идёт"),
  );
  task.on("execution:missed", (ctx) =>
    log.warn(`пропущено срабатывание расписания ${ctx.date.toISOString()} (процесс был занят или спал)`),
  );

  log.info(
    `планировщик запущен: расписание «${expression}»${options.timezone ? ` (${options.timezone})` : ""}, следующий запуск ${task.getNextRun()?.toISOString() ?? "—"}; журнал: ${log.format === "journald" ? "приоритеты journald <N>" : "простые строки"}`,
  );

  if (options.resumeOnStart ?? true) {
    const unfinished = await openStore(dataDir)
      .latestUnfinished("run")
      .catch((err: unknown) => {
        log.error(`хранилище недоступно: ${errorMessage(err)}`);
        return undefined;
      });
    if (unfinished && (unfinished.status === "running" || unfinished.status === "interrupted"))
      void runOnce(unfinished.id);
  }

  return {
    cron: expression,
    busy: () => current !== null,
    nextRun: () => task.getNextRun(),
    idle: async () => {
      while (current) await current;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      log.info("остановка планировщика: сохраняю состояние прогона…");
      await task.destroy();
      controller.abort(new Error("планировщик остановлен"));
      while (current) await current;
      await daemonLock.release();
      log.info("планировщик остановлен");
    },
  };
}

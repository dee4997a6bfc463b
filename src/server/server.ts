/** `nok serve`: the dashboard, the self-check form and queue, and the JSON API on node:http. */
import { createServer as createHttpServer, type ServerResponse } from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { join, resolve } from "node:path";
import {
  checkSites,
  createPool,
  defaultDataDir,
  defaultSnapshotsDir,
  openDisputes,
  type PoolOptions,
  recheckWithSeed,
} from "../index.ts";
import type { CrawlBudget } from "../types/index.ts";
import { errorMessage } from "../util/errors.ts";
import { REPO_ROOT } from "../version.ts";
import { apiRoutes } from "./api-routes.ts";
import { DASHBOARD_SCRIPT, DASHBOARD_STYLESHEET } from "./assets.ts";
import { type CheckQueue, type CheckRunner, openCheckQueue } from "./check-queue.ts";
import type { ServerContext } from "./context.ts";
import { createDashboardData } from "./dashboard-data.ts";
import { disputeRoutes } from "./dispute-routes.ts";
import { createGuardedFetcher } from "./guarded-fetcher.ts";
import { errorHtml, pageRoutes } from "./page-routes.ts";
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from "./rate-limit.ts";
import { HttpError, send, sendHtml, sendJson } from "./respond.ts";
import { Router } from "./router.ts";
import { createRunSource } from "./run-source.ts";
import { DEFAULT_ALLOWED_PORTS, type TargetPolicy } from "./ssrf-guard.ts";

export interface ServerOptions {
  /** Default 127.0.0.1: exposing the server is an explicit choice. */
  host?: string;
  /** Default 8080; 0 for an ephemeral port (tests). */
  port?: number;
  snapshotsDir?: string;
  /** Folder of `<runId>/report.*` (default `reports/`). */
  reportsDir?: string;
  /** Store (`nok.json`) and self-check jobs (`checks/`); default NOK_DATA_DIR or `.nok/`. */
  dataDir?: string;
  /** Let self-checks reach loopback/private addresses and any port (the demo and tests); metadata stays refused. */
  allowPrivate?: boolean;
  /** Ports self-checks may use; default 80, 443, 8080, 8443 ("any" with allowPrivate). */
  allowedPorts?: readonly number[] | "any";
  maxConcurrentChecks?: number;
  /** Waiting self-checks accepted before submissions are refused (default 50). */
  maxQueued?: number;
  /** Submissions per client address; false turns the limit off. Default 5 per minute. */
  rateLimit?: RateLimitOptions | false;
  /** Behind a reverse proxy: rate-limit by the last X-Forwarded-For address. */
  trustProxy?: boolean;
  /** DNS under the guard (tests map names); default the system resolver. */
  lookup?: LookupFunction;
  /** Reference date of self-check verdicts (default: the day of the check). */
  asOf?: string;
  /** Per-host politeness of self-checks (default: the crawler's; tests turn the pacing off). */
  politeness?: Partial<PoolOptions>;
  /** Crawl budget of a self-check. */
  checkBudget?: Partial<CrawlBudget>;
  rulesDir?: string;
}

export interface NokServer {
  /** `http://host:port` */
  url: string;
  port: number;
  queue: CheckQueue;
  close(): Promise<void>;
}

function urlOf(host: string, port: number): string {
  const shown = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
}

export async function createServer(options: ServerOptions = {}): Promise<NokServer> {
  const host = options.host ?? "127.0.0.1";
  const snapshotsDir = resolve(options.snapshotsDir ?? defaultSnapshotsDir());
  const reportsDir = resolve(options.reportsDir ?? join(REPO_ROOT, "reports"));
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const allowPrivate = options.allowPrivate ?? false;
  const policy: TargetPolicy = {
    allowPrivate,
    allowedPorts: options.allowedPorts ?? (allowPrivate ? "any" : DEFAULT_ALLOWED_PORTS),
  };
  const concurrency = Math.max(1, options.maxConcurrentChecks ?? 2);

  const fetcher = createGuardedFetcher({ policy, ...(options.lookup ? { lookup: options.lookup } : {}) });
  const pool = createPool(options.politeness ?? {});
  const runner: CheckRunner = (request, { signal, onProgress }) =>
    checkSites(
      [{ url: request.url, kind: request.kind, sphere: request.sphere, region: request.region, name: null }],
      {
        fetcher,
        pool,
        snapshotsDir,
        signal,
        onProgress,
        ...(options.asOf ? { asOf: options.asOf } : {}),
        ...(options.checkBudget ? { budget: options.checkBudget } : {}),
        ...(options.rulesDir ? { rulesDir: options.rulesDir } : {}),
      },
    );
  const queue = await openCheckQueue({
    dir: join(dataDir, "checks"),
    runner,
    concurrency,
    ...(options.maxQueued ? { maxQueued: options.maxQueued } : {}),
  });

  const ctx: ServerContext = {
    data: createDashboardData(createRunSource({ snapshotsDir, reportsDir, dataDir })),
    queue,
    policy,
    lookup: options.lookup,
    limiter: options.rateLimit === false ? null : createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    snapshotsDir,
    concurrency,
    trustProxy: options.trustProxy ?? false,
    disputes: openDisputes(dataDir),
    recheck: recheckWithSeed({
      fetcher,
      pool,
      snapshotsDir,
      ...(options.checkBudget?.maxPages ? { maxPages: options.checkBudget.maxPages } : {}),
    }),
  };

  const router = new Router();
  router.on("GET", "/static/style.css", ({ res }) =>
    send(res, 200, DASHBOARD_STYLESHEET, {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "max-age=300",
    }),
  );
  router.on("GET", "/static/app.js", ({ res }) =>
    send(res, 200, DASHBOARD_SCRIPT, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "max-age=300",
    }),
  );
  pageRoutes(router, ctx);
  disputeRoutes(router, ctx);
  apiRoutes(router, ctx);

  const fail = (
    res: ServerResponse,
    url: URL | null,
    status: number,
    message: string,
    headers: Record<string, string> = {},
  ) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (url?.pathname.startsWith("/api")) {
      const code =
        status === 404
          ? "not-found"
          : status === 405
            ? "method-not-allowed"
            : status >= 500
              ? "internal"
              : "bad-request";
      sendJson(res, status, { error: { code, message } }, headers);
    } else {
      sendHtml(res, status, errorHtml(status, message), headers);
    }
  };

  const server = createHttpServer(async (req, res) => {
    let url: URL | null = null;
    try {
      url = new URL(req.url ?? "/", "http://dashboard.invalid");
      const match = router.match(req.method ?? "GET", url.pathname);
      if (match === null) throw new HttpError(404, "Такой страницы нет.");
      if (match === "method")
        throw new HttpError(405, "Метод не поддерживается.", { Allow: "GET, HEAD, POST" });
      await match.handler({ req, res, url, params: match.params });
    } catch (err) {
      if (err instanceof HttpError) {
        fail(res, url, err.status, err.message, err.headers);
        return;
      }
      process.stderr.write(
        `nok serve: ошибка при обработке ${req.method} ${req.url}: ${errorMessage(err)}\n`,
      );
      fail(res, url, 500, "Внутренняя ошибка сервера. Подробности — в журнале сервера.");
    }
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  try {
    await new Promise<void>((done, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 8080, host, () => {
        server.off("error", reject);
        done();
      });
    });
  } catch (err) {
    // Port taken or not allowed: release what was opened before failing.
    await queue.close();
    await fetcher.close?.();
    throw err;
  }
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | null = null;
  return {
    url: urlOf(host, port),
    port,
    queue,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((done) => server.close(() => done()));
        server.closeIdleConnections();
        await queue.close();
        server.closeAllConnections();
        await closed;
        await fetcher.close?.();
      })();
      return closing;
    },
  };
}

/** The JSON API under /api/: the same data as the pages (runs, regions, sites, self-checks). */
import type { IncomingMessage } from "node:http";
import { CHECK_ID_PATTERN, type CheckJobView } from "./check-queue.ts";
import type { SubmissionInput } from "./check-submission.ts";
import { type ServerContext, submitCheck } from "./context.ts";
import { CHECK_STATE_LABELS } from "./pages/check.ts";
import { regionTiles } from "./pages/region-tiles.ts";
import { HttpError, readBody, requestType, sendJson } from "./respond.ts";
import type { Router } from "./router.ts";
import { RUN_ID_PATTERN, type RunEntry } from "./run-source.ts";

/** Served at GET /api: the endpoints, so the API documents itself. */
export const API_INDEX = {
  name: "nok-monitor API",
  version: 1,
  endpoints: [
    {
      method: "GET",
      path: "/api/runs",
      description:
        "плановые запуски (старые первыми): даты, число сайтов, итоги по статусам и по требованиям",
    },
    {
      method: "GET",
      path: "/api/runs/{runId|latest}",
      description: "полный RunResult запуска (schema nok-monitor/run-result@1)",
    },
    {
      method: "GET",
      path: "/api/regions?run=&sphere=&rule=",
      description: "субъекты запуска: сводка и доля выполненных требований (как плитки на странице «Обзор»)",
    },
    {
      method: "GET",
      path: "/api/regions/{code}?run=",
      description:
        "один субъект: сводка, сайты с вердиктами и доказательствами, изменения к предыдущему запуску",
    },
    {
      method: "GET",
      path: "/api/disputes?run=&region=&status=open|confirmed",
      description: "споры по вердиктам с историей (кто, когда, что) и итогами повторных проверок",
    },
    {
      method: "POST",
      path: "/api/checks",
      description:
        "поставить самопроверку в очередь: {url, kind?, sphere?, region?} (JSON или форма); 202 и состояние проверки",
    },
    {
      method: "GET",
      path: "/api/checks/{id}",
      description: "состояние самопроверки: очередь, ход, итог; ссылка на RunResult по окончании",
    },
  ],
} as const;

function runJson(e: RunEntry) {
  const id = encodeURIComponent(e.id);
  return {
    id: e.id,
    mode: e.mode,
    asOf: e.asOf,
    startedAt: e.startedAt,
    finishedAt: e.finishedAt,
    sites: e.sites,
    findings: e.findings,
    byRule: e.byRule,
    links: {
      self: `/api/runs/${id}`,
      page: `/?run=${id}`,
      reportHtml: `/run/${id}/report.html`,
      reportXlsx: `/run/${id}/report.xlsx`,
    },
  };
}

export function checkJson(job: CheckJobView) {
  const id = encodeURIComponent(job.id);
  const runId = job.summary ? encodeURIComponent(job.summary.runId) : null;
  return {
    id: job.id,
    state: job.state,
    stateLabel: CHECK_STATE_LABELS[job.state],
    position: job.position,
    request: job.request,
    submittedAt: job.submittedAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    submissions: job.submissions,
    progress: job.progress,
    summary: job.summary,
    error: job.error,
    links: {
      self: `/api/checks/${id}`,
      page: `/check/${id}`,
      result: runId ? `/api/runs/${runId}` : null,
      reportHtml: runId ? `/run/${runId}/report.html` : null,
      reportXlsx: runId ? `/run/${runId}/report.xlsx` : null,
    },
  };
}

async function submissionInput(req: IncomingMessage): Promise<SubmissionInput> {
  const type = requestType(req);
  const body = await readBody(req);
  if (type === "application/json") {
    try {
      const value = JSON.parse(body) as unknown;
      if (value && typeof value === "object" && !Array.isArray(value)) return value as SubmissionInput;
    } catch {
      // fall through to the 400 below
    }
    throw new HttpError(400, "тело запроса — не объект JSON");
  }
  if (type === "application/x-www-form-urlencoded") return Object.fromEntries(new URLSearchParams(body));
  throw new HttpError(415, "ожидается application/json или application/x-www-form-urlencoded");
}

export function apiRoutes(router: Router, ctx: ServerContext): void {
  const runParam = (value: string | null) => {
    if (value !== null && value !== "latest" && !RUN_ID_PATTERN.test(value))
      throw new HttpError(404, "запуск не найден");
    return value;
  };

  router.on("GET", "/api", ({ res }) => sendJson(res, 200, API_INDEX));

  router.on("GET", "/api/runs", async ({ res }) => {
    sendJson(res, 200, { runs: (await ctx.data.runs.national()).map(runJson) });
  });

  router.on("GET", "/api/runs/:id", async ({ res, params }) => {
    const run = await ctx.data.run(runParam(params.id!));
    if (!run) throw new HttpError(404, "запуск не найден");
    sendJson(res, 200, run);
  });

  router.on("GET", "/api/regions", async ({ res, url }) => {
    const run = await ctx.data.run(runParam(url.searchParams.get("run")));
    if (!run) throw new HttpError(404, "нет ни одного планового запуска");
    const model = ctx.data.model(run);
    const filter = ctx.data.filter(model, url.searchParams);
    const tiles = new Map(regionTiles(model, filter).map((t) => [t.code, t]));
    sendJson(res, 200, {
      runId: run.runId,
      asOf: run.asOf,
      filter,
      regions: model.regions.map((r) => ({
        code: r.code,
        name: r.name,
        district: r.district,
        sites: r.sites,
        score: r.score,
        unreachable: r.unreachable,
        gaps: r.gaps,
        selection: tiles.has(r.code)
          ? {
              counts: tiles.get(r.code)!.counts,
              share: tiles.get(r.code)!.share,
              tone: tiles.get(r.code)!.tone,
            }
          : null,
        links: { self: `/api/regions/${encodeURIComponent(r.code)}?run=${encodeURIComponent(run.runId)}` },
      })),
    });
  });

  router.on("GET", "/api/regions/:code", async ({ res, url, params }) => {
    const run = await ctx.data.run(runParam(url.searchParams.get("run")));
    if (!run) throw new HttpError(404, "нет ни одного планового запуска");
    const slice = /^[\w-]{1,12}$/.test(params.code!) ? await ctx.data.region(run, params.code!) : null;
    if (!slice) throw new HttpError(404, "субъект не найден в запуске");
    sendJson(res, 200, {
      runId: run.runId,
      asOf: run.asOf,
      region: slice.region,
      sites: slice.sites,
      compare: slice.changes,
    });
  });

  router.on("POST", "/api/checks", async ({ req, res }) => {
    const outcome = await submitCheck(ctx, req, await submissionInput(req));
    if (!outcome.ok) {
      sendJson(
        res,
        outcome.status,
        { error: { code: outcome.code, message: outcome.message } },
        outcome.headers,
      );
      return;
    }
    const body = { ...checkJson(outcome.job), joined: outcome.joined };
    sendJson(res, 202, body, { Location: body.links.self });
  });

  router.on("GET", "/api/checks/:id", ({ res, params }) => {
    const job = CHECK_ID_PATTERN.test(params.id!) ? ctx.queue.get(params.id!) : undefined;
    if (!job) throw new HttpError(404, "проверка не найдена");
    sendJson(res, 200, checkJson(job));
  });
}

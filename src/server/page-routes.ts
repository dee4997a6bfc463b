/** The HTML pages: Обзор, Регион, Самопроверка, the stored-snapshot view and the report downloads. */

import { loadRegions, renderHtml, renderXlsx } from "../index.ts";
import { CHECK_ID_PATTERN } from "./check-queue.ts";
import { originOf, type ServerContext, submitCheck } from "./context.ts";
import { type CheckFormValues, checkFormPage, checkJobPage, EMPTY_FORM } from "./pages/check.ts";
import { errorPage } from "./pages/layout.ts";
import { emptyOverviewPage, overviewPage } from "./pages/overview.ts";
import { regionPage } from "./pages/region.ts";
import { snapshotPage } from "./pages/snapshot.ts";
import { regionHistoryChart, ruleTrendChart } from "./pictures.ts";
import {
  HttpError,
  REPORT_CONTENT_SECURITY_POLICY,
  readBody,
  redirect,
  requestType,
  send,
  sendFile,
  sendHtml,
} from "./respond.ts";
import type { Router } from "./router.ts";
import { RUN_ID_PATTERN } from "./run-source.ts";
import { loadSnapshot } from "./snapshot-view.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let regionOptions: { code: string; name: string }[] | null = null;

function formRegions(): { code: string; name: string }[] {
  if (!regionOptions) {
    try {
      regionOptions = loadRegions().map((r) => ({ code: r.code, name: r.name }));
    } catch {
      regionOptions = [];
    }
  }
  return regionOptions;
}

function regionName(code: string): string | null {
  return formRegions().find((r) => r.code === code)?.name ?? null;
}

function queueFigures(ctx: ServerContext) {
  const jobs = ctx.queue.list();
  return {
    waiting: jobs.filter((j) => j.state === "queued").length,
    running: jobs.filter((j) => j.state === "running").length,
    concurrency: ctx.concurrency,
  };
}

function fileName(runId: string, ext: string): string {
  return `nok-${runId.replace(/[^\w.-]/g, "_")}.${ext}`;
}

export function pageRoutes(router: Router, ctx: ServerContext): void {
  const notFound = (what: string) => new HttpError(404, what);

  router.on("GET", "/", async ({ res, url }) => {
    const runId = url.searchParams.get("run");
    if (runId !== null && !RUN_ID_PATTERN.test(runId)) throw notFound("Запуск не найден.");
    const run = await ctx.data.run(runId);
    if (!run) {
      if (runId) throw notFound(`Запуск «${runId}» не найден.`);
      const checks = (await ctx.data.runs.list()).filter((r) => r.mode === "check").length;
      sendHtml(res, 200, emptyOverviewPage(checks));
      return;
    }
    const model = ctx.data.model(run);
    const filter = ctx.data.filter(model, url.searchParams);
    const trend = await ruleTrendChart(ctx, run, filter);
    sendHtml(res, 200, overviewPage({ model, runs: await ctx.data.runs.national(), filter, trend }));
  });

  router.on("GET", "/region/:code", async ({ res, url, params }) => {
    const code = params.code!;
    const runId = url.searchParams.get("run");
    if (!/^[\w-]{1,12}$/.test(code) || (runId !== null && !RUN_ID_PATTERN.test(runId)))
      throw notFound("Субъект не найден.");
    const run = await ctx.data.run(runId);
    if (!run) throw notFound("Нет ни одного планового запуска.");
    const slice = await ctx.data.region(run, code);
    if (!slice) throw notFound(`Субъекта с кодом «${code}» нет в запуске ${run.runId}.`);
    const history = await regionHistoryChart(ctx, run, code);
    const disputes = await ctx.disputes.list({ region: code });
    sendHtml(res, 200, regionPage({ ...slice, ...(history ? { history } : {}), disputes }));
  });

  router.on("GET", "/check", ({ res }) => {
    sendHtml(
      res,
      200,
      checkFormPage({
        values: EMPTY_FORM,
        error: null,
        regions: formRegions(),
        queue: queueFigures(ctx),
        privateAllowed: ctx.policy.allowPrivate,
      }),
    );
  });

  router.on("POST", "/check", async ({ req, res }) => {
    const type = requestType(req);
    if (type !== "application/x-www-form-urlencoded" && type !== "")
      throw new HttpError(415, "Форма отправлена в неожиданном формате.");
    const form = new URLSearchParams(await readBody(req));
    const values: CheckFormValues = {
      url: form.get("url") ?? "",
      kind: form.get("kind") ?? "authority",
      sphere: form.get("sphere") ?? "",
      region: form.get("region") ?? "",
    };
    const outcome = await submitCheck(ctx, req, values);
    if (outcome.ok) {
      redirect(res, `/check/${encodeURIComponent(outcome.job.id)}`);
      return;
    }
    sendHtml(
      res,
      outcome.status,
      checkFormPage({
        values,
        error: outcome.message,
        regions: formRegions(),
        queue: queueFigures(ctx),
        privateAllowed: ctx.policy.allowPrivate,
      }),
      outcome.headers,
    );
  });

  router.on("GET", "/check/:id", async ({ req, res, params }) => {
    const id = params.id!;
    const job = CHECK_ID_PATTERN.test(id) ? ctx.queue.get(id) : undefined;
    if (!job) throw notFound("Проверка не найдена. Возможно, ссылка неполная.");
    const run = job.state === "done" && job.summary ? await ctx.data.run(job.summary.runId) : null;
    sendHtml(res, 200, checkJobPage(job, run, originOf(req), regionName));
  });

  router.on("GET", "/run/:id/report.html", async ({ res, params }) => {
    const id = params.id!;
    const headers = {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": REPORT_CONTENT_SECURITY_POLICY,
      "Content-Disposition": `inline; filename="${fileName(id, "html")}"`,
    };
    const file = await ctx.data.runs.reportFile(id, "report.html");
    if (file) return sendFile(res, file, headers);
    const run = RUN_ID_PATTERN.test(id) ? await ctx.data.run(id) : null;
    if (!run) throw notFound(`Запуск «${id}» не найден.`);
    send(res, 200, renderHtml(run), headers);
  });

  router.on("GET", "/run/:id/report.xlsx", async ({ res, params }) => {
    const id = params.id!;
    const headers = {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${fileName(id, "xlsx")}"`,
    };
    const file = await ctx.data.runs.reportFile(id, "report.xlsx");
    if (file) return sendFile(res, file, headers);
    const run = RUN_ID_PATTERN.test(id) ? await ctx.data.run(id) : null;
    if (!run) throw notFound(`Запуск «${id}» не найден.`);
    send(res, 200, await renderXlsx(run), headers);
  });

  router.on("GET", "/snapshot/:runId/:hash", async ({ res, params }) => {
    const runId = params.runId!;
    if (!RUN_ID_PATTERN.test(runId)) throw notFound("Сохранённая копия не найдена.");
    const run = await ctx.data.run(runId);
    const data = await loadSnapshot(ctx.snapshotsDir, runId, run, params.hash!);
    if (!data) throw notFound("Сохранённая копия не найдена.");
    sendHtml(res, 200, snapshotPage(data));
  });
}

export function errorHtml(status: number, message: string): string {
  const titles: Record<number, string> = {
    400: "Неверный запрос",
    404: "Страница не найдена",
    405: "Метод не поддерживается",
    413: "Слишком большой запрос",
    415: "Неподдерживаемый формат",
    429: "Слишком много запросов",
    500: "Внутренняя ошибка",
    503: "Сервис занят",
  };
  return errorPage(status, titles[status] ?? "Ошибка", message);
}

/**
 * «Оспорить» on the region page: the form opens a dispute of one finding and the site is re-checked in the
 * background from the page the person named (through the same SSRF guard as self-checks). The dispute closes
 * only by that re-check; the page lists it with its state.
 */

import { createDispute, recheckDispute } from "../index.ts";
import { UsageError } from "../util/errors.ts";
import { clientAddress, type ServerContext } from "./context.ts";
import { errorHtml } from "./page-routes.ts";
import { clientKey } from "./rate-limit.ts";
import { HttpError, readBody, redirect, requestType, sendHtml, sendJson } from "./respond.ts";
import type { Router } from "./router.ts";
import { RUN_ID_PATTERN } from "./run-source.ts";
import { refuseTarget } from "./ssrf-guard.ts";

export function disputeRoutes(router: Router, ctx: ServerContext): void {
  router.on("GET", "/api/disputes", async ({ res, url }) => {
    const q = url.searchParams;
    const status = q.get("status");
    const disputes = await ctx.disputes.list({
      ...(q.get("run") ? { runId: q.get("run")! } : {}),
      ...(q.get("region") ? { region: q.get("region")! } : {}),
      ...(status === "open" || status === "confirmed" ? { status } : {}),
    });
    sendJson(res, 200, { disputes });
  });

  router.on("POST", "/region/:code/disputes", async ({ req, res, params }) => {
    const code = params.code!;
    const type = requestType(req);
    if (type !== "application/x-www-form-urlencoded" && type !== "")
      throw new HttpError(415, "Форма отправлена в неожиданном формате.");
    if (ctx.limiter) {
      const decision = ctx.limiter.take(clientKey(clientAddress(req, ctx.trustProxy)));
      if (!decision.allowed)
        throw new HttpError(429, "Слишком много запросов с вашего адреса. Повторите позже.");
    }
    const form = new URLSearchParams(await readBody(req));
    const runId = form.get("run") ?? "";
    if (!/^[\w-]{1,12}$/.test(code) || !RUN_ID_PATTERN.test(runId))
      throw new HttpError(404, "Запуск не найден.");
    const run = await ctx.data.run(runId);
    if (!run) throw new HttpError(404, `Запуск «${runId}» не найден.`);
    const back = `/region/${encodeURIComponent(code)}?run=${encodeURIComponent(run.runId)}`;
    // The select carries «rule site-url» (a URL has no spaces).
    const [rule = "", site = ""] = (form.get("finding") ?? "").split(" ");
    const evidenceUrl = (form.get("url") ?? "").trim();
    const refusal = /^https?:\/\//i.test(evidenceUrl)
      ? await refuseTarget(evidenceUrl, ctx.policy, ctx.lookup)
      : null;
    if (refusal) return sendHtml(res, 400, errorHtml(400, `Адрес страницы не принят: ${refusal.message}`));
    try {
      const dispute = await createDispute(
        run,
        { site, rule, evidenceUrl, comment: form.get("comment") ?? "", by: form.get("by") ?? "" },
        ctx.disputes,
      );
      if (dispute.region !== code) throw new UsageError(`сайт ${site} относится к другому субъекту`);
      // The re-check crawls a site: the person gets the page back at once and sees the outcome on reload.
      void recheckDispute(dispute, run, ctx.disputes, ctx.recheck, dispute.by).catch(() => undefined);
      redirect(res, `${back}#disputes`);
    } catch (err) {
      if (err instanceof UsageError)
        return sendHtml(res, 400, errorHtml(400, `Спор не принят: ${err.message}`));
      throw err;
    }
  });
}

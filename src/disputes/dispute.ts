/**
 * Opening and re-checking disputes. A dispute names a finding of a stored run (site + rule) and a page where the
 * region says the evidence is; the site is crawled again from that page. The dispute is «подтверждено» when the
 * rule then passes — with the new evidence — and stays open with the re-check's reason otherwise. The run's own
 * verdict is never changed: reports show the dispute beside it.
 */
import { normalizeSiteUrl } from "../findings/diff.ts";
import { ruleTitle } from "../report/labels.ts";
import type { RunResult, SiteResult } from "../types/result.ts";
import { UsageError } from "../util/errors.ts";
import type { RecheckSite } from "./recheck.ts";
import type { DisputeStore } from "./store.ts";
import type { Dispute, DisputeRecheck } from "./types.ts";

export interface OpenDisputeInput {
  site: string;
  rule: string;
  evidenceUrl: string;
  comment: string;
  /** Who disputes: a name, an e-mail, «регион 71»; default «не указан». */
  by?: string;
}

/** The run's site a URL names (start or final URL, compared as site keys), or a usage error listing a few. */
export function findRunSite(run: RunResult, url: string): SiteResult {
  const key = normalizeSiteUrl(url);
  const site = run.sites.find((s) => normalizeSiteUrl(s.url) === key || normalizeSiteUrl(s.finalUrl) === key);
  if (site) return site;
  const some = run.sites.slice(0, 5).map((s) => s.url);
  throw new UsageError(
    `сайта «${url}» нет в прогоне ${run.runId}${some.length ? `; сайты прогона, например: ${some.join(", ")}` : " (в прогоне нет сайтов)"}`,
  );
}

export function validateDispute(run: RunResult, input: OpenDisputeInput): SiteResult {
  const site = findRunSite(run, input.site);
  if (site.kind === "busgov")
    throw new UsageError(
      "сведения bus.gov.ru оспариваются на самом bus.gov.ru: повторная проверка по адресу страницы для них не выполняется",
    );
  const finding = site.findings.find((f) => f.rule === input.rule);
  if (!finding)
    throw new UsageError(
      `правила «${input.rule}» нет у сайта ${site.url} в прогоне ${run.runId}; правила сайта: ${site.findings.map((f) => f.rule).join(", ")}`,
    );
  if (finding.status === "pass" || finding.status === "n/a")
    throw new UsageError(
      `оспаривать нечего: по правилу «${input.rule}» у сайта ${site.url} вердикт «${finding.status === "pass" ? "соответствует" : "не применяется"}»`,
    );
  let evidence: URL;
  try {
    evidence = new URL(input.evidenceUrl);
  } catch {
    throw new UsageError(`--url: некорректный адрес «${input.evidenceUrl}»`);
  }
  if (evidence.protocol !== "http:" && evidence.protocol !== "https:")
    throw new UsageError(`--url: нужен адрес http(s), получено «${input.evidenceUrl}»`);
  if (!input.comment.trim()) throw new UsageError("--comment: опишите, что и где размещено");
  return site;
}

/** Validates, stores the dispute as open, then re-checks it. */
export async function openDispute(
  run: RunResult,
  input: OpenDisputeInput,
  store: DisputeStore,
  recheck: RecheckSite,
): Promise<Dispute> {
  const dispute = await createDispute(run, input, store);
  return recheckDispute(dispute, run, store, recheck, dispute.by);
}

/** Validates and stores the dispute as open («ожидает повторной проверки»); the dashboard re-checks it after. */
export async function createDispute(
  run: RunResult,
  input: OpenDisputeInput,
  store: DisputeStore,
): Promise<Dispute> {
  const site = validateDispute(run, input);
  const verdict = site.findings.find((f) => f.rule === input.rule)!.status;
  const by = input.by?.trim() || "не указан";
  const now = new Date().toISOString();
  const dispute = await store.add({
    runId: run.runId,
    site: site.url,
    siteName: site.name,
    region: site.region,
    sphere: site.sphere,
    rule: input.rule,
    verdict,
    evidenceUrl: input.evidenceUrl,
    comment: input.comment.trim(),
    by,
    createdAt: now,
    status: "open",
    reason: "ожидает повторной проверки",
    history: [
      {
        at: now,
        by,
        action: "opened",
        status: "open",
        note: `оспорен вердикт «${ruleTitle(run, input.rule)}»: ${input.comment.trim()} (${input.evidenceUrl})`,
      },
    ],
  });
  return dispute;
}

/** Re-checks a stored dispute again (the site may have been fixed since); a confirmed one stays as it is. */
export async function recheckDispute(
  dispute: Dispute,
  run: RunResult,
  store: DisputeStore,
  recheck: RecheckSite,
  by = "не указан",
): Promise<Dispute> {
  if (dispute.status === "confirmed") return dispute;
  return runRecheck(dispute, findRunSite(run, dispute.site), run.asOf, store, recheck, by);
}

async function runRecheck(
  dispute: Dispute,
  site: SiteResult,
  asOf: string,
  store: DisputeStore,
  recheck: RecheckSite,
  by: string,
): Promise<Dispute> {
  let result: DisputeRecheck;
  try {
    result = await recheck(site, dispute.rule, dispute.evidenceUrl, asOf);
  } catch (err) {
    const note = `повторная проверка не выполнена: ${(err as Error).message}`;
    return store.update(dispute.id, (d) => {
      d.reason = note;
      d.history.push({ at: new Date().toISOString(), by, action: "recheck-failed", status: d.status, note });
    });
  }
  const confirmed = result.status === "pass";
  const reason = confirmed
    ? `подтверждено повторной проверкой ${result.runId}: ${result.evidence.map((e) => e.url).join(", ") || result.message}`
    : `повторная проверка ${result.runId}: ${result.message}${result.seedFetched ? "" : ` Страница ${dispute.evidenceUrl} при повторной проверке не дала доказательств (вне сайта, недоступна или не содержит нужного).`}`;
  return store.update(dispute.id, (d) => {
    d.status = confirmed ? "confirmed" : "open";
    d.reason = reason;
    d.history.push({
      at: new Date().toISOString(),
      by,
      action: "rechecked",
      status: d.status,
      note: reason,
      recheck: result,
    });
  });
}

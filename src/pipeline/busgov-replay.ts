/** Re-judges a stored bus.gov.ru site offline, from its manifest entries and bodies: no network, no crawl stage. */

import type { BusGovClient } from "../extract/busgov/client.ts";
import { mapPlan } from "../extract/busgov/endpoints.ts";
import { busgovQuestions } from "../extract/busgov/questions.ts";
import { plansSchema } from "../extract/busgov/schemas.ts";
import type { BusGovResponse } from "../types/busgov-answers.ts";
import type { ManifestEntry, RuleDef, SiteResult } from "../types/index.ts";
import { ask, busgovQueryFromUrl, judge } from "./busgov-judge.ts";

/**
 * A client that answers from a stored run's manifest entries instead of the network: the exchanges of the
 * original questions come back byte for byte and are read by the same questions (extract/busgov), so mapping
 * and judging run exactly as they did live. A stored network failure comes back as the error it was.
 */
export function replayBusGovClient(
  entries: readonly ManifestEntry[],
  body: (hash: string) => Promise<Uint8Array>,
  baseUrl: string,
): BusGovClient {
  const byUrl = new Map(entries.filter((e) => e.fetcher === "busgov").map((e) => [e.url, e]));
  const get = async (url: string): Promise<BusGovResponse> => {
    const e = byUrl.get(url);
    if (!e || e.status === 0) {
      return {
        error: e?.error ?? {
          code: "unknown",
          message: `bus.gov.ru (${new URL(url).host}): сетевая ошибка: ответа нет в снимке (ENOENT)`,
        },
      };
    }
    const raw = e.hash ? await body(e.hash) : new Uint8Array();
    return {
      status: e.status,
      headers: e.headers,
      exchange: { url, status: e.status, fetchedAt: e.fetchedAt, raw },
    };
  };
  return busgovQuestions({ baseUrl, get });
}

/**
 * Plans that came from an export (--busgov-plans) are stored under `file:…#inn=…`: a recheck answers the
 * plan question from that stored body, as the live run did, instead of asking the service's path.
 */
function replayExportedPlans(
  client: BusGovClient,
  entries: readonly ManifestEntry[],
  body: (hash: string) => Promise<Uint8Array>,
): BusGovClient {
  const stored = entries.find(
    (e) => e.fetcher === "busgov" && e.url.startsWith("file:") && e.url.includes("#inn="),
  );
  if (!stored) return client;
  return {
    ...client,
    async plans() {
      const raw = stored.hash ? await body(stored.hash) : new Uint8Array();
      const parsed = plansSchema.safeParse(JSON.parse(new TextDecoder().decode(raw) || "{}"));
      if (!parsed.success)
        return {
          ok: false,
          url: stored.url,
          error: { code: "parse", message: "сохранённые планы из выгрузки не читаются" },
        };
      return {
        ok: true,
        value: parsed.data.plans.map(mapPlan),
        url: stored.url,
        fetchedAt: stored.fetchedAt,
        raw,
        trail: [{ url: stored.url, status: 200, fetchedAt: stored.fetchedAt, raw }],
      };
    },
  };
}

/** Re-judges a stored bus.gov.ru site offline (its manifest entries and bodies), e.g. for `nok recheck`. */
export async function recheckBusgovSite(
  site: SiteResult,
  entries: readonly ManifestEntry[],
  body: (hash: string) => Promise<Uint8Array>,
  options: { rules: RuleDef[]; asOf: string; weights: Record<string, number> },
): Promise<SiteResult> {
  const query = busgovQueryFromUrl(site.url);
  const baseUrl = new URL(site.url).origin;
  const replay = replayBusGovClient(entries, body, baseUrl);
  const asked = query ? await ask(replayExportedPlans(replay, entries, body), query) : null;
  if (!asked) return { ...site };
  const pages = entries.filter((e) => e.fetcher === "busgov" && e.status > 0).length;
  const judged = judge(site, asked.data, {
    ...options,
    pages,
    bytes: site.crawl.bytes,
    durationMs: site.crawl.durationMs,
  });
  return { ...judged, name: site.name };
}

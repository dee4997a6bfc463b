/** The re-check of a disputed finding: the site crawled again, the dispute's evidence URL as the first seed. */
import { createPool, type HostPool } from "../crawl/index.ts";
import { type CheckOptions, checkSites } from "../pipeline/check-run.ts";
import type { SiteResult } from "../types/result.ts";
import type { DisputeRecheck } from "./types.ts";

/** How a re-check is run; the CLI and the server pass their own fetcher set-up, tests a polite-off pool. */
export type RecheckSite = (
  site: SiteResult,
  rule: string,
  evidenceUrl: string,
  asOf: string,
) => Promise<DisputeRecheck>;

export interface RecheckDefaults {
  snapshotsDir?: string;
  /** The dashboard's SSRF-guarded fetcher; default: the render-mode fetcher of `nok check`. */
  fetcher?: CheckOptions["fetcher"];
  pool?: HostPool;
  render?: CheckOptions["render"];
  chromium?: string | null;
  maxPages?: number;
  /** Reuse earlier snapshots and evidence seeds (default true, as `nok check`). */
  reuse?: boolean;
  warn?: (message: string) => void;
}

/** Seeds are crawled before anything else of positive priority: the disputed page must not wait behind a menu. */
const SEED_BIAS = 100;

export function recheckWithSeed(defaults: RecheckDefaults = {}): RecheckSite {
  return async (site, rule, evidenceUrl, asOf) => {
    const run = await checkSites(
      [{ url: site.url, kind: site.kind, sphere: site.sphere, region: site.region, name: site.name }],
      {
        kind: site.kind,
        asOf,
        busgov: false,
        pool: defaults.pool ?? createPool(),
        seeds: [{ url: evidenceUrl, depth: 1, bias: SEED_BIAS }],
        ...(defaults.snapshotsDir ? { snapshotsDir: defaults.snapshotsDir } : {}),
        ...(defaults.fetcher ? { fetcher: defaults.fetcher } : {}),
        ...(defaults.render ? { render: defaults.render } : {}),
        ...(defaults.chromium === undefined ? {} : { chromium: defaults.chromium }),
        ...(defaults.maxPages ? { maxPages: defaults.maxPages } : {}),
        ...(defaults.reuse === undefined ? {} : { reuse: defaults.reuse }),
        ...(defaults.warn ? { warn: defaults.warn } : {}),
      },
    );
    const checked = run.sites[0];
    const finding = checked?.findings.find((f) => f.rule === rule);
    return {
      runId: run.runId,
      status: finding?.status ?? "unknown",
      message: finding?.message ?? "правило не было применено при повторной проверке",
      evidence: finding?.evidence ?? [],
      seedFetched: Boolean(checked && seedWasRead(run.sites[0]!, evidenceUrl)),
    };
  };
}

/** Whether the crawl read the seed: it is in the findings' evidence, or the crawl read any page at that URL. */
function seedWasRead(site: SiteResult, url: string): boolean {
  const key = url.replace(/#.*$/, "");
  return site.findings.some((f) => f.evidence.some((e) => e.url.replace(/#.*$/, "") === key));
}

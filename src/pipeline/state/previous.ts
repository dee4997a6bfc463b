import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { CrawlSeed } from "../../crawl/index.ts";
import { ObjectStore, openRunReader } from "../../snapshot/index.ts";
import type { ManifestEntry, RunResult, SiteResult } from "../../types/index.ts";
import { EVIDENCE_BIAS, evidenceSnapshots, type PreviousVerdicts, REPLAY_BIAS } from "../rerun-confirm.ts";

/** What a new crawl of a site can reuse from the latest earlier run that crawled it. */
export interface PreviousSite {
  runId: string;
  /** Manifest entries of that site by URL (and final URL): conditional requests, 304 body reuse. */
  entries: Map<string, ManifestEntry>;
  readBody: (hash: string) => Promise<Uint8Array>;
  /**
   * Where that run found its evidence, then every other page it requested: fetched first, so a re-run of an
   * unchanged site confirms the verdicts (rerun-confirm.ts) without rediscovering the paths.
   */
  seeds: CrawlSeed[];
  /** That run's verdicts and requests, when its result is stored: what a re-run may confirm. */
  verdicts: PreviousVerdicts | null;
}

interface SiteManifest {
  /** Entries with a stored body, by URL and final URL. */
  entries: Map<string, ManifestEntry>;
  /** Every request of the site (failures too), first of each URL, in the order they were recorded. */
  requests: ManifestEntry[];
}

/**
 * A small per-site index (`snapshots/sites/<sha1>.json` → latest run id) avoids scanning every manifest.
 * Manifests and results of earlier runs are read once per process and shared by all sites of a run.
 */
export class PreviousRuns {
  private readonly objects: ObjectStore;
  private readonly manifests = new Map<string, Promise<Map<string, SiteManifest>>>();
  private readonly results = new Map<string, Promise<RunResult | null>>();

  constructor(private readonly root: string) {
    this.objects = new ObjectStore(root);
  }

  async forSite(siteUrl: string): Promise<PreviousSite | null> {
    const runId = await this.latestRunId(siteUrl);
    if (!runId) return null;
    const bySite = await this.manifest(runId);
    const manifest = bySite.get(siteUrl);
    if (!manifest || manifest.entries.size === 0) return null;
    const result = await this.result(runId);
    const site = result?.sites.find((s) => s.url === siteUrl);
    return {
      runId,
      entries: manifest.entries,
      readBody: (hash) => this.objects.get(hash),
      seeds: previousSeeds(site, manifest.requests),
      verdicts: site
        ? {
            findings: site.findings,
            budgetExhausted: site.crawl.budgetExhausted,
            requests: manifest.requests,
          }
        : null,
    };
  }

  /** Records that `runId` holds the newest snapshots of these sites. Atomic per file. */
  async remember(runId: string, siteUrls: string[]): Promise<void> {
    await mkdir(join(this.root, "sites"), { recursive: true });
    for (const url of siteUrls) {
      const path = this.indexPath(url);
      const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(tmp, JSON.stringify({ site: url, runId }));
      await rename(tmp, path);
    }
  }

  private async latestRunId(siteUrl: string): Promise<string | null> {
    try {
      const data = JSON.parse(await readFile(this.indexPath(siteUrl), "utf8")) as { runId?: string };
      return typeof data.runId === "string" ? data.runId : null;
    } catch {
      return null;
    }
  }

  private indexPath(siteUrl: string): string {
    return join(this.root, "sites", `${createHash("sha1").update(siteUrl).digest("hex")}.json`);
  }

  private manifest(runId: string): Promise<Map<string, SiteManifest>> {
    let pending = this.manifests.get(runId);
    if (!pending) {
      pending = (async () => {
        const bySite = new Map<string, SiteManifest>();
        const requested = new Set<string>();
        for await (const e of openRunReader(this.root, runId).entries()) {
          let m = bySite.get(e.site);
          if (!m) {
            m = { entries: new Map(), requests: [] };
            bySite.set(e.site, m);
          }
          const key = `${e.site}\n${e.url}`;
          if (!requested.has(key)) {
            requested.add(key);
            m.requests.push(e);
          }
          if (!e.hash) continue;
          m.entries.set(e.url, e);
          m.entries.set(e.finalUrl, e);
        }
        return bySite;
      })();
      this.manifests.set(runId, pending);
    }
    return pending;
  }

  private result(runId: string): Promise<RunResult | null> {
    let pending = this.results.get(runId);
    if (!pending) {
      pending = readFile(join(this.root, "runs", runId, "result.json"), "utf8")
        .then((t) => JSON.parse(t) as RunResult)
        .catch(() => null);
      this.results.set(runId, pending);
    }
    return pending;
  }
}

/**
 * The pages the previous run quoted as evidence of its pass and warn verdicts (found by their snapshot), then
 * the rest of its crawl (not the home page), each with the link text, depth and referrer it had then: a
 * re-read page is recorded and judged as it was.
 */
function previousSeeds(site: SiteResult | undefined, requests: ManifestEntry[]): CrawlSeed[] {
  const quoted = evidenceSnapshots(site?.findings ?? []);
  const evidence = requests.filter((e) => e.hash !== null && quoted.has(e.hash));
  const seen = new Set<string>();
  const seeds: CrawlSeed[] = [];
  const add = (e: ManifestEntry, bias: number) => {
    if (seen.has(e.url) || e.depth === 0) return;
    seen.add(e.url);
    seeds.push({
      url: e.url,
      ...(e.linkText ? { text: e.linkText } : {}),
      depth: e.depth,
      bias,
      referrer: e.referrer,
    });
  };
  for (const e of evidence) add(e, EVIDENCE_BIAS);
  for (const e of requests) add(e, REPLAY_BIAS);
  return seeds;
}

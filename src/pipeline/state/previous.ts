import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ObjectStore, openRunReader } from "../../snapshot/index.ts";
import type { ManifestEntry, RunResult, SiteResult } from "../../types/index.ts";

/** What a new crawl of a site can reuse from the latest earlier run that crawled it. */
export interface PreviousSite {
  runId: string;
  /** Manifest entries of that site by URL (and final URL): conditional requests, 304 body reuse. */
  entries: Map<string, ManifestEntry>;
  readBody: (hash: string) => Promise<Uint8Array>;
  /** Where that run found its evidence: fetched first, so a re-run settles verdicts with fewer pages. */
  seeds: { url: string; text?: string; depth: number; bias?: number }[];
}

/**
 * A small per-site index (`snapshots/sites/<sha1>.json` → latest run id) avoids scanning every manifest.
 * Manifests and results of earlier runs are read once per process and shared by all sites of a run.
 */
export class PreviousRuns {
  private readonly objects: ObjectStore;
  private readonly manifests = new Map<string, Promise<Map<string, Map<string, ManifestEntry>>>>();
  private readonly results = new Map<string, Promise<RunResult | null>>();

  constructor(private readonly root: string) {
    this.objects = new ObjectStore(root);
  }

  async forSite(siteUrl: string): Promise<PreviousSite | null> {
    const runId = await this.latestRunId(siteUrl);
    if (!runId) return null;
    const bySite = await this.manifest(runId);
    const entries = bySite.get(siteUrl);
    if (!entries || entries.size === 0) return null;
    const result = await this.result(runId);
    const site = result?.sites.find((s) => s.url === siteUrl);
    return {
      runId,
      entries,
      readBody: (hash) => this.objects.get(hash),
      seeds: site ? evidenceSeeds(site) : [],
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

  private manifest(runId: string): Promise<Map<string, Map<string, ManifestEntry>>> {
    let pending = this.manifests.get(runId);
    if (!pending) {
      pending = (async () => {
        const bySite = new Map<string, Map<string, ManifestEntry>>();
        for await (const e of openRunReader(this.root, runId).entries()) {
          if (!e.hash) continue;
          let m = bySite.get(e.site);
          if (!m) {
            m = new Map();
            bySite.set(e.site, m);
          }
          m.set(e.url, e);
          m.set(e.finalUrl, e);
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

function evidenceSeeds(site: SiteResult): PreviousSite["seeds"] {
  const seen = new Set<string>();
  const seeds: PreviousSite["seeds"] = [];
  for (const f of site.findings) {
    if (f.status !== "pass" && f.status !== "warn") continue;
    for (const e of f.evidence) {
      if (seen.has(e.url)) continue;
      seen.add(e.url);
      seeds.push({ url: e.url, ...(e.linkText ? { text: e.linkText } : {}), depth: e.depth ?? 1, bias: 5 });
    }
  }
  return seeds;
}

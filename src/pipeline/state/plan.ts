/**
 * A national run's persisted progress, beside its snapshots (`snapshots/runs/<runId>/`):
 * `plan.json` — every target in order, written once, atomically; `sites.jsonl` — one completed SiteResult per
 * line, appended as sites finish. A crash leaves at worst a torn last line, which is ignored and cut off.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { appendFile, mkdir, open, readFile, rename, rm, stat, truncate } from "node:fs/promises";
import { join } from "node:path";
import type { RegionRef } from "../../findings/index.ts";
import { manifestPath, runDir, type SnapshotWriter } from "../../snapshot/index.ts";
import type {
  CrawlBudget,
  ManifestEntry,
  RuleDef,
  SiteResult,
  Sphere,
  TargetKind,
} from "../../types/index.ts";
import { writeAtomic } from "../../util/fs.ts";
import { jsonLines } from "../../util/jsonl.ts";
import type { SiteTarget } from "../site.ts";

export const RUN_PLAN_SCHEMA = "nok-monitor/run-plan@1" as const;

export interface PlannedTarget extends SiteTarget {
  /** The site's key in the manifest and in sites.jsonl: its URL, or `URL#n` for the n-th target sharing it. */
  key: string;
  inn?: string;
  busgovId?: string;
  render?: "never" | "auto" | "always";
}

export interface RunPlan {
  schema: typeof RUN_PLAN_SCHEMA;
  runId: string;
  asOf: string;
  startedAt: string;
  registryFiles: string[];
  filters: { regions: string[]; spheres: Sphere[]; kinds: TargetKind[] };
  /** Regions the summaries list (all of the registry's, or the filtered ones). */
  regions: RegionRef[];
  budget: CrawlBudget;
  respectRobots: boolean;
  rulesDir: string | null;
  /** sha256 of the rules the run started with: a resume under changed rules is warned about. */
  rulesFingerprint?: string;
  targets: PlannedTarget[];
}

/** Identifies a rule set by content (ids, applicability, check parameters). */
export function rulesFingerprint(rules: readonly RuleDef[]): string {
  const canonical = [...rules]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((r) => ({ id: r.id, appliesTo: r.appliesTo, severity: r.severity, check: r.check }));
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

export function planPath(snapshotsDir: string, runId: string): string {
  return join(runDir(snapshotsDir, runId), "plan.json");
}

export function sitesLogPath(snapshotsDir: string, runId: string): string {
  return join(runDir(snapshotsDir, runId), "sites.jsonl");
}

/** Keys of targets in plan order: the URL, and `URL#2`, `URL#3`… when several targets share one site. */
export function siteKeys(targets: readonly { url: string }[]): string[] {
  const seen = new Map<string, number>();
  return targets.map((t) => {
    const n = (seen.get(t.url) ?? 0) + 1;
    seen.set(t.url, n);
    return n === 1 ? t.url : `${t.url}#${n}`;
  });
}

export async function writePlan(snapshotsDir: string, plan: RunPlan): Promise<void> {
  await mkdir(runDir(snapshotsDir, plan.runId), { recursive: true });
  await writeAtomic(planPath(snapshotsDir, plan.runId), JSON.stringify(plan));
}

export async function readPlan(snapshotsDir: string, runId: string): Promise<RunPlan | null> {
  let text: string;
  try {
    text = await readFile(planPath(snapshotsDir, runId), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
  const plan = JSON.parse(text) as RunPlan;
  if (plan.schema !== RUN_PLAN_SCHEMA)
    throw new Error(`неизвестный формат плана прогона: ${planPath(snapshotsDir, runId)}`);
  return plan;
}

/** Completed results by site key; corrupt lines (a torn last line after a crash) are skipped. */
export async function readCompleted(
  snapshotsDir: string,
  runId: string,
  onBadLine?: (lineNo: number) => void,
): Promise<Map<string, SiteResult>> {
  const done = new Map<string, SiteResult>();
  for await (const { lineNo, value } of jsonLines<{ key: string; result: SiteResult }>(
    sitesLogPath(snapshotsDir, runId),
  )) {
    if (value && typeof value.key === "string" && value.result) done.set(value.key, value.result);
    else onBadLine?.(lineNo);
  }
  return done;
}

/** Appends completed sites; serialised so lines never interleave. */
export function openSitesLog(snapshotsDir: string, runId: string) {
  const path = sitesLogPath(snapshotsDir, runId);
  let chain: Promise<void> = mkdir(runDir(snapshotsDir, runId), { recursive: true })
    .then(() => cutTornTail(path))
    .then(() => undefined);
  return {
    path,
    append(key: string, result: SiteResult): Promise<void> {
      const line = `${JSON.stringify({ key, result })}\n`;
      chain = chain.then(() => appendFile(path, line, "utf8"));
      return chain;
    },
    flush: () => chain,
  };
}

/** A writer that files the site's manifest entries under its plan key (only differs for shared URLs). */
export function keyedWriter(base: SnapshotWriter, key: string): SnapshotWriter {
  return {
    runId: base.runId,
    putBody: (body) => base.putBody(body),
    append: (entry: ManifestEntry) => base.append(entry.site === key ? entry : { ...entry, site: key }),
    flush: () => base.flush(),
  };
}

/**
 * Drops manifest entries of sites that did not complete (an interrupted crawl is redone from the start on
 * resume) and a torn last line, so the manifest lists exactly the pages behind the stored results.
 */
export async function pruneManifest(
  snapshotsDir: string,
  runId: string,
  keep: ReadonlySet<string>,
): Promise<{ kept: number; dropped: number }> {
  const path = manifestPath(snapshotsDir, runId);
  try {
    await stat(path);
  } catch {
    return { kept: 0, dropped: 0 };
  }
  const tmp = `${path}.${process.pid}.prune.tmp`;
  const out = createWriteStream(tmp, "utf8");
  let kept = 0;
  let dropped = 0;
  try {
    for await (const { value, text } of jsonLines<ManifestEntry>(path)) {
      if (value && keep.has(value.site)) {
        kept++;
        if (!out.write(`${text}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
      } else dropped++;
    }
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    if (dropped > 0) await rename(tmp, path);
    else await rm(tmp, { force: true });
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
  return { kept, dropped };
}

/** After a crash the file may end mid-line: cut back to the last newline so the next append starts clean. */
export async function cutTornTail(path: string): Promise<boolean> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return false;
  }
  if (size === 0) return false;
  const handle = await open(path, "r");
  try {
    const chunk = 64 * 1024;
    let end = size;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    if (last[0] === 0x0a) return false;
    while (end > 0) {
      const start = Math.max(0, end - chunk);
      const buf = Buffer.alloc(end - start);
      await handle.read(buf, 0, buf.length, start);
      const nl = buf.lastIndexOf(0x0a);
      if (nl >= 0) {
        await truncate(path, start + nl + 1);
        return true;
      }
      end = start;
    }
    await truncate(path, 0);
    return true;
  } finally {
    await handle.close();
  }
}

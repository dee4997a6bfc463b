/**
 * The store the planner and the workers of a distributed run share. Everything a worker writes is idempotent, so
 * a site retried on another machine after a crash overwrites, never duplicates:
 * - bodies are content-addressed (`objects/…`, written by temp file + rename): a second write of the same body
 *   is a no-op;
 * - a site's manifest entries are kept in memory while it is crawled and written as one part
 *   (`runs/<runId>/parts/<sha1(key)>.jsonl`) when it completes, atomically: an abandoned attempt leaves nothing,
 *   a retried one replaces the part whole;
 * - the planner, the only writer of `manifest.jsonl` and `sites.jsonl`, merges the parts in plan order when the
 *   run ends (idempotently: a site already in the manifest is skipped), so the finished run has the embedded run's layout and every reader (recheck, report, re-run reuse)
 *   works unchanged.
 *
 * The directory implementation expects the same directory mounted on every machine (NFS, CephFS, SMB…). An
 * S3-compatible store plugs in behind the same interface: `putBody` → `PUT objects/<hex>` with `If-None-Match: *`,
 * `commit` → one `PUT runs/<runId>/parts/<hex>.jsonl` (an object PUT is atomic), `readPlan` → `GET
 * runs/<runId>/plan.json`, `mergeSites` → the planner reads the parts and writes the manifest locally.
 */
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  manifestPath,
  ObjectStore,
  readManifest,
  runDir,
  type SnapshotWriter,
} from "../../snapshot/index.ts";
import type { ManifestEntry } from "../../types/index.ts";
import { type RunPlan, readPlan } from "../state/plan.ts";

/** One site's snapshot writer in a worker: bodies go to the store at once, the manifest part on `commit`. */
export interface SiteSnapshotWriter extends SnapshotWriter {
  /** Writes the site's manifest part (atomically, replacing an earlier attempt's). */
  commit(): Promise<void>;
}

export interface SharedStore {
  /** Where it is (a path, or a bucket URL): shown in messages. */
  readonly location: string;
  /** The run's plan as the planner wrote it; null when this store does not hold the run. */
  readPlan(runId: string): Promise<RunPlan | null>;
  openSite(runId: string, key: string): SiteSnapshotWriter;
  /** A completed site's manifest entries; null when no attempt completed. */
  readSite(runId: string, key: string): Promise<ManifestEntry[] | null>;
  /** Appends the parts of these sites (in this order) to the run's manifest, then drops all parts. */
  mergeSites(runId: string, keys: readonly string[]): Promise<{ sites: number; entries: number }>;
}

/** The shared store on a directory: the snapshot root itself, so a finished run looks like an embedded one. */
export function directoryStore(root: string): SharedStore {
  const objects = new ObjectStore(root);
  const partsDir = (runId: string) => join(runDir(root, runId), "parts");
  const partPath = (runId: string, key: string) =>
    join(partsDir(runId), `${createHash("sha1").update(key).digest("hex")}.jsonl`);

  const readSite = async (runId: string, key: string): Promise<ManifestEntry[] | null> => {
    let text: string;
    try {
      text = await readFile(partPath(runId, key), "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
    return text
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as ManifestEntry);
  };

  return {
    location: root,
    readPlan: (runId) => readPlan(root, runId),
    openSite(runId, key) {
      const entries: ManifestEntry[] = [];
      return {
        runId,
        putBody: (body) => objects.put(body),
        append: async (entry) => {
          entries.push(entry.site === key ? entry : { ...entry, site: key });
        },
        flush: async () => {},
        commit: async () => {
          await mkdir(partsDir(runId), { recursive: true });
          // Temp file + rename: a part is whole or absent, and a retried site's part replaces the earlier one.
          const path = partPath(runId, key);
          const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
          await writeFile(tmp, entries.map((e) => `${JSON.stringify(e)}\n`).join(""));
          await rename(tmp, path);
        },
      };
    },
    readSite,
    async mergeSites(runId, keys) {
      // Existing manifest + parts into a temp file, renamed over the manifest: a crash mid-merge leaves the old
      // manifest and every part; a site whose entries the manifest already holds is not appended twice.
      const path = manifestPath(root, runId);
      const tmp = `${path}.${process.pid}.merge.tmp`;
      await mkdir(runDir(root, runId), { recursive: true });
      const present = new Set<string>();
      const out = createWriteStream(tmp, "utf8");
      const write = async (text: string) => {
        if (!out.write(text)) await new Promise<void>((r) => out.once("drain", () => r()));
      };
      let sites = 0;
      let entries = 0;
      try {
        for await (const entry of readManifest(path)) {
          present.add(entry.site);
          await write(`${JSON.stringify(entry)}\n`);
        }
        for (const key of keys) {
          if (present.has(key)) continue;
          const part = await readSite(runId, key);
          if (!part) continue;
          sites++;
          entries += part.length;
          for (const e of part) await write(`${JSON.stringify(e)}\n`);
        }
        await new Promise<void>((resolve, reject) =>
          out.end((err?: Error | null) => (err ? reject(err) : resolve())),
        );
        await rename(tmp, path);
      } catch (err) {
        out.destroy();
        await rm(tmp, { force: true });
        throw err;
      }
      await rm(partsDir(runId), { recursive: true, force: true });
      return { sites, entries };
    },
  };
}

import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { ManifestEntry, SnapshotReader } from "../types/index.ts";
import { ManifestWriter, readManifest } from "./manifest.ts";
import { ObjectStore } from "./object-store.ts";
import { manifestPath, runDir } from "./paths.ts";

/** Writing side of one run's snapshots. */
export interface SnapshotWriter {
  readonly runId: string;
  /** Stores a body and returns its `sha256:` hash. */
  putBody(body: Uint8Array): Promise<string>;
  append(entry: ManifestEntry): Promise<void>;
  flush(): Promise<void>;
}

export function openRunWriter(root: string, runId: string): SnapshotWriter {
  const objects = new ObjectStore(root);
  const manifest = new ManifestWriter(manifestPath(root, runId));
  return {
    runId,
    putBody: (body) => objects.put(body),
    append: (entry) => manifest.append(entry),
    flush: () => manifest.flush(),
  };
}

export function openRunReader(root: string, runId: string): SnapshotReader {
  const objects = new ObjectStore(root);
  const path = manifestPath(root, runId);
  return {
    runId,
    entries: () => readManifest(path),
    body: (hash) => objects.get(hash),
  };
}

/** Latest entry per URL of a stored run: the source of conditional requests and unchanged-content reuse. */
export async function indexByUrl(reader: SnapshotReader): Promise<Map<string, ManifestEntry>> {
  const map = new Map<string, ManifestEntry>();
  for await (const e of reader.entries()) {
    if (e.hash) {
      map.set(e.url, e);
      map.set(e.finalUrl, e);
    }
  }
  return map;
}

/** Run ids with a manifest, oldest first (ids start with a sortable timestamp). */
export async function listSnapshotRuns(root: string): Promise<string[]> {
  try {
    return (await readdir(join(root, "runs"))).sort();
  } catch {
    return [];
  }
}

export { runDir };

/**
 * A SnapshotWriter that keeps everything in memory, in fetch order: the benchmark replays a crawl page by
 * page (which page settled the verdicts) without touching the disk. Optionally forwards to a real writer.
 */
import type { SnapshotWriter } from "../src/snapshot/index.ts";
import { hashBody } from "../src/snapshot/object-store.ts";
import type { ManifestEntry } from "../src/types/index.ts";

export interface RecordingWriter extends SnapshotWriter {
  /** Manifest entries in the order the pipeline appended them (one per fetched URL). */
  readonly entries: ManifestEntry[];
  body(hash: string): Uint8Array | undefined;
}

export function recordingWriter(runId = "bench", forward?: SnapshotWriter): RecordingWriter {
  const entries: ManifestEntry[] = [];
  const bodies = new Map<string, Uint8Array>();
  return {
    runId: forward?.runId ?? runId,
    entries,
    body: (hash) => bodies.get(hash),
    async putBody(body) {
      const hash = forward ? await forward.putBody(body) : hashBody(body);
      bodies.set(hash, body);
      return hash;
    },
    async append(entry) {
      entries.push(entry);
      await forward?.append(entry);
    },
    async flush() {
      await forward?.flush();
    },
  };
}

/**
 * Loads a stored body for the text view: only hashes the run refers to (its manifest or its evidence), extracted
 * with the extract stage so a PDF or DOCX reads as text too. Offline: the snapshot store only.
 */

import { detectContentKind, extractArtifacts, openRunReader } from "../index.ts";
import type { ManifestEntry, RunResult } from "../types/index.ts";
import type { SnapshotData } from "./pages/snapshot.ts";

export const SNAPSHOT_HASH_PATTERN = /^(?:sha256:)?([0-9a-f]{64})$/;

async function manifestEntry(
  snapshotsDir: string,
  runId: string,
  hash: string,
): Promise<ManifestEntry | null> {
  try {
    for await (const entry of openRunReader(snapshotsDir, runId).entries()) {
      if (entry.hash === hash) return entry;
    }
  } catch {
    // No manifest (e.g. a recheck stores none of its own): fall back to the evidence.
  }
  return null;
}

function evidenceUrl(run: RunResult | null, hash: string): string | null {
  for (const site of run?.sites ?? []) {
    for (const f of site.findings) {
      for (const ev of f.evidence) if (ev.snapshot === hash) return ev.url;
    }
  }
  return null;
}

export async function loadSnapshot(
  snapshotsDir: string,
  runId: string,
  run: RunResult | null,
  hashOrHex: string,
): Promise<SnapshotData | null> {
  const hex = SNAPSHOT_HASH_PATTERN.exec(hashOrHex)?.[1];
  if (!hex) return null;
  const hash = `sha256:${hex}`;
  const entry = await manifestEntry(snapshotsDir, runId, hash);
  const url = entry?.finalUrl || entry?.url || evidenceUrl(run, hash);
  if (!url) return null;
  let body: Uint8Array;
  try {
    body = await openRunReader(snapshotsDir, runId).body(hash);
  } catch {
    return null;
  }
  const contentKind = entry?.contentKind ?? detectContentKind({ url, body });
  const artifacts = await extractArtifacts({
    url: entry?.url ?? url,
    finalUrl: url,
    contentKind,
    headers: entry?.headers ?? {},
    body,
    truncated: entry?.truncated ?? false,
  });
  return {
    runId,
    hash,
    url,
    fetchedAt: entry?.fetchedAt ?? null,
    contentKind,
    size: body.byteLength,
    artifacts,
  };
}

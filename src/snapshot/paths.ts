import { join } from "node:path";

/** Layout under the snapshot root: objects are shared by all runs (content-addressed), manifests per run. */
export function objectPath(root: string, hash: string): string {
  const hex = hash.startsWith("sha256:") ? hash.slice(7) : hash;
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`not a sha256 hash: ${hash}`);
  return join(root, "objects", hex.slice(0, 2), `${hex.slice(2)}.br`);
}

export function runDir(root: string, runId: string): string {
  if (!/^[\w.-]+$/.test(runId)) throw new Error(`bad run id: ${runId}`);
  return join(root, "runs", runId);
}

export function manifestPath(root: string, runId: string): string {
  return join(runDir(root, runId), "manifest.jsonl");
}

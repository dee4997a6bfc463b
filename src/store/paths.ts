import { isAbsolute, join, resolve } from "node:path";
import { REPO_ROOT } from "../version.ts";

/** Where the store and the run lock live: `NOK_DATA_DIR`, else `.nok/` in the repository (git-ignored). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return fromEnv(env.NOK_DATA_DIR) ?? join(REPO_ROOT, ".nok");
}

/** Snapshot root of the commands that run, recheck and report: `NOK_SNAPSHOTS_DIR`, else `snapshots/`. */
export function defaultSnapshotsDir(env: NodeJS.ProcessEnv = process.env): string {
  return fromEnv(env.NOK_SNAPSHOTS_DIR) ?? join(REPO_ROOT, "snapshots");
}

/** Default report folder of a run: `<NOK_REPORTS_DIR or reports/>/<runId>`. */
export function defaultReportsDir(runId: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(fromEnv(env.NOK_REPORTS_DIR) ?? join(REPO_ROOT, "reports"), runId);
}

export function storeFile(dataDir: string): string {
  return join(dataDir, "nok.json");
}

function fromEnv(value: string | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  return isAbsolute(v) ? v : resolve(v);
}

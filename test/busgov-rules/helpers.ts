import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { weightsFromRules } from "../../src/findings/score.ts";
import {
  type BusgovTarget,
  busgovTargetFor,
  checkBusgov,
  createBusGovClient,
} from "../../src/pipeline/busgov.ts";
import { loadRules, ruleInfo } from "../../src/rules/index.ts";
import { openRunReader, openRunWriter } from "../../src/snapshot/index.ts";
import type { ManifestEntry, SiteResult, Sphere, Status } from "../../src/types/index.ts";

export const AS_OF = "2026-11-01";
export const { rules } = loadRules();
export const weights = weightsFromRules(rules.map(ruleInfo));

/** A port nothing listens on: bind an ephemeral port, then release it. */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export async function tempDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), "nok-busgov-"));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export function target(
  baseUrl: string,
  q: { inn?: string; busgovId?: string },
  sphere: Sphere | null = "social",
): BusgovTarget {
  return busgovTargetFor(
    { url: "http://institution.test/", kind: "institution", sphere, region: "71", name: null, ...q },
    baseUrl,
  )!;
}

/** checkBusgov against `baseUrl` with a real snapshot writer; returns the result and the run's manifest. */
export async function runBusgov(
  baseUrl: string,
  t: BusgovTarget,
  snapshots: string,
  runId = `t-${Math.random().toString(36).slice(2)}`,
): Promise<{ site: SiteResult; entries: ManifestEntry[]; runId: string }> {
  const client = createBusGovClient({ baseUrl, minIntervalMs: 0, retries: 1, backoffMs: 10 });
  try {
    const writer = openRunWriter(snapshots, runId);
    const site = await checkBusgov(t, { client, rules, asOf: AS_OF, writer, weights });
    const entries: ManifestEntry[] = [];
    for await (const e of openRunReader(snapshots, runId).entries()) entries.push(e);
    return { site, entries, runId };
  } finally {
    await client.close();
  }
}

export function statuses(site: SiteResult): Record<string, Status> {
  return Object.fromEntries(site.findings.map((f) => [f.rule, f.status]));
}

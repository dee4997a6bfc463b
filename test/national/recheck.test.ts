import { mkdtempSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createHttpFetcher } from "../../src/crawl/index.ts";
import { recheckRun } from "../../src/pipeline/recheck.ts";
import { runNational } from "../../src/pipeline/run.ts";
import { openStore } from "../../src/store/index.ts";
import type { RunResult } from "../../src/types/index.ts";
import { type LocalWeb, NATIONAL_SPECS, startLocalWeb } from "./web.ts";

let web: LocalWeb;
let dir: string;
let original: RunResult;
const paths = () => ({ dataDir: join(dir, "data"), snapshotsDir: join(dir, "snapshots") });

beforeAll(async () => {
  web = await startLocalWeb(NATIONAL_SPECS);
  dir = mkdtempSync(join(tmpdir(), "nok-recheck-"));
  const [health, , kalmykia] = web.sites;
  // One ministry site listed for two spheres: two targets, two crawls, one URL.
  const registry = join(dir, "registry.yaml");
  await writeFile(
    registry,
    `sites:
  - { kind: authority, region: "71", sphere: health, name: "Министерство здравоохранения Тульской области", url: "${health!.url}" }
  - { kind: authority, region: "71", sphere: education, name: "Министерство здравоохранения и образования (пример)", url: "${health!.url}" }
  - { kind: authority, region: "08", sphere: health, name: "Министерство здравоохранения Республики Калмыкия", url: "${kalmykia!.url}" }
`,
  );
  original = await runNational({
    registryFiles: [registry],
    asOf: "2026-06-01",
    hostIntervalMs: 0,
    ...paths(),
  });
});
afterAll(async () => {
  await web.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const byRule = (run: RunResult, i: number) =>
  Object.fromEntries((run.sites[i]?.findings ?? []).map((f) => [f.rule, f.status]));

/** Any socket connection (undici, http) fails the test: a recheck must stay offline. */
function forbidNetwork() {
  return vi.spyOn(net.Socket.prototype, "connect").mockImplementation(() => {
    throw new Error("recheck touched the network");
  });
}

describe("recheck", () => {
  it("(the guard works: the crawler's fetcher cannot connect under it)", async () => {
    const connect = forbidNetwork();
    const fetcher = createHttpFetcher();
    const page = await fetcher.fetch(web.sites[0]!.url).catch((e: unknown) => e);
    await fetcher.close?.();
    expect(connect).toHaveBeenCalled();
    expect(page instanceof Error || (page as { error: unknown }).error !== null).toBe(true);
  });

  it("re-judges the stored snapshots offline and, at the same date, agrees with the run", async () => {
    const connect = forbidNetwork();
    const requests = web.requestCount();
    const same = await recheckRun(original.runId, paths());
    expect(connect).not.toHaveBeenCalled();
    expect(web.requestCount()).toBe(requests);

    expect(same.mode).toBe("recheck");
    expect(same.runId).not.toBe(original.runId);
    expect(same.recheckOf).toBe(original.runId);
    expect(same.asOf).toBe("2026-06-01");
    expect(same.sites.map((s) => s.findings)).toEqual(original.sites.map((s) => s.findings));
    expect(same.regions).toEqual(original.regions);
    expect(same.compare?.runId).toBe(original.runId);
    expect(same.compare?.changes.filter((c) => c.change === "fixed" || c.change === "new-gap")).toEqual([]);
  });

  it("applies a new reference date: minutes and results a year older become stale", async () => {
    const connect = forbidNetwork();
    const before = byRule(original, 0);
    expect(before["authority/council-minutes"]).toBe("pass");
    expect(before["authority/results"]).toBe("pass");
    const later = await recheckRun(original.runId, { ...paths(), asOf: "2027-06-01" });
    expect(connect).not.toHaveBeenCalled();
    const after = byRule(later, 0);
    expect(after["authority/council-minutes"]).toBe("warn");
    expect(after["authority/results"]).toBe("warn");
    expect(later.asOf).toBe("2027-06-01");

    const record = await openStore(join(dir, "data")).getRun(later.runId);
    expect(record).toMatchObject({ mode: "recheck", status: "finished", sourceRunId: original.runId });

    // A recheck of a recheck reads the original snapshots; `latest` names the newest finished run.
    const again = await recheckRun("latest", paths());
    expect(again.recheckOf).toBe(original.runId);
    expect(again.asOf).toBe("2027-06-01");
    expect(again.sites.map((s) => s.findings)).toEqual(later.sites.map((s) => s.findings));
  });

  it("keeps the pages of targets that share a URL apart", async () => {
    const same = await recheckRun(original.runId, paths());
    const [health, education] = same.sites;
    expect(health?.url).toBe(education?.url);
    expect(health?.findings).toEqual(original.sites[0]?.findings);
    expect(education?.findings).toEqual(original.sites[1]?.findings);
  });
});

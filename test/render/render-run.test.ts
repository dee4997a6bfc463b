import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool, POLITENESS_OFF } from "../../src/crawl/index.ts";
import { checkSites } from "../../src/pipeline/check-run.ts";
import { locateChromium } from "../../src/pipeline/fetcher-setup.ts";
import { openRunReader } from "../../src/snapshot/index.ts";
import type { ManifestEntry, RunResult } from "../../src/types/index.ts";
import { type RenderSites, startRenderSites } from "./pages.ts";

const BIN = new URL("../../bin/nok.js", import.meta.url).pathname;
const chromium = locateChromium();

let sites: RenderSites;
let dir: string;

beforeAll(async () => {
  sites = await startRenderSites();
  dir = await mkdtemp(join(tmpdir(), "nok-render-"));
});

afterAll(async () => {
  await sites?.close();
  await rm(dir, { recursive: true, force: true });
});

async function check(
  url: string,
  render: "never" | "auto",
): Promise<{ run: RunResult; entries: ManifestEntry[] }> {
  const run = await checkSites([{ url, kind: "authority", sphere: "culture", region: "71", name: null }], {
    render,
    snapshotsDir: dir,
    reuse: false,
    maxPages: 10,
    pool: createPool(POLITENESS_OFF),
    asOf: "2026-11-01",
    warn: () => {},
  });
  const entries: ManifestEntry[] = [];
  for await (const e of openRunReader(dir, run.runId).entries()) entries.push(e);
  return { run, entries };
}

const pathOf = (e: ManifestEntry) => new URL(e.url).pathname;
const rendered = (run: RunResult) => (run.sites[0]!.crawl as { rendered?: number }).rendered;

describe.skipIf(!chromium)("browser rendering in a check", () => {
  it("auto renders a JS-only home page, records why, and follows the menu the script built", async () => {
    const { run, entries } = await check(sites.jsOnly, "auto");
    const home = entries.find((e) => pathOf(e) === "/")!;
    expect(home.fetcher).toBe("browser");
    expect(home.renderDecision).toMatch(/^rendered: мало ссылок/);
    expect(entries.some((e) => pathOf(e) === "/nok" && e.status === 200)).toBe(true);
    expect(rendered(run)).toBe(1);
    expect(run.sites[0]!.crawl.pages).toBeGreaterThanOrEqual(2);
  });

  it("never keeps it static: the script-built menu stays unseen", async () => {
    const { run, entries } = await check(sites.jsOnly, "never");
    expect(entries.find((e) => pathOf(e) === "/")!.renderDecision).toBe("static: рендеринг отключён");
    expect(entries.some((e) => pathOf(e) === "/nok")).toBe(false);
    expect(rendered(run)).toBe(0);
  });

  it("a static-looking home whose links all leave the site is rendered once more", async () => {
    const { run, entries } = await check(sites.noCandidates, "auto");
    const homes = entries.filter((e) => pathOf(e) === "/");
    expect(homes.map((e) => e.renderDecision)).toEqual([
      expect.stringMatching(/^static: достаточно ссылок/),
      "rendered: статическое меню не дало ссылок для обхода",
    ]);
    expect(homes[1]!.fetcher).toBe("browser");
    expect(entries.some((e) => pathOf(e) === "/sveden" && e.status === 200)).toBe(true);
    expect(rendered(run)).toBe(1);
    // The browser came once for the home page, and the menu page it found stayed static.
    expect(sites.requests.get(sites.noCandidates)!.filter((p) => p === "/").length).toBe(2);
  });
});

describe("nok check --render always without Chromium", () => {
  it("exits 2 with the install hint", async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn(process.execPath, [BIN, "check", sites.jsOnly, "--render", "always"], {
        env: {
          ...process.env,
          NOK_CHROMIUM: "/nonexistent/chromium",
          NOK_SNAPSHOTS_DIR: join(dir, "cli-snapshots"),
          NOK_REPORTS_DIR: join(dir, "cli-reports"),
          NOK_DATA_DIR: join(dir, "cli-data"),
        },
      });
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      child.on("close", (code) => done({ code, stderr }));
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Chromium не найден");
    expect(r.stderr).toContain("NOK_CHROMIUM");
  });
});

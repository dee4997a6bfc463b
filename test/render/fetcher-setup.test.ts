import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_INSTALL_HINT } from "../../src/crawl/browser/index.ts";
import { locateChromium, parseRenderMode, setupFetchers } from "../../src/pipeline/fetcher-setup.ts";
import { UsageError } from "../../src/util/errors.ts";
import { type RenderSites, startRenderSites } from "./pages.ts";

let sites: RenderSites;

beforeAll(async () => {
  sites = await startRenderSites();
});

afterAll(async () => {
  await sites?.close();
});

describe("locateChromium", () => {
  it("an explicit NOK_CHROMIUM that does not exist means no browser (no silent fallback)", () => {
    expect(locateChromium({ NOK_CHROMIUM: "/nonexistent/chromium" })).toBeNull();
  });

  it.skipIf(!existsSync("/usr/bin/chromium"))("finds the system Chromium otherwise", () => {
    expect(locateChromium({})).not.toBeNull();
  });
});

describe("setupFetchers", () => {
  it("always without Chromium is a usage error with the install hint", () => {
    expect(() => setupFetchers({ mode: "always", chromium: null })).toThrow(UsageError);
    expect(() => setupFetchers({ mode: "always", chromium: null })).toThrow(CHROMIUM_INSTALL_HINT);
  });

  it("auto without Chromium warns once and stays static; a site's `always` degrades without a second warning", async () => {
    const warnings: string[] = [];
    const f = setupFetchers({ mode: "auto", chromium: null, warn: (m) => warnings.push(m) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("Chromium не найден");
    const page = await f.forMode("always").fetch(sites.jsOnly);
    expect(page.fetcher).toBe("http");
    expect(page.renderDecision).toMatch(/^static: нужен браузер/);
    expect(warnings).toHaveLength(1);
    expect(f.homeRenderer(undefined, {} as never)).toBeUndefined();
    await f.close();
  });

  it("never: no browser hook, pages stay static", async () => {
    const f = setupFetchers({ mode: "never", chromium: "/usr/bin/chromium" });
    const page = await f.fetcher.fetch(sites.jsOnly);
    expect(page.renderDecision).toBe("static: рендеринг отключён");
    expect(f.homeRenderer(undefined, {} as never)).toBeUndefined();
    expect(f.browserUsed).toBe(false);
    await f.close();
  });

  it("the browser is not launched while no page needs it", async () => {
    const f = setupFetchers({ mode: "auto", chromium: "/usr/bin/chromium" });
    const page = await f.fetcher.fetch(`${sites.jsOnly}nok`);
    expect(page.renderDecision).toMatch(/^static:/);
    expect(f.browserUsed).toBe(false);
    await f.close();
  });

  it("parses the mode or refuses it", () => {
    expect(parseRenderMode("auto")).toBe("auto");
    expect(() => parseRenderMode("sometimes")).toThrow(/never, auto, always/);
  });
});

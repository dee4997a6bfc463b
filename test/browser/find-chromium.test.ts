import { describe, expect, it } from "vitest";
import { findChromium } from "../../src/crawl/browser/index.ts";

const only =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe("findChromium", () => {
  it("prefers NOK_CHROMIUM, then CHROMIUM_PATH", () => {
    const env = { NOK_CHROMIUM: "/opt/a/chrome", CHROMIUM_PATH: "/opt/b/chrome" };
    const exists = only("/opt/a/chrome", "/opt/b/chrome", "/usr/bin/chromium");
    expect(findChromium({ env, exists, playwrightPath: () => null })).toBe("/opt/a/chrome");
    expect(
      findChromium({ env: { CHROMIUM_PATH: "/opt/b/chrome" }, exists, playwrightPath: () => null }),
    ).toBe("/opt/b/chrome");
  });

  it("skips an env path that does not exist and falls back to the system paths in order", () => {
    const exists = only("/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    const found = findChromium({ env: { NOK_CHROMIUM: "/nowhere" }, exists, playwrightPath: () => null });
    expect(found).toBe("/usr/bin/chromium-browser");
  });

  it("uses Playwright's own browser when it is installed", () => {
    const pw = "/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome";
    expect(findChromium({ env: {}, exists: only(pw), playwrightPath: () => pw })).toBe(pw);
    expect(findChromium({ env: {}, exists: only(), playwrightPath: () => pw })).toBeNull();
  });

  it("returns null when nothing is found", () => {
    expect(findChromium({ env: {}, exists: () => false, playwrightPath: () => null })).toBeNull();
  });
});

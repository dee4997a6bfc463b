import { existsSync } from "node:fs";
import { createRequire } from "node:module";

export interface FindChromiumOptions {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  /** Where Playwright's own download would be (`chromium.executablePath()`); injectable for tests. */
  playwrightPath?: () => string | null;
}

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function playwrightExecutable(): string | null {
  try {
    // Loaded only when asked: Playwright costs ~50 MB of memory in every run that never renders a page.
    const { chromium } = createRequire(import.meta.url)(
      "playwright-core",
    ) as typeof import("playwright-core");
    return chromium.executablePath();
  } catch {
    // Unsupported platform or no registry entry: there is no Playwright-managed browser.
    return null;
  }
}

/**
 * The first existing Chromium: $NOK_CHROMIUM, $CHROMIUM_PATH, the usual system paths, then the browser
 * `npx playwright install chromium` puts in Playwright's cache. Null when none exists.
 */
export function findChromium(options: FindChromiumOptions = {}): string | null {
  const env = options.env ?? process.env;
  const exists = options.exists ?? existsSync;
  const candidates = [env.NOK_CHROMIUM, env.CHROMIUM_PATH, ...SYSTEM_PATHS];
  for (const path of candidates) {
    if (path && exists(path)) return path;
  }
  const managed = (options.playwrightPath ?? playwrightExecutable)();
  return managed && exists(managed) ? managed : null;
}

/** The Russian hint shown whenever a browser is needed and none was found. */
export const CHROMIUM_INSTALL_HINT =
  "Установите Chromium: `apt-get install chromium` (или `npx playwright install chromium`) " +
  "либо укажите путь к браузеру в переменной NOK_CHROMIUM.";

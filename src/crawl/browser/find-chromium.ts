import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

export interface FindChromiumOptions {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  /** Where Playwright's own download would be (`chromium.executablePath()`); injectable for tests. */
  playwrightPath?: () => string | null;
}

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

function playwrightExecutable(): string | null {
  try {
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
  const candidates = [
    env.NOK_CHROMIUM,
    env.CHROMIUM_PATH,
    ...SYSTEM_PATHS,
    (options.playwrightPath ?? playwrightExecutable)(),
  ];
  for (const path of candidates) {
    if (path && exists(path)) return path;
  }
  return null;
}

/** The Russian hint shown whenever a browser is needed and none was found. */
export const CHROMIUM_INSTALL_HINT =
  "Установите Chromium: `apt-get install chromium` (или `npx playwright install chromium`) " +
  "либо укажите путь к браузеру в переменной NOK_CHROMIUM.";

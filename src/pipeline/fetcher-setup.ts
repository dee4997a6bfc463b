/**
 * The fetcher of a run from its render mode (`never | auto | always`): static HTTP first, Chromium only where
 * it pays (crawl/browser/render-policy.ts). The browser is created on the first page that needs it, so a run
 * whose pages are all static never launches one. Per-site modes (registry `render`) share the same HTTP agent
 * and the same browser.
 */
import { existsSync } from "node:fs";
import type { LookupFunction } from "node:net";
import { guardedLookup, PRIVATE_SITE_POLICY } from "../crawl/address-policy.ts";
import {
  type BrowserFetcherOptions,
  CHROMIUM_INSTALL_HINT,
  createBrowserFetcher,
  createRenderingFetcher,
  findChromium,
  type RenderMode,
} from "../crawl/browser/index.ts";
import { createHttpFetcher, type HostPool, type HttpFetcherOptions } from "../crawl/index.ts";
import type { Fetcher } from "../types/index.ts";
import { UsageError } from "../util/errors.ts";
import type { CheckSiteOptions } from "./site.ts";

export type { RenderMode };
export const RENDER_MODES: readonly RenderMode[] = ["never", "auto", "always"];

export interface FetcherSetupOptions {
  /** The run's default mode; a site's own mode (forMode) overrides it. */
  mode: RenderMode;
  /** The static fetcher; default: an undici fetcher with `httpOptions`. */
  http?: Fetcher;
  httpOptions?: HttpFetcherOptions;
  /** Name resolution for the browser too (tests and the demo map names to 127.0.0.1). */
  lookup?: LookupFunction;
  browserOptions?: Partial<Omit<BrowserFetcherOptions, "executablePath" | "lookup">>;
  /** Chromium's path, or null for "none"; default: locateChromium(env). */
  chromium?: string | null;
  env?: NodeJS.ProcessEnv;
  /** The one warning about a missing browser (default: stderr). */
  warn?: (message: string) => void;
}

export interface RunFetchers {
  /** For sites without a mode of their own. */
  fetcher: Fetcher;
  /** For a site with its own mode (registry `render`); undefined = the run's mode. */
  forMode(mode: RenderMode | undefined): Fetcher;
  /** The browser alone (created on first use), or null without Chromium. */
  browser: Fetcher | null;
  /**
   * checkSite's `renderHome` hook for a site of this mode (undefined = the run's): the browser through the
   * run's politeness pool; undefined when the site is `never` or there is no browser.
   */
  homeRenderer(mode: RenderMode | undefined, pool: HostPool): CheckSiteOptions["renderHome"];
  chromium: string | null;
  /** True once a page was sent to the browser (it launched). */
  readonly browserUsed: boolean;
  close(): Promise<void>;
}

/**
 * Chromium for a run. An explicit NOK_CHROMIUM that does not exist means "no browser" rather than a silent
 * fallback to another one (findChromium would go on to the system paths): a wrong path must be noticed.
 */
export function locateChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.NOK_CHROMIUM?.trim();
  if (explicit) return existsSync(explicit) ? explicit : null;
  return findChromium({ env });
}

export function parseRenderMode(value: string): RenderMode {
  if ((RENDER_MODES as readonly string[]).includes(value)) return value as RenderMode;
  throw new UsageError(`неизвестный режим рендеринга «${value}»; допустимо: ${RENDER_MODES.join(", ")}`);
}

/** Refuses `always` without Chromium up front (a run must not start and then fail for it). */
export function assertRenderable(mode: RenderMode, chromium: string | null): void {
  if (mode === "always" && !chromium)
    throw new UsageError(
      `режим рендеринга «always» требует браузер, но Chromium не найден. ${CHROMIUM_INSTALL_HINT}`,
    );
}

/** Builds the fetchers; `always` without Chromium is a usage error, `auto` without it warns once and stays static. */
export function setupFetchers(options: FetcherSetupOptions): RunFetchers {
  const env = options.env ?? process.env;
  const chromium = options.chromium === undefined ? locateChromium(env) : options.chromium;
  assertRenderable(options.mode, chromium);

  const print = options.warn ?? ((m: string) => process.stderr.write(`внимание: ${m}\n`));
  let warned = false;
  const warnOnce = (m: string) => {
    if (warned) return;
    warned = true;
    print(m);
  };
  if (options.mode === "auto" && !chromium)
    warnOnce(
      `Chromium не найден: страницы, которые строятся скриптами, будут проверены без рендеринга. ${CHROMIUM_INSTALL_HINT}`,
    );

  const http =
    options.http ??
    createHttpFetcher({ ...options.httpOptions, ...(options.lookup ? { lookup: options.lookup } : {}) });
  let inner: (Fetcher & { close(): Promise<void> }) | null = null;
  const browser: Fetcher | null = chromium
    ? {
        name: "browser",
        fetch(url, fetchOptions) {
          inner ??= createBrowserFetcher({
            ...options.browserOptions,
            executablePath: chromium,
            // The browser's proxy resolves through this lookup: metadata and link-local stay unreachable.
            ...(options.lookup ? { lookup: guardedLookup(PRIVATE_SITE_POLICY, options.lookup) } : {}),
          });
          return inner.fetch(url, fetchOptions);
        },
      }
    : null;

  const byMode = new Map<RenderMode, Fetcher>();
  const forMode = (wanted: RenderMode | undefined): Fetcher => {
    let mode = wanted ?? options.mode;
    if (mode === "always" && !browser) {
      // A registry row asking for a browser must not stop a whole run: it degrades like `auto`.
      warnOnce(
        `для части сайтов указан режим «always», но Chromium не найден — они проверяются без рендеринга. ${CHROMIUM_INSTALL_HINT}`,
      );
      mode = "auto";
    }
    let f = byMode.get(mode);
    if (!f) {
      f = createRenderingFetcher({ http, browser: mode === "never" ? null : browser, mode, warn: warnOnce });
      byMode.set(mode, f);
    }
    return f;
  };

  return {
    fetcher: forMode(options.mode),
    forMode,
    browser,
    homeRenderer(mode, pool) {
      if (!browser || (mode ?? options.mode) === "never") return undefined;
      return (url, signal) =>
        pool.run(url, () => browser.fetch(url, signal ? { signal } : {}), signal ? { signal } : {});
    },
    chromium,
    get browserUsed() {
      return inner !== null;
    },
    async close() {
      // The rendering fetchers share these two: close each once, not through every wrapper.
      await Promise.all([options.http ? undefined : http.close?.(), inner?.close()]);
    },
  };
}

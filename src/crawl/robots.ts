import robotsParserModule from "robots-parser";
import type { CrawlError } from "../types/index.ts";
import { ROBOTS_AGENT } from "./defaults.ts";
import type { FetchFn } from "./fetch-fn.ts";

/** The robots.txt of one origin. */
export interface HostRobots {
  readonly origin: string;
  /**
   * `ok`: parsed; `missing`: 4xx, everything allowed; `error`: 5xx or 429, everything disallowed (RFC 9309
   * §2.3.1.4), or no answer at all (allowed, recorded: the home page's own fetch then tells whether the site is up).
   */
  readonly status: "ok" | "missing" | "error";
  readonly error: CrawlError | null;
  isAllowed(url: string): boolean;
  /** Crawl-delay in seconds for our agent (or `*`), if any. */
  crawlDelay(): number | undefined;
  sitemaps(): string[];
}

// The package is CommonJS with an ESM-style .d.ts: at run time the default import is the function itself.
type ParseRobots = typeof robotsParserModule.default;
const robotsParser: ParseRobots =
  (robotsParserModule as unknown as { default?: ParseRobots }).default ??
  (robotsParserModule as unknown as ParseRobots);

export interface RobotsOptions {
  /** Token matched against `User-agent` groups. */
  userAgent?: string;
  /** RFC 9309 §2.5: parse at least 500 KiB, ignore the rest. */
  maxBytes?: number;
}

const ALLOW_ALL = (origin: string, status: HostRobots["status"], error: CrawlError | null): HostRobots => ({
  origin,
  status,
  error,
  isAllowed: () => true,
  crawlDelay: () => undefined,
  sitemaps: () => [],
});

const DISALLOW_ALL = (origin: string, error: CrawlError): HostRobots => ({
  origin,
  status: "error",
  error,
  isAllowed: () => false,
  crawlDelay: () => undefined,
  sitemaps: () => [],
});

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Per-origin robots.txt, fetched once through the crawl's own fetch function and cached. */
export class RobotsCache {
  readonly #fetch: FetchFn;
  readonly #agent: string;
  readonly #maxBytes: number;
  readonly #loaded = new Map<string, HostRobots>();
  readonly #pending = new Map<string, Promise<HostRobots>>();

  constructor(fetch: FetchFn, options: RobotsOptions = {}) {
    this.#fetch = fetch;
    this.#agent = options.userAgent ?? ROBOTS_AGENT;
    this.#maxBytes = options.maxBytes ?? 500 * 1024;
  }

  /** The cached robots of the URL's origin, if already loaded. */
  peek(url: string): HostRobots | undefined {
    const origin = originOf(url);
    return origin === null ? undefined : this.#loaded.get(origin);
  }

  async forUrl(url: string): Promise<HostRobots> {
    const origin = originOf(url);
    if (origin === null) return ALLOW_ALL("", "missing", null);
    const done = this.#loaded.get(origin);
    if (done) return done;
    let pending = this.#pending.get(origin);
    if (!pending) {
      pending = this.#load(origin).then((robots) => {
        this.#loaded.set(origin, robots);
        this.#pending.delete(origin);
        return robots;
      });
      this.#pending.set(origin, pending);
    }
    return pending;
  }

  async #load(origin: string): Promise<HostRobots> {
    const robotsUrl = `${origin}/robots.txt`;
    const page = await this.#fetch(robotsUrl);
    if (page.status >= 400 && page.status < 500 && page.status !== 429) {
      return ALLOW_ALL(origin, "missing", null);
    }
    if (page.status >= 500 || page.status === 429) {
      // RFC 9309 §2.3.1.4: a server error on robots.txt means "assume complete disallow"; the site is then
      // `blocked` (its rules `unknown`), which is the truth: we were not allowed to read it.
      const error = page.error ?? { code: "http-5xx" as const, message: `HTTP ${page.status}` };
      return DISALLOW_ALL(origin, {
        code: "robots",
        message: `robots.txt: ${error.message}; by RFC 9309 a server error on robots.txt disallows the whole site`,
      });
    }
    if (page.status === 0) {
      const error = page.error ?? { code: "unknown" as const, message: "no answer" };
      return ALLOW_ALL(origin, "error", { code: error.code, message: `robots.txt: ${error.message}` });
    }
    const bytes = page.body ?? new Uint8Array();
    const text = new TextDecoder("utf-8").decode(bytes.subarray(0, this.#maxBytes));
    const parsed = robotsParser(robotsUrl, text);
    const agent = this.#agent;
    return {
      origin,
      status: "ok",
      error: null,
      isAllowed(url: string): boolean {
        // undefined means the URL is of another origin: not ours to judge.
        return parsed.isAllowed(url, agent) ?? true;
      },
      crawlDelay(): number | undefined {
        const delay = parsed.getCrawlDelay(agent);
        return typeof delay === "number" && Number.isFinite(delay) && delay > 0 ? delay : undefined;
      },
      sitemaps(): string[] {
        return parsed.getSitemaps();
      },
    };
  }
}

import type { CrawlRequest, LinkCandidate } from "../types/index.ts";
import { hasUnsupportedExtension } from "./content-kind.ts";
import { defaultPriority, type PriorityFn } from "./priority.ts";
import { PriorityHeap } from "./priority-heap.ts";
import type { Scope } from "./scope.ts";
import { normalizeUrl, requestUrl, urlKey } from "./url.ts";

export interface FrontierOptions {
  scope: Scope;
  maxDepth: number;
  priority?: PriorityFn;
  /** Non-relevant URLs accepted per URL pattern (digits folded): bounds calendars, archives, filters. */
  maxPerPattern?: number;
  /** Relevant (priority > 0) URLs may exceed maxPerPattern up to this many. */
  maxPerPatternRelevant?: number;
  /** Longest chain of same-pattern pages linking to each other (next month → next month → …). */
  maxPatternChain?: number;
  /** A path segment repeated more often than this marks a relative-link loop (`/a/b/a/b/a/`). */
  maxSegmentRepeat?: number;
  maxPathSegments?: number;
  maxUrlLength?: number;
  /** Memory bound on queued requests. */
  maxQueued?: number;
  /** Drop URLs whose extension marks a body nobody reads (images, video, archives). Default true. */
  skipUnsupported?: boolean;
}

export interface PushMeta {
  depth: number;
  referrer: string | null;
  source: CrawlRequest["source"];
  /** Added to the computed priority, kept across reprioritize (sitemap seeds get a negative bias). */
  bias?: number;
  /** A floor under the priority (the next pages of a relevant list take the list's), kept across reprioritize. */
  floor?: number;
}

export type PushRejection =
  | "invalid-url"
  | "out-of-scope"
  | "duplicate"
  | "depth"
  | "trap"
  | "unsupported"
  | "full";

/** A queued request; `linkTitle` keeps the anchor's `title` attribute, which CrawlRequest has no field for. */
export interface FrontierRequest extends CrawlRequest {
  linkTitle: string | null;
}

export type PushResult =
  | { accepted: true; request: FrontierRequest }
  | { accepted: false; reason: PushRejection };

interface Entry {
  request: FrontierRequest;
  link: LinkCandidate;
  bias: number;
  floor: number;
  seq: number;
}

/** `/events/2024/05/12/?month=5&year=2024` → `host/events/N/N/N/?month=N&year=N`: pages of one template. */
export function urlPattern(normalizedUrl: string): string {
  const u = new URL(normalizedUrl);
  const path = u.pathname.replace(/\d+/g, "N");
  const params = u.search
    .slice(1)
    .split("&")
    .filter((p) => p !== "")
    .map((p) => p.replace(/\d+/g, "N"))
    .sort();
  return `${u.host}${path}${params.length > 0 ? `?${params.join("&")}` : ""}`;
}

function hasRepeatingSegments(pathname: string, maxRepeat: number, maxSegments: number): boolean {
  const segments = pathname.split("/").filter((s) => s !== "");
  if (segments.length > maxSegments) return true;
  const counts = new Map<string, number>();
  for (const s of segments) {
    const n = (counts.get(s) ?? 0) + 1;
    if (n > maxRepeat) return true;
    counts.set(s, n);
  }
  return false;
}

/** A site's best-first request queue with dedup, scope, depth and crawler-trap guards. */
export class Frontier {
  readonly #scope: Scope;
  readonly #maxDepth: number;
  #priority: PriorityFn;
  readonly #maxPerPattern: number;
  readonly #maxPerPatternRelevant: number;
  readonly #maxPatternChain: number;
  readonly #maxSegmentRepeat: number;
  readonly #maxPathSegments: number;
  readonly #maxUrlLength: number;
  readonly #maxQueued: number;
  readonly #skipUnsupported: boolean;

  readonly #heap = new PriorityHeap<Entry>((a, b) => {
    if (a.request.priority !== b.request.priority) return b.request.priority - a.request.priority;
    if (a.request.depth !== b.request.depth) return a.request.depth - b.request.depth;
    return a.seq - b.seq;
  });
  /** Every key ever accepted or marked seen, with its pattern and same-pattern chain length. */
  readonly #seen = new Map<string, { pattern: string; chain: number }>();
  readonly #patternCounts = new Map<string, number>();
  /** Queued (not yet popped) entries by key, so a better link to a queued URL can upgrade it. */
  readonly #queued = new Map<string, Entry>();
  #seq = 0;
  readonly rejected: Record<PushRejection, number> = {
    "invalid-url": 0,
    "out-of-scope": 0,
    duplicate: 0,
    depth: 0,
    trap: 0,
    unsupported: 0,
    full: 0,
  };

  constructor(options: FrontierOptions) {
    this.#scope = options.scope;
    this.#maxDepth = options.maxDepth;
    this.#priority = options.priority ?? defaultPriority;
    this.#maxPerPattern = options.maxPerPattern ?? 50;
    this.#maxPerPatternRelevant = options.maxPerPatternRelevant ?? 4 * this.#maxPerPattern;
    this.#maxPatternChain = options.maxPatternChain ?? 10;
    this.#maxSegmentRepeat = options.maxSegmentRepeat ?? 2;
    this.#maxPathSegments = options.maxPathSegments ?? 15;
    this.#maxUrlLength = options.maxUrlLength ?? 2048;
    this.#maxQueued = options.maxQueued ?? 20_000;
    this.#skipUnsupported = options.skipUnsupported ?? true;
  }

  get size(): number {
    return this.#heap.size;
  }

  // A method, not a closure in push(): push runs for every link of every page.
  #reject(reason: PushRejection): PushResult {
    this.rejected[reason]++;
    return { accepted: false, reason };
  }

  push(candidate: LinkCandidate, meta: PushMeta): PushResult {
    // The request goes to the URL as linked; the normalised form only builds the key and the trap guards.
    const url = requestUrl(candidate.url, meta.referrer ?? undefined);
    const normalized = url === null ? null : normalizeUrl(url);
    if (url === null || normalized === null || url.length > this.#maxUrlLength)
      return this.#reject("invalid-url");
    if (!this.#scope.inScope(url)) return this.#reject("out-of-scope");
    const key = urlKey(normalized);
    const link: LinkCandidate = { ...candidate, url };
    const bias = meta.bias ?? 0;
    if (this.#seen.has(key)) {
      const queued = this.#queued.get(key);
      if (queued && meta.depth <= this.#maxDepth) this.#upgrade(queued, link, meta, bias);
      return this.#reject("duplicate");
    }
    if (meta.depth > this.#maxDepth) return this.#reject("depth");
    if (this.#skipUnsupported && hasUnsupportedExtension(url)) return this.#reject("unsupported");
    if (this.#heap.size >= this.#maxQueued) return this.#reject("full");

    const floor = meta.floor ?? Number.NEGATIVE_INFINITY;
    const priority = Math.max(this.#priority(link, meta.depth) + bias, floor);

    if (hasRepeatingSegments(new URL(normalized).pathname, this.#maxSegmentRepeat, this.#maxPathSegments)) {
      return this.#reject("trap");
    }
    const pattern = urlPattern(normalized);
    const referrerInfo = meta.referrer === null ? undefined : this.#seen.get(urlKey(meta.referrer));
    const chain = referrerInfo?.pattern === pattern ? referrerInfo.chain + 1 : 0;
    if (chain > this.#maxPatternChain) return this.#reject("trap");
    const count = this.#patternCounts.get(pattern) ?? 0;
    const cap = priority > 0 ? this.#maxPerPatternRelevant : this.#maxPerPattern;
    if (count >= cap) return this.#reject("trap");

    this.#patternCounts.set(pattern, count + 1);
    this.#seen.set(key, { pattern, chain });
    const request: FrontierRequest = {
      url,
      key,
      depth: meta.depth,
      priority,
      referrer: meta.referrer,
      linkText: candidate.text === "" && meta.source !== "link" ? null : candidate.text,
      linkContext: candidate.context ?? null,
      source: meta.source,
      linkTitle: candidate.title ?? null,
    };
    const entry: Entry = { request, link, bias, floor, seq: this.#seq++ };
    this.#heap.push(entry);
    this.#queued.set(key, entry);
    return { accepted: true, request };
  }

  /**
   * A queued URL found again through a better link (a menu item after a sitemap entry,
   * «Независимая оценка качества» after «Подробнее»): take the better link's text and priority.
   */
  #upgrade(entry: Entry, link: LinkCandidate, meta: PushMeta, bias: number): void {
    const floor = Math.max(entry.floor, meta.floor ?? Number.NEGATIVE_INFINITY);
    const priority = Math.max(this.#priority(link, meta.depth) + bias, floor);
    entry.floor = floor;
    // A sitemap entry is only an address: a link the page handler put below it (bias under the sitemap's:
    // another body's council, by its words) tells more, and takes its place.
    const demoted = meta.source === "link" && entry.request.source === "sitemap" && bias < entry.bias;
    if (priority <= entry.request.priority && !demoted) return;
    const req = entry.request;
    req.priority = priority;
    req.depth = Math.min(req.depth, meta.depth);
    req.referrer = meta.referrer;
    req.source = meta.source;
    req.linkText = link.text === "" && meta.source !== "link" ? null : link.text;
    req.linkContext = link.context ?? null;
    req.linkTitle = link.title ?? null;
    entry.link = link;
    entry.bias = bias;
    this.#heap.rebuild();
  }

  /** The highest-priority request (ties: shallower, then first queued). */
  pop(): FrontierRequest | undefined {
    const entry = this.#heap.pop();
    if (entry) this.#queued.delete(entry.request.key);
    return entry?.request;
  }

  /** Recompute queued priorities, e.g. after rules were decided and the cues changed. */
  reprioritize(priority?: PriorityFn): void {
    if (priority) this.#priority = priority;
    for (const entry of this.#heap.values()) {
      entry.request.priority = Math.max(
        this.#priority(entry.link, entry.request.depth) + entry.bias,
        entry.floor,
      );
    }
    this.#heap.rebuild();
  }

  /** Queued requests with a priority above 0 (or at least `from`). */
  pendingRelevant(from?: number): number {
    let n = 0;
    for (const entry of this.#heap.values()) {
      const p = entry.request.priority;
      if (from === undefined ? p > 0 : p >= from) n++;
    }
    return n;
  }

  /** The priority of the request pop() would return, or -Infinity when empty. */
  topPriority(): number {
    return this.#heap.peek()?.request.priority ?? Number.NEGATIVE_INFINITY;
  }

  /** Record a URL as fetched without queueing it (redirect targets); true when it was new. */
  markSeen(url: string): boolean {
    const normalized = normalizeUrl(url);
    if (normalized === null) return false;
    const key = urlKey(normalized);
    if (this.#seen.has(key)) return false;
    this.#seen.set(key, { pattern: urlPattern(normalized), chain: 0 });
    return true;
  }

  has(url: string): boolean {
    return this.#seen.has(urlKey(url));
  }
}

export function createFrontier(options: FrontierOptions): Frontier {
  return new Frontier(options);
}

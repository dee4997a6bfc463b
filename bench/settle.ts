/**
 * When did a crawl settle its verdicts? Replays a recorded crawl page by page: the verdicts after the first
 * k fetched URLs are the rules evaluated on those pages, with the crawl's own final summary (so coverage is
 * judged as at the end). The settle point is the smallest k from which on every rule's status equals the
 * reference statuses and stays equal to the end of the crawl; a crawl whose final statuses differ from the
 * reference never settles (its point is censored at the pages it fetched). Prefixes are probed every
 * STRIDE usable pages from the end, then page by page where they first differ.
 */
import { extractArtifacts } from "../src/extract/index.ts";
import { buildSiteView } from "../src/pipeline/site-view.ts";
import { evaluateRules } from "../src/rules/index.ts";
import type {
  CrawlSummary,
  Finding,
  PageArtifacts,
  RuleDef,
  SitePage,
  Sphere,
  Status,
} from "../src/types/index.ts";
import type { RecordingWriter } from "./recording-writer.ts";

export interface Replay {
  /** Fetched URLs (manifest entries) in order. */
  fetched: number;
  /** For each usable page: the 1-based index of its fetch, and the page as the rules see it. */
  pages: { at: number; page: SitePage }[];
}

/** Extractions by `hash url`: the same bytes at the same URL are extracted once across replays. */
export type ArtifactCache = Map<string, PageArtifacts>;

export const artifactKey = (hash: string, url: string): string => `${hash} ${url}`;

/** Re-extracts the usable pages of a recorded crawl (same usability test as checkSite). */
export async function replayCrawl(
  writer: RecordingWriter,
  cache: ArtifactCache = new Map(),
): Promise<Replay> {
  const pages: Replay["pages"] = [];
  for (const [i, e] of writer.entries.entries()) {
    const body = e.hash ? writer.body(e.hash) : undefined;
    if (!body || !e.hash || e.status < 200 || e.status >= 300 || e.contentKind === "other") continue;
    const key = artifactKey(e.hash, e.url);
    const artifacts =
      cache.get(key) ??
      (await extractArtifacts({
        url: e.url,
        finalUrl: e.finalUrl,
        contentKind: e.contentKind,
        headers: e.headers,
        body,
        truncated: e.truncated,
      }));
    cache.set(key, artifacts);
    pages.push({
      at: i + 1,
      page: { artifacts, snapshot: e.hash, depth: e.depth, linkText: e.linkText, referrer: e.referrer },
    });
  }
  return { fetched: writer.entries.length, pages };
}

export interface SettleInput {
  startUrl: string;
  replay: Replay;
  summary: CrawlSummary;
  rules: RuleDef[];
  asOf: string;
  sphere: Sphere | null;
  /** Rule id → the status the crawl must reach. */
  reference: Record<string, Status>;
}

export interface Settle {
  /** Fetched URLs until the verdicts settled (censored at `fetched` when they never did). */
  pages: number;
  settled: boolean;
  /** Statuses at the end of the crawl. */
  final: Record<string, Status>;
  /** Rules whose final status differs from the reference. */
  differs: string[];
}

function statuses(findings: Finding[]): Record<string, Status> {
  return Object.fromEntries(findings.map((f) => [f.rule, f.status]));
}

/**
 * Prefixes tested on the way back: a verdict that flips away and back within one stride is not seen
 * (the rules only add evidence as pages come, so in practice statuses move one way).
 */
const STRIDE = 16;

export function settlePoint(input: SettleInput): Settle {
  const { replay, rules, reference } = input;
  const ctx = { asOf: input.asOf, sphere: input.sphere };
  const verdictsAfter = (n: number) =>
    statuses(
      evaluateRules(
        buildSiteView(
          input.startUrl,
          replay.pages.slice(0, n).map((p) => p.page),
          input.summary,
        ),
        rules,
        ctx,
      ),
    );
  const matches = (v: Record<string, Status>) => rules.every((r) => v[r.id] === reference[r.id]);
  const final = verdictsAfter(replay.pages.length);
  const differs = rules.filter((r) => final[r.id] !== reference[r.id]).map((r) => r.id);
  if (differs.length > 0) return { pages: replay.fetched, settled: false, final, differs };
  // Walk back from the end in strides (evaluating every prefix is quadratic), then page by page inside the
  // stride where the verdicts last differed. Verdicts only change when a usable page is added.
  let n = replay.pages.length;
  while (n > 0) {
    const probe = Math.max(0, n - STRIDE);
    if (!matches(verdictsAfter(probe))) break;
    n = probe;
  }
  while (n > 0 && matches(verdictsAfter(n - 1))) n--;
  // Settled by the n-th usable page (or before any page: by the first fetch).
  const pages = n === 0 ? Math.min(1, replay.fetched) : replay.pages[n - 1]!.at;
  return { pages, settled: true, final, differs };
}

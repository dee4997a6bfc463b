import {
  type CrawlSeed,
  crawlSite,
  DEFAULT_SEARCH_CUES,
  DEFAULT_SETTLE,
  requestUrl,
  type SettleOptions,
} from "../crawl/index.ts";
import { siteScore } from "../findings/score.ts";
import { createPriority, evaluateRules, isDecided } from "../rules/index.ts";
import type { SnapshotWriter } from "../snapshot/index.ts";
import type {
  Conditional,
  CrawlBudget,
  CrawlRequest,
  CrawlSummary,
  FailedFetch,
  FetchedPage,
  Fetcher,
  Finding,
  LinkCandidate,
  ManifestEntry,
  PageArtifacts,
  RuleDef,
  SitePage,
  SiteResult,
  Sphere,
  TargetKind,
} from "../types/index.ts";
import { type CompactOptions, createPageCompactor, DEFAULT_COMPACT } from "./compact-page.ts";
import { type PreviousVerdicts, RerunConfirmation } from "./rerun-confirm.ts";
import {
  isAnotherBodysPage,
  leadsToAnotherBody,
  withOtherBodiesLast,
  withRelevanceFloor,
} from "./settle-section.ts";
import { siteHomes } from "./site-homes.ts";
import { rulesOfKind, sectionTestFor } from "./site-rules.ts";
import { buildSiteView } from "./site-view.ts";
import type { ArtifactCache } from "./state/cache.ts";
import { extractCached, pageBody } from "./stored-page.ts";

export interface SiteTarget {
  url: string;
  kind: TargetKind;
  sphere: Sphere | null;
  region: string | null;
  name: string | null;
}

export interface SiteProgress {
  site: string;
  pages: number;
  documents: number;
  errors: number;
  decided: number;
  rules: number;
  lastUrl: string;
  lastStatus: number;
  lastError: string | null;
}

export interface CheckSiteOptions {
  fetcher: Fetcher;
  // The politeness pool is shared by every site of a run; its type belongs to the crawl stage.
  pool: Parameters<typeof crawlSite>[1]["pool"];
  budget: CrawlBudget;
  rules: RuleDef[];
  weights: Record<string, number>;
  asOf: string;
  writer: SnapshotWriter;
  /** Previous snapshots by URL: conditional requests, and the body to reuse on 304. */
  previous?: Map<string, ManifestEntry>;
  readPrevious?: (hash: string) => Promise<Uint8Array>;
  /** Where an earlier run found evidence (and the rest of its crawl): crawled first. */
  seeds?: CrawlSeed[];
  /**
   * The previous run's verdicts and requests: the crawl stops once they are confirmed by unchanged pages
   * (rerun-confirm.ts). Until then, or a change, the rules are judged only when a confirmation is complete.
   */
  verdicts?: PreviousVerdicts | null;
  respectRobots?: boolean;
  /** Extraction results by (hash, URL); without it every body is extracted. */
  artifactCache?: ArtifactCache;
  onProgress?: (p: SiteProgress) => void;
  signal?: AbortSignal;
  /**
   * Renders the home page in a browser. Used once, when the home page came static and gave no in-scope link
   * of positive priority (a menu built by scripts that the shell heuristics missed); the rendered page replaces
   * the static one and its links feed the frontier. Absent: no such fallback (`render: never`, no Chromium).
   */
  renderHome?: (url: string, signal?: AbortSignal) => Promise<FetchedPage>;
  /** The site's own search, queried with these cues after the home page; default the НОК cues; false: off. */
  siteSearch?: { cues: readonly string[] } | false;
  /** Keep inert pages of a large site without their texts (compact-page.ts); default DEFAULT_COMPACT; false: off. */
  compact?: CompactOptions | false;
  /** Stop once the relevant places are read (crawl/settle.ts); default DEFAULT_SETTLE; false: every link in budget. */
  settle?: SettleOptions | false;
}

/** Added to `SiteResult.crawl`: pages whose body came from the browser (renderDecision «rendered…»). */
export type SiteCrawlWithRendering = SiteResult["crawl"] & { rendered: number };

/** Why the home page is re-rendered (recorded in the manifest as its renderDecision). */
const NO_CANDIDATES = "rendered: статическое меню не дало ссылок для обхода";

/** crawl → snapshot → extract → rules for one site; everything the network gave is stored before judging. */
export async function checkSite(target: SiteTarget, options: CheckSiteOptions): Promise<SiteResult> {
  const rules = rulesOfKind(options.rules, target.kind);
  const ctx = { asOf: options.asOf, sphere: target.sphere };
  const pages: SitePage[] = [];
  // What was asked for and not read: a rule may not call absent what it could not read.
  const fetches = { failed: [] as FailedFetch[], fetched: 0 };
  const undecided = new Set(rules.map((r) => r.id));
  let errors = 0;
  let documents = 0;
  let rendered = 0;
  let lastEvaluatedAt = 0;
  const settle = options.settle ?? DEFAULT_SETTLE;
  // Generic menus stay routes until the NOK section and the council's page were read (site-homes.ts).
  const homes = siteHomes(target.kind, target.sphere);
  const routes = settle ? { routesOpen: homes.routesOpen } : {};
  const openPriority = createPriority(rules, (id) => undecided.has(id), routes);
  const priority = withOtherBodiesLast(
    settle ? withRelevanceFloor(openPriority, rules, settle.relevantFrom, routes) : openPriority,
    target.sphere,
  );
  const isSection = settle ? sectionTestFor(rules, settle.sectionFrom) : () => false;
  let routesClosed = false;
  // The home page's accessibility toggles: their pages mirror the site's front, never a section of it.
  let toggleUrls: ReadonlySet<string> = new Set();
  const compactOptions = options.compact ?? DEFAULT_COMPACT;
  const compactor = compactOptions ? createPageCompactor(target.url, rules, ctx, compactOptions) : null;

  const evaluateNow = (summary: CrawlSummary): Finding[] =>
    evaluateRules(buildSiteView(target.url, pages, summary, fetches), rules, ctx);

  const refreshDecided = (): boolean => {
    // Only the rules still open: rules are judged one by one, and a decided rule stays decided.
    const open = rules.filter((r) => undecided.has(r.id));
    const view = buildSiteView(target.url, pages, provisionalSummary(target.url), fetches);
    const provisional = evaluateRules(view, open, ctx);
    let changed = false;
    for (const f of provisional) {
      if (isDecided(f) && undecided.delete(f.rule)) changed = true;
    }
    return changed;
  };

  const confirm = options.verdicts ? new RerunConfirmation(options.verdicts) : null;

  /** Stores the page, extracts a usable one into `pages`; returns its links. */
  const ingest = async (fetched: FetchedPage, req: CrawlRequest) => {
    const { page, body, hash, size, cached } = await pageBody(fetched, options);
    await options.writer.append(manifestEntry(target.url, page, req, hash, size));
    if (page.error && !(page.error.code === "too-large" && body)) errors++;
    if (page.renderDecision?.startsWith("rendered")) rendered++;

    let links: LinkCandidate[] = [];
    let section = false;
    let otherBodys = false;
    // A 304 reuses the stored body of an earlier 2xx answer: it is as usable as that answer was.
    const okStatus = (page.status >= 200 && page.status < 300) || page.notModified === true;
    // A bot wall's challenge may come with 200: it is stored (with its error) but never read as the site's content.
    const walled = page.error?.code === "bot-wall";
    // A body cut by a reset or a timeout is not what the site published: stored, never judged. (A body cut
    // at the size cap is marked truncated and read.)
    const readWhole = page.error === null || page.error.code === "too-large";
    const usable = Boolean(
      (body || cached) && hash && okStatus && !walled && readWhole && page.contentKind !== "other",
    );
    // A site-search query that fails is a shortcut not taken, not a page of the site left unread.
    if (req.source !== "search") {
      fetches.fetched++;
      if (!okStatus || walled || (page.error && !(page.error.code === "too-large" && body))) {
        const code = page.error?.code ?? (page.status >= 500 ? "http-5xx" : "http-4xx");
        fetches.failed.push({ url: page.url, code, linkText: req.linkText });
      }
    }
    if (hash && usable) {
      const artifacts = cached ?? (await extractCached(options.artifactCache, hash, page, body!));
      const sitePage: SitePage = {
        artifacts,
        snapshot: hash,
        depth: req.depth,
        linkText: req.linkText,
        referrer: req.referrer,
      };
      pages.push(compactor ? compactor.keep(sitePage, pages.length + 1) : sitePage);
      if (artifacts.kind !== "html") documents++;
      links = req.depth === 0 ? artifacts.links : withoutAccessibilityToggles(artifacts);
      otherBodys = isAnotherBodysPage(artifacts, req, target.sphere);
      section = isSection(artifacts, req) && !toggleUrls.has(req.url) && !otherBodys;
      if (section && settle && homes.observe(sitePage, req)) routesClosed = true;
    }
    return { page, hash, links, usable, section, otherBodys };
  };

  // While a re-run confirms the previous verdicts the rules are judged only when a confirmation is complete.
  let judging = confirm === null;
  let confirmed = false;

  const onPage = async (fetched: FetchedPage, req: CrawlRequest) => {
    const first = await ingest(fetched, req);
    const page = first.page;
    let { links, usable, section, otherBodys } = first;
    confirm?.observe({
      url: page.url,
      finalUrl: page.finalUrl,
      hash: first.hash,
      errorCode: page.error?.code ?? null,
    });
    if (
      options.renderHome &&
      usable &&
      req.depth === 0 &&
      req.referrer === null &&
      page.contentKind === "html" &&
      !page.renderDecision?.startsWith("rendered") &&
      !hasCandidates(page.finalUrl || page.url, links, priority)
    ) {
      const again = await options.renderHome(page.finalUrl || page.url, options.signal);
      if (!again.error && again.body && again.contentKind === "html") {
        // The home page is crawled alone, so the last page is its static version.
        pages.pop();
        ({ links, usable, section, otherBodys } = await ingest(
          { ...again, url: page.url, renderDecision: NO_CANDIDATES },
          req,
        ));
      }
    }
    let stop = confirmed;
    // The routes just closed: queued menu links lose their place among the relevant ones.
    let reprioritize = routesClosed;
    routesClosed = false;
    if (confirm && !judging && !confirmed && confirm.ready())
      stop = confirmed = confirm.confirms(evaluateNow(finishedSummary(target.url)));
    // A changed page, or verdicts that came out different: from here on a normal crawl, judged at once.
    const resumed = confirm !== null && !judging && !confirm.active;
    if (resumed) judging = true;
    // Judging costs grow with the pages read, so the gap between re-judgings grows too (every page at
    // first, then every 10 % of the pages read): the whole crawl stays near-linear instead of quadratic.
    const gap = pages.length < 40 ? 1 : Math.max(5, Math.floor(pages.length / 10));
    if (
      judging &&
      !confirmed &&
      (resumed || (usable && (page.contentKind !== "html" || pages.length - lastEvaluatedAt >= gap)))
    ) {
      lastEvaluatedAt = pages.length;
      reprioritize = refreshDecided() || resumed || reprioritize;
      stop = undecided.size === 0;
    }
    options.onProgress?.({
      site: target.url,
      pages: pages.length,
      documents,
      errors,
      decided: rules.length - undecided.size,
      rules: rules.length,
      lastUrl: page.finalUrl || page.url,
      lastStatus: page.status,
      lastError: page.error?.code ?? null,
    });
    // The home page's «version for the visually impaired»: a rule passes on the link and fails on what it shows.
    const toggles = req.depth === 0 ? pages.at(-1)?.artifacts.accessibility?.links : undefined;
    const relevant = toggles?.length ? new Set(toggles.map((l) => l.url)) : undefined;
    if (relevant) toggleUrls = relevant;
    // Another body's council page: what it lists is that body's (its menus are the home page's, queued already).
    const others = !settle
      ? []
      : otherBodys
        ? links
        : links.filter((l) => leadsToAnotherBody(l, target.sphere));
    const unrelated = others.length ? new Set(others.map((l) => l.url)) : undefined;
    return {
      links,
      stop,
      reprioritize,
      section,
      ...(relevant ? { relevant } : {}),
      ...(unrelated ? { unrelated } : {}),
    };
  };

  const started = Date.now();
  const home = requestUrl(target.url);
  const summary = await crawlSite(target.url, {
    fetcher: options.fetcher,
    budget: options.budget,
    pool: options.pool,
    priority,
    onPage,
    // The home page is always read whole: the crawl itself reads its body (the site-search form, a blank page).
    conditionalFor: (url: string) => (url === home ? undefined : conditionalFor(options.previous, url)),
    respectRobots: options.respectRobots ?? true,
    siteSearch: options.siteSearch ?? { cues: DEFAULT_SEARCH_CUES },
    settle,
    // While confirming, nothing new starts beside the previous run's pages: they may end the crawl.
    mayLaunchBeside: (p: number) => !confirm || p >= confirm.launchFloor(),
    ...(options.seeds ? { seeds: options.seeds } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  await options.writer.flush();

  const findings = evaluateNow(summary);
  const crawl: SiteCrawlWithRendering = {
    pages: summary.pages,
    documents: summary.documents,
    bytes: summary.bytes,
    errors: summary.errors,
    skippedByRobots: summary.skippedByRobots,
    budgetExhausted: summary.budgetExhausted,
    durationMs: summary.durationMs || Date.now() - started,
    rendered,
  };
  return {
    url: target.url,
    finalUrl: summary.finalUrl,
    kind: target.kind,
    region: target.region,
    sphere: target.sphere,
    name: target.name,
    status: summary.status,
    error: summary.siteError,
    crawl,
    score: siteScore(findings, options.weights),
    findings,
  };
}

/** Does the home page lead anywhere: an in-scope link (same host, www aside) the frontier would rank above 0? */
function hasCandidates(
  home: string,
  links: LinkCandidate[],
  priority: (l: LinkCandidate, depth: number) => number,
) {
  const host = hostOf(home);
  return links.some((l) => hostOf(l.url) === host && priority(l, 1) > 0);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

function conditionalFor(
  previous: Map<string, ManifestEntry> | undefined,
  url: string,
): Conditional | undefined {
  const prev = previous?.get(url);
  if (!prev?.hash) return undefined;
  const etag = prev.headers.etag;
  const lastModified = prev.headers["last-modified"];
  if (!etag && !lastModified) return undefined;
  return { previousHash: prev.hash, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/** A crawl stopped by its handler: coverage adequate, as the final summary of such a crawl says. */
function finishedSummary(url: string): CrawlSummary {
  return { ...provisionalSummary(url), budgetExhausted: false, pendingRelevant: 0, status: "ok" };
}

/** During the crawl coverage is never adequate yet: only `pass` can be decided early. */
function provisionalSummary(url: string): CrawlSummary {
  return {
    startUrl: url,
    finalUrl: url,
    pages: 0,
    documents: 0,
    bytes: 0,
    errors: 0,
    skippedByRobots: 0,
    budgetExhausted: true,
    budgetReason: null,
    pendingRelevant: 1,
    durationMs: 0,
    siteError: null,
    status: "partial",
  };
}

export function manifestEntry(
  site: string,
  page: FetchedPage,
  req: CrawlRequest,
  hash: string | null,
  size: number,
): ManifestEntry {
  return {
    site,
    url: page.url,
    key: req.key,
    finalUrl: page.finalUrl,
    status: page.status,
    headers: page.headers,
    hash,
    size,
    truncated: page.truncated,
    contentKind: page.contentKind,
    fetchedAt: page.fetchedAt,
    fetcher: page.fetcher,
    depth: req.depth,
    linkText: req.linkText,
    linkContext: req.linkContext ?? null,
    referrer: req.referrer,
    redirects: page.redirects,
    error: page.error,
    ...(page.notModified ? { notModified: true } : {}),
    ...(page.renderDecision ? { renderDecision: page.renderDecision } : {}),
  };
}

/**
 * Every page of a site usually links its own "version for the visually impaired" (`?special=Y`): following
 * them all doubles the crawl for nothing. The home page's toggle is enough to judge that rule.
 */
function withoutAccessibilityToggles(artifacts: PageArtifacts): LinkCandidate[] {
  const toggles = artifacts.accessibility?.links;
  if (!toggles || toggles.length === 0) return artifacts.links;
  const skip = new Set(toggles.map((l) => l.url));
  return artifacts.links.filter((l) => !skip.has(l.url));
}

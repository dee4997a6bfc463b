/**
 * Bounded memory per site (issue #13, part 2): a site's pages stay in memory until its rules are judged, and
 * a large site's pages are mostly news, events and service pages that no rule reads anything from. Such an
 * inert page is kept as what places it in the site (address, title, breadcrumbs, depth, the link that led
 * there, its own links — other pages' labels and the site's template come from them —, contacts, forms,
 * microdata) without its texts, headings and dates. Links repeated on every page (menus, footers) are shared
 * between pages, not copied.
 *
 * A page is inert when the rules, judged on it alone, find nothing: no rule passes or warns on it, none cites
 * it as evidence, and it holds no official documents. The home page, files and the pages of a small site are
 * always kept whole. The stored body (snapshot) keeps everything for an offline re-judge.
 */
import { evaluateRules } from "../rules/index.ts";
import type { CrawlSummary, ExtractedLink, RuleDef, SitePage, Sphere } from "../types/index.ts";
import { buildSiteView } from "./site-view.ts";

export interface CompactOptions {
  /** Pages read before compaction starts: small sites are judged on whole pages. Default 50. */
  after: number;
}

export const DEFAULT_COMPACT: CompactOptions = { after: 50 };

const ADEQUATE: CrawlSummary = {
  startUrl: "",
  finalUrl: "",
  pages: 1,
  documents: 0,
  bytes: 0,
  errors: 0,
  skippedByRobots: 0,
  budgetExhausted: false,
  budgetReason: null,
  pendingRelevant: 0,
  durationMs: 0,
  siteError: null,
  status: "ok",
};

export interface PageCompactor {
  /** The page as it is to be kept: itself, or its inert form. `read`: usable pages of the site so far. */
  keep(page: SitePage, read: number): SitePage;
  /** Pages kept in their inert form. */
  readonly compacted: number;
}

export function createPageCompactor(
  startUrl: string,
  rules: RuleDef[],
  ctx: { asOf: string; sphere: Sphere | null },
  options: CompactOptions = DEFAULT_COMPACT,
): PageCompactor {
  const shared = new Map<string, ExtractedLink>();
  const intern = (l: ExtractedLink): ExtractedLink => {
    const key = `${l.url}\u0000${l.text}\u0000${l.title ?? ""}\u0000${l.context ?? ""}\u0000${l.inNav}\u0000${l.download ?? ""}`;
    const hit = shared.get(key);
    if (hit) return hit;
    shared.set(key, l);
    return l;
  };
  let compacted = 0;

  const inert = (page: SitePage): boolean => {
    const a = page.artifacts;
    if (a.kind !== "html" || page.depth === 0 || a.documents?.length) return false;
    const findings = evaluateRules(buildSiteView(startUrl, [page], ADEQUATE), rules, ctx);
    return findings.every((f) => f.evidence.length === 0 && f.status !== "pass" && f.status !== "warn");
  };

  return {
    keep(page, read) {
      if (read <= options.after || !inert(page)) return page;
      compacted++;
      const a = page.artifacts;
      return {
        ...page,
        artifacts: {
          ...a,
          text: "",
          mainText: "",
          navText: "",
          headings: [],
          dates: [],
          links: a.links.map(intern),
        },
      };
    },
    get compacted() {
      return compacted;
    },
  };
}

/**
 * Where an authority site keeps its NOK material: the NOK section and the public council's page. Until both
 * were read, the generic menus («О министерстве», «Деятельность», «Подведомственные учреждения») are routes
 * the crawl must follow before it may stop on a `fail` — the section may sit behind them. Once both were read,
 * the relevant places are the list (#13): the sections and their material, the documents lists, the
 * site search, the links with a rule's words and the first candidates; a generic menu then only orders the
 * crawl (rules/priority.ts, PriorityOptions.routesOpen).
 *
 * Institution sites keep the routes open: their NOK page has no council beside it, and their menus are short.
 */
import { hasNokMention, isNewsAt, namesAnotherBodysCouncil, namesCouncil, pageName } from "../rules/index.ts";
import type { CrawlRequest, SitePage, Sphere, TargetKind } from "../types/index.ts";

export interface SiteHomes {
  /** A section page was read (settle-section.ts): is it one of the homes? True when the routes just closed. */
  observe(page: SitePage, req: CrawlRequest): boolean;
  /** Do generic menus still lead somewhere the crawl must read? */
  routesOpen(): boolean;
}

export function siteHomes(kind: TargetKind, sphere: Sphere | null): SiteHomes {
  let nok = false;
  let council = false;
  const open = () => kind !== "authority" || !nok || !council;
  return {
    observe(page, req) {
      if (!open() || page.artifacts.kind !== "html") return false;
      // A news item on the council's meeting is no council page: the council's own pages may still be behind
      // a menu.
      if (isNewsAt(page.artifacts.finalUrl || req.url, page)) return false;
      // Its own name (first heading, else title) and the link that led to it.
      const names = [pageName(page.artifacts), req.linkText ?? ""];
      // НОКО («независимая оценка качества образования») is another regime: hasNokMention leaves it out.
      if (!nok && names.some(hasNokMention)) nok = true;
      if (!council && names.some((n) => namesCouncil(n) && !namesAnotherBodysCouncil(n, sphere)))
        council = true;
      return !open();
    },
    routesOpen: open,
  };
}

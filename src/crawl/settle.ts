/**
 * When a site's crawl may stop although the frontier is not empty (issue #13, part 1): the verdicts are
 * settled once the places that could hold evidence were read — every queued link of a relevant priority
 * (a rule's cue or a navigation cue in its text, title, context or URL, the next pages of a relevant list,
 * the files a relevant page lists, the site-search results), and at least the first `minPages` requests in priority order (the top
 * candidates, whatever their wording: evidence behind «Подробнее» or «Материал» on a small site).
 *
 * What remains queued then is links no rule's cue points to, deep in the site. A rule that found nothing
 * in what was read says `fail` with adequate coverage: the crawl did not run out of budget, it ran out of
 * relevant places. A crawl cut by its budget while relevant links were still queued still reports them
 * (coverage inadequate, absence unproven: `unknown`).
 */

import { isDocumentKind, kindFromExtension } from "./content-kind.ts";

export interface SettleOptions {
  /** A queued request with at least this priority is a relevant place: the crawl reads it before it stops. */
  relevantFrom: number;
  /** Requests launched in priority order before the crawl may stop on settle (site search queries count). */
  minPages: number;
  /**
   * A page reached through a link of at least this priority (a rule's words in its text: the NOK section, a
   * documents list) is a section: its own links (not the menus, not what the home page links) are relevant
   * whatever their wording — «НОК 2025», «Скачать (PDF, 24 Кб)», «Подробнее».
   */
  sectionFrom: number;
  /**
   * The floor under a section's content links and the links the handler marks relevant (default
   * `relevantFrom`). Above what a navigation cue alone gives a link (3 − depth, rules/priority.ts): the
   * section's own material is read before the site's generic menus. It orders the relevant places; which
   * places are relevant does not change.
   */
  childFrom?: number;
}

/**
 * Relevant from priority 1: generic links score 0.5 (depth ≤ 1, outside navigation) or 0.25 and less; a
 * link whose words, context or URL match an open rule's cue scores ≥ 1 at any depth the budget allows
 * (see rules/priority.ts), and so does a navigation cue («Деятельность», «Документы», …) up to depth 2.
 */
export const DEFAULT_SETTLE: SettleOptions = { relevantFrom: 1, minPages: 10, sectionFrom: 8, childFrom: 3 };

/**
 * Under the priority of a link the page handler calls unrelated (PageOutcome.unrelated): whatever its words,
 * it is read after every relevant place and every generic link, and only when the budget allows.
 */
export const UNRELATED_BIAS = -100;

/** May the crawl launch this request now, or is it only a leftover of a settled crawl? */
export function mayLaunch(settle: SettleOptions | null, launched: number, priority: number): boolean {
  return settle === null || launched < settle.minPages || priority >= settle.relevantFrom;
}

/**
 * The floor under a link found on a page: `relevantFrom` for the content links of a section (the page
 * handler says which pages are: see SettleOptions.sectionFrom), none otherwise. `homeTargets`: the home
 * page's links (the site's front and template, not the section's own material).
 */
export function sectionChildFloor(
  settle: SettleOptions | null,
  section: boolean,
  link: { url: string; inNav?: boolean },
  homeTargets: ReadonlySet<string>,
  referrerPriority = Number.NEGATIVE_INFINITY,
): number | undefined {
  if (settle === null) return undefined;
  // A file listed on a relevant page (a documents list): an act there may be the evidence, or unreadable.
  // In a section it is the section's own material (childFrom).
  if (referrerPriority >= settle.relevantFrom && isDocumentKind(kindFromExtension(link.url) ?? "other"))
    return section ? childFloor(settle) : settle.relevantFrom;
  if (!section) return undefined;
  if (link.inNav || homeTargets.has(link.url.replace(/#.*$/, ""))) return undefined;
  return childFloor(settle);
}

/** The floor under a link that is relevant because of where it sits, not its words (SettleOptions.childFrom). */
export function childFloor(settle: SettleOptions): number {
  return Math.max(settle.relevantFrom, settle.childFrom ?? settle.relevantFrom);
}

/**
 * Focused crawling: a link's priority from how well its words and URL match the cues of the rules
 * still undecided, plus navigation cues that lead there, minus depth. Obviously irrelevant links
 * (pagination, calendars, galleries, print versions, search, login, social networks) score ≤ 0, so
 * they are fetched only if the budget allows.
 */

import type { Finding, LinkCandidate, RuleDef } from "../types/index.ts";
import { compiledCheck } from "./engine.ts";
import { namesAnotherRegime } from "./nok.ts";
import { slugWords } from "./slug-words.ts";
import { type CompiledPhrase, compileAll, hasAny, indexOf } from "./text.ts";
import { vocabulary } from "./vocabulary.ts";

export type PriorityFn = (link: LinkCandidate, depth: number) => number;

interface RuleCues {
  id: string;
  phrases: CompiledPhrase[];
  /**
   * Single common words («результаты», «оценка», «состав»): a route in a menu item or as the name at a
   * document link's head, not inside a headline («Доклад о результатах …»).
   */
  words: CompiledPhrase[];
  urlFragments: string[];
}

/** A cue of one lowercase word without digits; abbreviations («НОК») and numbers («392-ФЗ») stay strong. */
const isCommonWord = (phrase: string): boolean => !/\s/.test(phrase.trim()) && !/[A-ZА-ЯЁ0-9]/.test(phrase);

/** Menus that lead to NOK material on authority sites (design.md §4): always routes. */
const NAV_CUES = compileAll(vocabulary("navigation", "cues"));
/** Generic menus («О министерстве», «Деятельность»): routes while PriorityOptions.routesOpen says so. */
const GENERIC_ROUTES = compileAll(vocabulary("navigation", "generic-routes"));
/** What a menu word adds to a link (3 − depth: a relevant place up to depth 2, see crawl/settle.ts). */
const ROUTE_SCORE = 3;
/**
 * What a generic menu word adds once its routes are closed (PriorityOptions.routesOpen): above a generic
 * link at depth 1 (0.75 > 0.5), below a relevant place — it orders the crawl, it does not hold it up.
 */
const ROUTE_HINT_SCORE = 1.75;
/**
 * A menu item is a few words («О министерстве», «Все направления деятельности»); a news headline or a
 * document's title that mentions «министерство» or «учреждения» is no route to a section.
 */
const MENU_WORDS = 3;

const IRRELEVANT_URL: RegExp[] = [
  /[?&](pagen_\d+|page|p|start|offset)=\d+/i,
  /\/page\/\d+/i,
  /calendar|kalendar|[?&](date|day|month)=/i,
  /foto|photo|gallery|galere|galery|\/video\b/i,
  /[?&]print=|\/print\/|version=print/i,
  /\/search\b|[?&](q|s|search|query)=/i,
  /\/(login|logout|auth|register|personal)\b/i,
  /\/rss\b|\.rss$|\/feed\b/i,
  /\.(jpe?g|png|gif|svg|webp|mp4|avi|mp3|ics)(\?|$)/i,
  /^https?:\/\/([^/]+\.)?(vk\.com|ok\.ru|t\.me|youtube\.com|rutube\.ru|dzen\.ru|twitter\.com|facebook\.com|max\.ru)/i,
  /[?&](sort|order|lang)=/i,
];
const IRRELEVANT_TEXT = compileAll(vocabulary("navigation", "irrelevant"));
const DOCUMENT_URL = /\.(pdf|docx?|xlsx?|rtf|odt|ods)(\?|#|$)/i;

/** Compiled once per rule: every site of a national run builds its priorities from the same rule set. */
const compiledCues = new WeakMap<RuleDef, RuleCues>();

function cuesOf(rule: RuleDef): RuleCues {
  let cues = compiledCues.get(rule);
  if (!cues) {
    cues = compileCues(rule);
    compiledCues.set(rule, cues);
  }
  return cues;
}

function compileCues(rule: RuleDef): RuleCues {
  try {
    const check = compiledCheck(rule);
    const c = check.type.cues?.(check.params) ?? { phrases: [], urlFragments: [] };
    return {
      id: rule.id,
      phrases: compileAll(c.phrases.filter((p) => !isCommonWord(p))),
      words: compileAll(c.phrases.filter(isCommonWord)),
      urlFragments: c.urlFragments.map((f) => f.toLowerCase()),
    };
  } catch {
    return { id: rule.id, phrases: [], words: [], urlFragments: [] };
  }
}

function urlText(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.pathname + u.search).toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

export interface PriorityOptions {
  /**
   * Rank links worded as another regime (НОКО «независимая оценка качества образования») last among the
   * relevant places: still read before a `fail`, never before the NOK material. Default true; the section
   * test keeps the full score, so which pages are sections does not change.
   */
  rankOtherRegimesLast?: boolean;
  /**
   * Do generic menu words («О министерстве», «Деятельность») still make a link a route, a relevant place?
   * Default always; the site pipeline closes them once the places they lead to were read
   * (pipeline/site-homes.ts). The council, NOK and documents menus stay routes.
   */
  routesOpen?: () => boolean;
}

export function createPriority(
  rules: RuleDef[],
  isUndecided: (ruleId: string) => boolean,
  options: PriorityOptions = {},
): PriorityFn {
  const cues = rules.map(cuesOf);
  const demote = options.rankOtherRegimesLast ?? true;
  const routesOpen = options.routesOpen ?? (() => true);
  return (link, depth) => {
    const open = cues.filter((c) => isUndecided(c.id));
    if (open.length === 0) return 0;
    const label = [link.text, link.title ?? ""].join(" ").trim();
    // A link without words (a banner) is named by its address.
    const name = label || slugWords(link.url);
    const words = indexOf(name);
    const context = link.context ? indexOf(link.context) : null;
    const path = urlText(link.url);
    const menuLike = isMenuLike(link, name);
    // In a longer name a common word counts as the document's name at its head («Протокол № 3 от …»).
    const lead = menuLike ? words : indexOf(name.split(/\s+/, 1)[0] ?? "");
    let score = 0;
    for (const c of open) {
      let s = 0;
      if (hasAny(words, c.phrases, 2) || hasAny(lead, c.words, 2)) s = 10;
      else if (context && hasAny(context, c.phrases, 2)) s = 4;
      if (c.urlFragments.some((f) => path.includes(f))) s = Math.max(s, 6);
      score += s;
    }
    score = Math.min(score, 40);
    // A route is a menu item; an address (a banner's, a sitemap entry's) is not one.
    if (menuLike && label) {
      if (hasAny(words, NAV_CUES, 1)) score += ROUTE_SCORE;
      else if (hasAny(words, GENERIC_ROUTES, 1)) score += routesOpen() ? ROUTE_SCORE : ROUTE_HINT_SCORE;
    }
    const irrelevant = IRRELEVANT_URL.some((re) => re.test(link.url)) || hasAny(words, IRRELEVANT_TEXT, 0);
    if (irrelevant && score < 10) return -5 - depth;
    if (score === 0) return depth <= 1 && !link.inNav ? 0.5 : depth <= 1 ? 0.25 : 0;
    if (DOCUMENT_URL.test(link.url)) score += 4;
    const p = Math.max(0.5, score - depth);
    return demote && p > 1 && namesAnotherRegime(words) ? 1 : p;
  };
}

function isMenuLike(link: LinkCandidate, name: string): boolean {
  const label = link.text.trim() || (link.title ?? "").trim() || name;
  return label.split(/\s+/).length <= MENU_WORDS;
}

/** A rule is decided (no need to crawl on for it) when it passed or does not apply. */
export function isDecided(finding: Finding): boolean {
  return finding.status === "pass" || finding.status === "n/a";
}

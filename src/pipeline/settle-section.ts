/**
 * Settle (crawl/settle.ts) needs to know which pages are sections — the NOK section, a documents list, the
 * council's page — whose own links are relevant whatever their wording. A page is a section when the link
 * that led to it carried a rule's words, or when its own name (title, first heading, address) does, for any
 * rule of the site: a sitemap entry or a link «Подробнее» may lead to the NOK section too, and the section
 * stays a section after the rule about it passed.
 */
import {
  createPriority,
  mayNameCouncil,
  namesAnotherBodysCouncil,
  type PriorityFn,
  type PriorityOptions,
  pageName,
} from "../rules/index.ts";
import type { CrawlRequest, LinkCandidate, PageArtifacts, RuleDef, Sphere } from "../types/index.ts";
import { StringMemo } from "../util/memo.ts";

export type SectionTest = (artifacts: PageArtifacts, req: CrawlRequest) => boolean;

export function createSectionTest(rules: RuleDef[], sectionFrom: number): SectionTest {
  const anyRule: PriorityFn = createPriority(rules, () => true, { rankOtherRegimesLast: false });
  return (artifacts, req) => {
    if (artifacts.kind !== "html" || req.depth === 0) return false;
    if (Number.isFinite(req.priority) && req.priority >= sectionFrom) return true;
    const h1 = artifacts.headings.find((h) => h.level === 1)?.text ?? "";
    const name = h1 || artifacts.title;
    // Scored as a link one click deep: the page's own name in place of an anchor text.
    return anyRule({ url: artifacts.finalUrl || artifacts.url, text: name }, 1) >= sectionFrom;
  };
}

/**
 * The crawl's priority under settle: the cues of the rules still open order the frontier, but a link that a
 * rule already decided would follow (a «НОК» menu item after the NOK section rule passed) stays a relevant place
 * — at least `relevantFrom` — so the crawl does not stop before the places where the other rules' evidence sits.
 */
export function withRelevanceFloor(
  open: PriorityFn,
  rules: RuleDef[],
  relevantFrom: number,
  options: PriorityOptions = {},
): PriorityFn {
  const anyRule = createPriority(rules, () => true, options);
  return (link, depth) => {
    const p = open(link, depth);
    if (p >= relevantFrom) return p;
    return anyRule(link, depth) >= relevantFrom ? relevantFrom : p;
  };
}

/** Below every relevant place and every generic link: read only when the budget allows all the rest. */
const OTHER_BODY_PRIORITY = -5;

/** The words a link is known by: its anchor text and title. */
const linkName = (link: LinkCandidate): string => (link.title ? `${link.text} ${link.title}` : link.text);

/**
 * Per link name and sphere: the handler asks for every link of a page and the priority again on every push and
 * reprioritize, and a site's menus repeat the same names on every page.
 */
const anotherBodyMemo = new StringMemo<boolean>();

/** Does the link lead to another body's council (namesAnotherBodysCouncil), by its own words? */
export function leadsToAnotherBody(link: LinkCandidate, sphere: Sphere | null): boolean {
  const name = linkName(link);
  // Most names cannot name a council at all: no memo entry for them.
  if (!mayNameCouncil(name)) return false;
  return anotherBodyMemo.get(`${sphere ?? ""}\u0000${name}`, () => namesAnotherBodysCouncil(name, sphere));
}

/**
 * The crawl's priority with another body's council put last: what it holds and lists is no evidence for the
 * site's sphere (the council rules reject it), so no rule's words — nor a section around it — make it a
 * relevant place.
 */
export function withOtherBodiesLast(priority: PriorityFn, sphere: Sphere | null): PriorityFn {
  return (link, depth) =>
    leadsToAnotherBody(link, sphere) ? OTHER_BODY_PRIORITY - depth : priority(link, depth);
}

/** A page that is another body's council, by the link that led to it or its own heading. */
export function isAnotherBodysPage(
  artifacts: PageArtifacts,
  req: CrawlRequest,
  sphere: Sphere | null,
): boolean {
  if (req.depth === 0) return false;
  if (req.linkText && namesAnotherBodysCouncil(req.linkText, sphere)) return true;
  return artifacts.kind === "html" && namesAnotherBodysCouncil(pageName(artifacts), sphere);
}

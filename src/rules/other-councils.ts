/** Whose council a name is: the sphere's own, or another body's («… при министерстве транспорта»). */

import type { Sphere } from "../types/index.ts";
import { contentReferrers, type Hit, pageLabelTexts } from "./match.ts";
import { hasNokMention } from "./nok.ts";
import type { Item } from "./site-model.ts";
import {
  type CompiledPhrase,
  compileAll,
  findEvery,
  findFirst,
  hasAny,
  indexOf,
  type PhraseMatch,
  type TokenIndex,
  textAfter,
} from "./text.ts";
import { vocabulary } from "./vocabulary.ts";

// Words of the spheres, to tell the sphere's own council from another ministry's on a shared portal.
const SPHERE_WORDS: Record<Sphere, CompiledPhrase[]> = {
  social: compileAll(vocabulary("spheres", "social")),
  health: compileAll(vocabulary("spheres", "health")),
  culture: compileAll(vocabulary("spheres", "culture")),
  education: compileAll(vocabulary("spheres", "education")),
  sport: compileAll(vocabulary("spheres", "sport")),
};
const PHYSICAL_CULTURE = compileAll(vocabulary("spheres", "physical-culture"));
const PHYSICAL_WORDS = /физическ\p{L}*\s+культур\p{L}*/giu;
const CULTURE_ALONE = /(?<!\p{L})культур\p{L}*/iu;

/**
 * A council named for another body: «… при министерстве транспорта», or (when the sphere is known)
 * a ministry of another sphere without the sphere's own words. NOK wording settles it the other way.
 */
export function unrelatedCouncil(
  hit: Hit,
  unrelated: readonly CompiledPhrase[],
  sphere: Sphere | null,
): string | null {
  const long = hit.text.length > 2000;
  const idx = indexOf(long ? hit.text.slice(hit.match.start, hit.match.end + 400) : hit.text);
  return unrelatedAfter(idx, hit.match.end - (long ? hit.match.start : 0), unrelated, sphere);
}

/** Whose council the words after a position name: another body's, or null (ours, or not said). */
function unrelatedAfter(
  idx: TokenIndex,
  end: number,
  unrelated: readonly CompiledPhrase[],
  sphere: Sphere | null,
): string | null {
  // The council's name ends with its sentence: «… «Козельский район» Во исполнение … дорожной карты»
  // names no road council.
  const window = textAfter(idx, end, 14).split(/[.;!?\n]\s|\s(?=(?:В|Во|На|В целях|В соответствии)\s)/u)[0]!;
  if (!window) return null;
  if (hasNokMention(window)) return null;
  const w = indexOf(window);
  const bad = findFirst(w, unrelated, 1);
  const ownAt = sphere ? findFirst(w, SPHERE_WORDS[sphere], 1) : null;
  // «физической культуры» is sport; «Управление культуры, физической культуры и спорта» is culture too.
  const physical =
    sphere === "culture" &&
    hasAny(w, PHYSICAL_CULTURE, 0) &&
    !CULTURE_ALONE.test(window.replace(PHYSICAL_WORDS, " "));
  // «при отделе культуры администрации района»: the first body named is the council's.
  if (bad && !(ownAt && !physical && ownAt.start < bad.start)) return window;
  if (sphere) {
    const own = ownAt !== null && !physical;
    if (own) return null;
    for (const [other, words] of Object.entries(SPHERE_WORDS) as [Sphere, CompiledPhrase[]][]) {
      if (other === sphere) continue;
      if (hasAny(w, words, 1)) return window;
    }
  }
  return null;
}

const COUNCIL_NAME = compileAll(vocabulary("spheres", "council-name"));

/**
 * The council an item belongs to, when its own names or the pages that link to it name another
 * body's council: the «Состав» tab of «Общественный совет при управлении дорожного хозяйства».
 */
export function unrelatedByContext(
  item: Item,
  unrelated: readonly CompiledPhrase[],
  sphere: Sphere | null,
): string | null {
  const texts: string[] = item.labels.map((l) => l.text);
  for (const l of item.labels) if (l.after) texts.push(l.after.slice(0, 300));
  // A file linked from a page about a council (a news item on its meeting) belongs to the council that
  // page's text names first.
  for (const p of contentReferrers(item)) {
    texts.push(...pageLabelTexts(p));
    if (!item.page && p.artifacts.kind === "html") texts.push(p.artifacts.mainText.slice(0, 600));
  }
  if (item.page?.artifacts.kind === "html") texts.push(item.page.artifacts.mainText.slice(0, 400));
  for (const t of texts) {
    const idx = indexOf(t.length > 2000 ? t.slice(0, 2000) : t);
    for (const m of findEvery(idx, COUNCIL_NAME, 0)) {
      const w = unrelatedAfter(idx, m.end, unrelated, sphere);
      if (w) return w;
    }
  }
  return null;
}

const OTHER_BODY_COUNCILS = compileAll(vocabulary("other-bodies", "councils"));
const COUNCIL_STEM = /совет/i;

/** A cheap first test: a name without «совет» names no council. */
export function mayNameCouncil(name: string): boolean {
  return COUNCIL_STEM.test(name);
}

/** The council names in a name (its first 400 characters), with its index; null without any. */
function councilNames(name: string): { idx: TokenIndex; at: PhraseMatch[] } | null {
  if (!mayNameCouncil(name)) return null;
  const idx = indexOf(name.length > 400 ? name.slice(0, 400) : name);
  const at = findEvery(idx, COUNCIL_NAME, 0);
  return at.length ? { idx, at } : null;
}

/**
 * A link or page named for another body's council («Общественный совет при Управлении дорожного хозяйства»
 * on a culture ministry's site): the council rules reject what it holds (unrelatedCouncil), so the crawl has
 * no reason to read it, nor what it lists.
 */
export function namesAnotherBodysCouncil(name: string, sphere: Sphere | null): boolean {
  const found = councilNames(name);
  if (!found) return false;
  // A name that says the sphere's words anywhere («Общественные советы при министерствах транспорта и
  // культуры») may be a list of councils with the sphere's among them: read it.
  if (sphere && hasAny(found.idx, SPHERE_WORDS[sphere], 1)) return false;
  return found.at.some((m) => unrelatedAfter(found.idx, m.end, OTHER_BODY_COUNCILS, sphere) !== null);
}

/** Does a name name a public council («Общественный совет», «Общественные советы», «… общественного совета»)? */
export function namesCouncil(name: string): boolean {
  return councilNames(name) !== null;
}

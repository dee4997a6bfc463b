/**
 * What counts as a mention of НОК (независимая оценка качества условий оказания услуг), and what
 * only looks like one: НОКО «независимая оценка качества образования» (273-ФЗ ст. 95, a different
 * regime), «независимая оценка квалификации» (also abbreviated НОК), the Olympic committee.
 * Requirements §3A AUTH-13 and §6.
 */

import type { Sphere } from "../types/index.ts";
import {
  type CompiledPhrase,
  compileAll,
  findEvery,
  hasAny,
  indexOf,
  type PhraseMatch,
  stemAfter,
  type TokenIndex,
  tokenAt,
} from "./text.ts";
import { vocabulary } from "./vocabulary.ts";

/** Full wordings of the regime across its periods (R2013, R256, R392). */
export const NOK_LONG_PHRASES = vocabulary("nok", "long");
/** Abbreviations; ambiguous on their own (квалификации, олимпийский комитет), so checked against the text. */
export const NOK_ABBREVIATIONS = vocabulary("nok", "abbreviations");

/** In education only these make a mention NOK of conditions rather than НОКО. */
export const EDUCATION_QUALIFIERS = vocabulary("nok", "education-qualifiers");

const LONG = compileAll(NOK_LONG_PHRASES);
const ABBR = compileAll(NOK_ABBREVIATIONS);
const EDU = compileAll(EDUCATION_QUALIFIERS);
/** Signs that «НОК» in this text means something else. */
const OTHER_NOK = compileAll(vocabulary("nok", "other-nok"));
/** Stems right after «НОК» that make it «независимая оценка квалификации». */
const QUALIFICATION_NEXT = new Set(["работник", "специалист", "квалификац", "выпускник", "соискател"]);
/** Stems right after «независимая оценка качества» that make it НОКО. */
const NOKO_NEXT = new Set(["образован", "подготовк", "обучен", "знан", "освоен"]);

export interface NokMention {
  match: PhraseMatch;
  /** The mention itself names conditions of educational activity (НОК УООД). */
  educationQualified: boolean;
}

/** The text uses the regime's full wording but means another one (НОКО, «оценка квалификации»). */
export function namesAnotherRegime(index: TokenIndex): boolean {
  return hasAny(index, LONG, 1) && nokMentions(index).length === 0;
}

const mentionCache = new WeakMap<TokenIndex, NokMention[]>();

/** Valid NOK mentions in an indexed text (НОКО and «оценка квалификации» left out). */
export function nokMentions(index: TokenIndex): NokMention[] {
  let hit = mentionCache.get(index);
  if (!hit) {
    hit = computeMentions(index);
    mentionCache.set(index, hit);
  }
  return hit;
}

function computeMentions(index: TokenIndex): NokMention[] {
  const out: NokMention[] = [];
  for (const m of findEvery(index, LONG, 1)) {
    const next = stemAfter(index, m.end);
    if (next && NOKO_NEXT.has(next)) continue;
    // «независимая оценка качества условий осуществления образовательной деятельности»
    const from = tokenAt(index, m.end);
    const tail = index.stems.slice(from, from + 4).join(" ");
    out.push({ match: m, educationQualified: /услов.*образовательн|образовательн деятельн/.test(tail) });
  }
  const abbr = findEvery(index, ABBR, 0);
  if (abbr.length > 0) {
    // «НОК» is trusted unless the text speaks of qualifications or the Olympic committee without
    // any full NOK wording (a long wording anywhere settles what the abbreviation means here).
    const ambiguous = out.length === 0 && hasAny(index, OTHER_NOK, 1);
    if (!ambiguous)
      for (const m of abbr) {
        const word = index.text.slice(m.start, m.end).toLowerCase();
        // «НОК работников», «НОК специалистов»: an assessment of people's qualifications.
        const next = stemAfter(index, m.end);
        if (next && QUALIFICATION_NEXT.has(next)) continue;
        // The stemmer turns НОКО (оценка качества образования) into «нок»: the written word decides.
        if (/^ноко/.test(word)) continue;
        out.push({ match: m, educationQualified: /уоо?д|ноку/.test(word) });
      }
  }
  return dedupe(out);
}

function dedupe(list: NokMention[]): NokMention[] {
  list.sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end);
  const out: NokMention[] = [];
  for (const m of list) {
    const last = out[out.length - 1];
    if (last && m.match.start < last.match.end) continue;
    out.push(m);
  }
  return out;
}

export function hasNokMention(text: string): boolean {
  return text.length > 0 && nokMentions(indexOf(text)).length > 0;
}

/** True when a text carries wording that makes education NOK the conditions regime (95.2). */
export function hasEducationQualifier(index: TokenIndex): boolean {
  return hasAny(index, EDU, 1);
}

/**
 * Does a set of texts (an item's labels, body, its referrers' labels) establish NOK context?
 * In education a plain «независимая оценка качества» needs a 95.2 / «условий осуществления
 * образовательной деятельности» / УООД wording somewhere in the same set.
 */
export function nokContext(indexes: readonly TokenIndex[], sphere: Sphere | null): NokMention | null {
  let first: NokMention | null = null;
  let qualified = false;
  for (const idx of indexes) {
    const ms = nokMentions(idx);
    if (ms.length > 0 && !first) first = ms[0]!;
    if (ms.some((m) => m.educationQualified)) qualified = true;
    if (sphere === "education" && !qualified && hasEducationQualifier(idx)) qualified = true;
    if (first && (sphere !== "education" || qualified)) return first;
  }
  return sphere === "education" && !qualified ? null : first;
}

export const NOK_CUE_PHRASES: readonly string[] = [...NOK_LONG_PHRASES, "нок", "ноку", "нок уоод"];
export type { CompiledPhrase };

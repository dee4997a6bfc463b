/**
 * Coverage-aware absence: a rule may say `fail` only when the places most likely to hold its evidence
 * were read. A site where a large share of requests failed, or where a request whose link names the
 * rule's subject failed, leaves the absence unproven — `unknown`, with the counts.
 */
import type { RuleDef, SiteView } from "../types/index.ts";
import { type CompiledPhrase, compileAll, findFirstIn } from "./text.ts";

/** At or above this share of failed requests, absence is not proven anywhere on the site. */
export const FAILED_SHARE_LIMIT = 0.2;

const cueCache = new WeakMap<RuleDef, { phrases: CompiledPhrase[]; fragments: string[] }>();

function cuesOf(
  rule: RuleDef,
  raw: () => { phrases: string[]; urlFragments: string[] },
): { phrases: CompiledPhrase[]; fragments: string[] } {
  let hit = cueCache.get(rule);
  if (!hit) {
    const c = raw();
    hit = { phrases: compileAll(c.phrases), fragments: c.urlFragments.map((f) => f.toLowerCase()) };
    cueCache.set(rule, hit);
  }
  return hit;
}

/**
 * Why absence is unproven (Russian), or null when what was read is enough to say `fail`. `cues` are the
 * rule's focused-crawl cues: a failed request whose link or URL carries them was a likely source.
 */
export function absenceUnproven(
  site: SiteView,
  rule: RuleDef,
  cues: () => { phrases: string[]; urlFragments: string[] },
): string | null {
  const failed = site.coverage.failed ?? [];
  const fetched = site.coverage.fetched ?? 0;
  if (failed.length === 0) return null;
  if (fetched > 0 && failed.length / fetched >= FAILED_SHARE_LIMIT)
    return `не удалось прочитать ${failed.length} из ${fetched} запрошенных страниц и файлов`;
  const c = cuesOf(rule, cues);
  const candidate = failed.find(
    (f) =>
      (f.linkText && findFirstIn(f.linkText, c.phrases, 2)) ||
      c.fragments.some((frag) => f.url.toLowerCase().includes(frag)),
  );
  if (candidate)
    return `не удалось прочитать вероятный источник: ${candidate.linkText ? `«${candidate.linkText}» ` : ""}${candidate.url} (${candidate.code})`;
  return null;
}

/**
 * The pages a run read on each site, from its manifest: what a letter names as «просмотрено» for an item the check
 * did not find. Only the places where such items live (the NOK section, the council, documents, ratings) are
 * named, nearest first — a list of every page read would bury them.
 */
import { openRunReader } from "../snapshot/index.ts";

/** URL or link-text cues of the places a NOK item is published. */
const CUES =
  /оцен|нок|совет|документ|рейтинг|результат|деятельност|nok|nsok|otsenk|sovet|dokument|reyting|rezult|deyatel|activity|council/i;

export const MAX_PAGES_PER_SITE = 6;

/** Site start URL → the pages read there that matter, home page first. An unreadable manifest gives an empty map. */
export async function pagesRead(snapshotsDir: string, runId: string): Promise<Map<string, string[]>> {
  const bySite = new Map<string, { url: string; depth: number }[]>();
  try {
    for await (const e of openRunReader(snapshotsDir, runId).entries()) {
      if (e.error || e.status >= 400 || e.fetcher === "busgov") continue;
      const relevant = e.depth === 0 || CUES.test(e.finalUrl) || CUES.test(e.linkText ?? "");
      if (!relevant) continue;
      const list = bySite.get(e.site) ?? [];
      if (!list.some((p) => p.url === e.finalUrl)) list.push({ url: e.finalUrl, depth: e.depth });
      bySite.set(e.site, list);
    }
  } catch {
    return new Map();
  }
  const out = new Map<string, string[]>();
  for (const [site, list] of bySite)
    out.set(
      site,
      list
        .sort((a, b) => a.depth - b.depth)
        .slice(0, MAX_PAGES_PER_SITE)
        .map((p) => p.url),
    );
  return out;
}

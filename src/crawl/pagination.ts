import type { LinkCandidate } from "../types/index.ts";

/**
 * Pagination of lists. A NOK document list split over pages keeps its evidence on page 2 as often as on page 1,
 * but page 2's link says only «2» or «Следующая», which no cue matches: the next pages of a relevant list inherit
 * the list's priority. A news archive's do not — hundreds of pages of news are where a crawl budget goes to die.
 */

/** Query parameters that number pages: Bitrix PAGEN_1, and the usual page/p/start/offset. */
const PAGE_PARAM = /^(?:pagen_\d+|page|p|pg|paged|start|offset|from_page|list_page)$/i;

/** `/page/2/` (WordPress), `/page-2/`, `/list/2/` tails. */
const PAGE_PATH = /\/(?:page[-/]?)(\d+)\/?$/i;

/** What a "next page" link says (Russian and English). */
const NEXT_TEXT =
  /^(?:\d{1,4}|следующая|след\.?|далее|вперёд|вперед|показать\s+ещё|показать\s+еще|загрузить\s+ещё|ещё|еще|next|more|»|›|>|>>|→)(?:\s*(?:страница|»|›|→))?$/i;

/** A list of news, events or announcements: its pagination is not followed with the list's priority. */
const NEWS_LIST =
  /news|novost|press|event|sobyti|announce|obyavlen|archive|arhiv|blog|новост|событи|объявлен|архив|пресс/i;

function withoutPaging(u: URL): string {
  const params = [...u.searchParams.entries()].filter(([k]) => !PAGE_PARAM.test(k));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const path = u.pathname.replace(PAGE_PATH, "/").replace(/\/+$/, "");
  return `${u.host}${path}?${new URLSearchParams(params).toString()}`;
}

function pageNumber(u: URL): number | null {
  for (const [k, v] of u.searchParams) if (PAGE_PARAM.test(k) && /^\d+$/.test(v)) return Number(v);
  const m = PAGE_PATH.exec(u.pathname);
  return m ? Number(m[1]) : null;
}

/** Is `link` another page of the list at `pageUrl` (same list, a page number, or «Следующая» to the same list)? */
export function isPaginationLink(link: LinkCandidate, pageUrl: string): boolean {
  let target: URL;
  let page: URL;
  try {
    target = new URL(link.url, pageUrl);
    page = new URL(pageUrl);
  } catch {
    return false;
  }
  if (withoutPaging(target) !== withoutPaging(page)) return false;
  if (target.href === page.href) return false;
  const n = pageNumber(target);
  if (n !== null) return n > (pageNumber(page) ?? 1);
  return NEXT_TEXT.test(link.text.trim());
}

/** Does the list at this URL (reached through this link text) look like news rather than documents? */
export function isNewsList(url: string, linkText: string | null): boolean {
  let path = url;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    // keep the raw string
  }
  return NEWS_LIST.test(path) || (linkText !== null && NEWS_LIST.test(linkText));
}

/** Pieces every shape lays out the same way: news paging, doc ordering, where cycle documents go. */
import type { DocItem, SiteModel } from "../model.ts";
import type { NewsItem } from "../texts/news.ts";

export const NEWS_PER_PAGE = 10;

export function newsPages(news: NewsItem[]): NewsItem[][] {
  const pages: NewsItem[][] = [];
  for (let i = 0; i < news.length; i += NEWS_PER_PAGE) pages.push(news.slice(i, i + NEWS_PER_PAGE));
  return pages;
}

/** All cycle documents, newest year first. */
export function cycleDocs(m: SiteModel): DocItem[] {
  return m.years.flatMap((y) => y.docs);
}

/** Year of the newest dated item on a page, for Last-Modified of HTML pages. */
export function newestDate(docs: DocItem[], fallback: string): string {
  if (docs.length === 0) return fallback;
  let newest = docs[0]!.date;
  for (const d of docs) if (d.date > newest) newest = d.date;
  return newest;
}

/** «О министерстве» / «О департаменте» */
export function aboutLabel(m: SiteModel): string {
  return `О ${m.names.shortPrep}`;
}

/** A URL slug for the NOK section by how the site names it. */
export function nokSlug(m: SiteModel): string {
  const edu = m.spec.sphere === "education";
  switch (m.spec.wording) {
    case "nok":
      return edu ? "nok-uood" : "nok";
    case "noku":
      return "noku";
    case "legacy2014":
      return "nsok";
    default:
      return edu
        ? "nezavisimaya-otsenka-kachestva-usloviy-osushchestvleniya-obrazovatelnoy-deyatelnosti"
        : "nezavisimaya-otsenka-kachestva-usloviy-okazaniya-uslug";
  }
}

/** Years in «2026», lowercase format label «(pdf, 245 кб)» style used by Bitrix lists. */
export function lowerLabel(label: string): string {
  return label.toLowerCase();
}

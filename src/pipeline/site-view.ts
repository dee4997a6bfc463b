import type { CrawlSummary, FailedFetch, SitePage, SiteView } from "../types/index.ts";

/** A crawl reached adequate coverage when it followed every relevant link it found, within budget. */
export function coverageOf(summary: CrawlSummary, pages: SitePage[]): SiteView["coverage"] {
  const documents = pages.filter((p) => p.artifacts.kind !== "html").length;
  const unreadableDocuments = pages.filter(
    (p) => p.artifacts.document && (p.artifacts.document.scanned || p.artifacts.document.error),
  ).length;
  let reason: string | null = null;
  if (summary.status === "unreachable" || summary.status === "blocked") {
    reason = summary.siteError
      ? `сайт недоступен (${summary.siteError.code}: ${summary.siteError.message})`
      : "сайт недоступен";
  } else if (pages.length === 0) {
    reason = "не удалось прочитать ни одной страницы";
  } else if (summary.budgetExhausted && summary.pendingRelevant > 0) {
    reason = `исчерпан лимит обхода (${budgetName(summary.budgetReason)}), не просмотрено релевантных ссылок: ${summary.pendingRelevant}`;
  }
  return { pages: pages.length, documents, adequate: reason === null, reason, unreadableDocuments };
}

function budgetName(reason: CrawlSummary["budgetReason"]): string {
  switch (reason) {
    case "pages":
      return "число страниц";
    case "bytes":
      return "объём загрузки";
    case "time":
      return "время";
    default:
      return "лимит";
  }
}

export function buildSiteView(
  startUrl: string,
  pages: SitePage[],
  summary: CrawlSummary,
  fetches?: { failed: FailedFetch[]; fetched: number },
): SiteView {
  const coverage = coverageOf(summary, pages);
  return { startUrl, pages, coverage: fetches ? { ...coverage, ...fetches } : coverage };
}

import type { BusGovAnswer } from "../../types/busgov-answers.ts";
import type { FetchedPage } from "../../types/crawl.ts";
import { unfetchedPage } from "../errors.ts";

/**
 * The exchanges behind an answer as FetchedPages (fetcher "busgov"), so the pipeline can snapshot the
 * raw JSON like any page and re-evaluate offline. A failed answer yields its exchanges plus one page
 * carrying the error.
 */
export function answerPages(answer: BusGovAnswer<unknown>): FetchedPage[] {
  const pages: FetchedPage[] = (answer.trail ?? []).map((x) => ({
    url: x.url,
    finalUrl: x.url,
    status: x.status,
    headers: { "content-type": "application/json" },
    body: x.raw,
    truncated: false,
    contentKind: "other",
    redirects: [],
    fetcher: "busgov",
    fetchedAt: x.fetchedAt,
    durationMs: 0,
    error: null,
  }));
  if (!answer.ok) {
    const last = pages.at(-1);
    if (last && last.url === answer.url) last.error = answer.error;
    else {
      pages.push(unfetchedPage(answer.url, answer.error, "busgov"));
    }
  }
  return pages;
}

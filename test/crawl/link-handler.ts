import { load } from "cheerio";
import iconv from "iconv-lite";
import type { FetchedPage, LinkCandidate } from "../../src/types/index.ts";

/** Charset from the header, else from <meta>; utf-8 by default. Enough for the test web. */
function decode(page: FetchedPage): string {
  const body = Buffer.from(page.body ?? new Uint8Array());
  const fromHeader = /charset=([\w-]+)/i.exec(page.headers["content-type"] ?? "")?.[1];
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(body.toString("latin1"))?.[1];
  const charset = (fromHeader ?? fromMeta ?? "utf-8").toLowerCase();
  return iconv.encodingExists(charset) ? iconv.decode(body, charset) : body.toString("utf8");
}

/** A tiny test-local link extractor (the real one lives in src/extract; crawl tests must not depend on it). */
export function extractTestLinks(page: FetchedPage): LinkCandidate[] {
  if (page.contentKind !== "html" || page.body === null) return [];
  const $ = load(decode(page));
  const out: LinkCandidate[] = [];
  $("a[href]").each((_i, el) => {
    const a = $(el);
    const href = a.attr("href") ?? "";
    let url: string;
    try {
      url = new URL(href, page.finalUrl).href;
    } catch {
      return;
    }
    const title = a.attr("title");
    out.push({
      url:
        href.startsWith("mailto:") || href.startsWith("tel:") || href.startsWith("javascript:") ? href : url,
      text: a.text().replace(/\s+/g, " ").trim(),
      ...(title ? { title } : {}),
      context: a.parent().text().replace(/\s+/g, " ").trim().slice(0, 200),
      inNav: a.closest("header, nav, footer").length > 0,
    });
  });
  return out;
}

/** Decoded text of an HTML page (for assertions). */
export function pageText(page: FetchedPage): string {
  return decode(page);
}

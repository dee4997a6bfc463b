/** What a document-kind check found: candidates, those it could not read, and why others were rejected. */
import type { CheckOutcome, FoundDate, SiteView } from "../../types/index.ts";
import { describeHit, evidenceOf, type Hit } from "../match.ts";
import { type Item, urlKey } from "../site-model.ts";
import { clip } from "../text.ts";

export interface Candidate {
  item: Item;
  hits: Hit[];
  dates: FoundDate[];
}

/** A target named as the thing by the links to it, whose own content could not be read. */
export interface UnreadCandidate extends Candidate {
  reason: string;
}

/**
 * Why a linked file that was fetched could not be read (a zip bomb, a broken or oversized file), or null.
 * A file whose request failed (404) stays a link to the thing — the list row that names it was read —
 * while a rule about the file's content (`nested-document`) never takes its words from the link.
 */
export function unreadTarget(site: SiteView, item: Item): string | null {
  if (site.coverage.failed?.some((f) => urlKey(f.url) === item.key)) return null;
  const doc = item.page?.artifacts.document;
  if (doc?.error && !item.page?.artifacts.text.trim()) return `файл не прочитан (${clip(doc.error, 80)})`;
  return null;
}

/** An `unknown` for things named only by links to targets that could not be read. */
export function unreadOutcome(
  what: string,
  unread: UnreadCandidate[],
  details: Record<string, unknown>,
): CheckOutcome {
  const first = unread[0]!;
  return {
    status: "unknown",
    message: `${what[0]!.toUpperCase()}${what.slice(1)}: есть ссылка (${describeHit(first.hits[0]!)}), но сам документ прочитать не удалось — ${first.reason}.`,
    evidence: unread.slice(0, 3).map((u) => evidenceOf(u.hits[0]!)),
    details: {
      ...details,
      unreadable: unread.slice(0, 5).map((u) => ({ url: u.item.url, reason: u.reason })),
    },
  };
}

export interface Rejection {
  url: string;
  reason: string;
}

/**
 * The first rejections by URL: pages arrive in a crawl-dependent order, and a resumed run must report
 * the same details as an uninterrupted one.
 */
export function firstRejections(rejected: readonly Rejection[], n = 5): Rejection[] {
  return [...rejected]
    .sort((a, b) => a.url.localeCompare(b.url) || a.reason.localeCompare(b.reason))
    .slice(0, n);
}

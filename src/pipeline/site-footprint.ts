/**
 * How much heap a site in flight holds, estimated from the pages it has read (issue #13, part 5): whole pages
 * up to compact-page.ts's threshold, inert ones after, plus what any site holds (frontier, robots, closures).
 * The scheduler reserves this per site instead of a fixed worst case once the run has shown what its sites
 * grow to: a registry of small institution sites then runs hundreds of sites at once, a registry of large
 * authority sites stays near the worst case.
 */

/** Whole page kept while a site is crawled (texts, headings, dates, links): measured in bench/memory.ts. */
export const WHOLE_PAGE_BYTES = 36 * 1024;
/** An inert page past the compaction threshold (compact-page.ts): links, contacts, title. */
export const INERT_PAGE_BYTES = 5 * 1024;
/** Pages of a site kept whole before compaction starts (compact-page.ts, DEFAULT_COMPACT). */
export const WHOLE_PAGES = 50;
/** What a site holds before its first page: frontier, robots rules, priority closures, fetch buffers. */
export const SITE_BASE_BYTES = 512 * 1024;

export function footprintOf(pages: number): number {
  const whole = Math.min(pages, WHOLE_PAGES);
  return SITE_BASE_BYTES + whole * WHOLE_PAGE_BYTES + Math.max(0, pages - whole) * INERT_PAGE_BYTES;
}

export interface FootprintLearner {
  /** A site in flight read `pages` pages so far. */
  observe(pages: number): void;
  /** A site finished. */
  finished(): void;
  /** What a new site reserves now: the worst case until `learnAfter` sites finished, then the largest site seen. */
  reserve(): number;
}

/**
 * The reservation learned from the largest site seen so far, in flight or finished: the first sites to finish
 * are the smallest (unreachable ones, tiny ones), so the sites still growing count too. Never below `min`,
 * never above `max` (the worst case of a site within the page budget).
 */
export function footprintLearner(o: { max: number; min: number; learnAfter: number }): FootprintLearner {
  let largest = 0;
  let done = 0;
  return {
    observe(pages) {
      largest = Math.max(largest, pages);
    },
    finished() {
      done++;
    },
    reserve() {
      if (done < o.learnAfter) return o.max;
      return Math.min(o.max, Math.max(o.min, footprintOf(largest)));
    },
  };
}

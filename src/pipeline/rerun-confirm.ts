/**
 * Re-run confirmation (issue #13, part 3): a site checked before stops as soon as what the previous run judged
 * on is read again unchanged (304, or the same body hash) and judges the same.
 *
 * Two ways to confirm, both only while no page of the previous run came back changed:
 * - evidence: every previous verdict was pass, warn or n/a, and the evidence of each pass and warn is read
 *   again unchanged. Fewer pages can only lose evidence, never add a `fail`, and the verdicts must come out
 *   equal anyway.
 * - replay: any verdicts (fail and unknown too), but only once every request of the previous crawl was made
 *   again with the same outcome, and that crawl was not cut by its budget. The re-run has then read at least
 *   what the first run's settle condition required, so a `fail` rests on as much reading as before.
 *
 * A changed page rules out the replay. It ends the evidence way only when a `warn` quotes it: a pass is judged on
 * what the page says now, so a home page whose news changed does not cost a whole crawl, but a deficiency
 * («stale minutes») is not confirmed on a page that moved. Verdicts that come out different end the
 * confirmation: the crawl goes on as a normal one.
 */

import type { Finding, ManifestEntry, Status } from "../types/index.ts";

export interface PreviousVerdicts {
  findings: Finding[];
  /** The previous crawl ran out of budget: its reading is no ground for a confirmed `fail`. */
  budgetExhausted: boolean;
  /** Every request of the previous crawl of the site, first of each URL. */
  requests: ManifestEntry[];
}

/** What a re-read page is compared by: the stored body's hash and the error, if any. */
export interface ReadAgain {
  url: string;
  finalUrl: string;
  hash: string | null;
  errorCode: string | null;
}

/** The snapshots the evidence of pass and warn verdicts was quoted from. */
export function evidenceSnapshots(
  findings: Finding[],
  statuses: readonly Status[] = ["pass", "warn"],
): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    if (!statuses.includes(f.status)) continue;
    for (const e of f.evidence) if (e.snapshot) out.add(e.snapshot);
  }
  return out;
}

/** Seed biases: far above any link's priority, so the previous run's pages are read before anything new. */
export const EVIDENCE_BIAS = 1000;
export const REPLAY_BIAS = 500;
/** Queued requests at least this high are the previous run's pages, and its evidence pages. */
const PREVIOUS_PAGE_PRIORITY = REPLAY_BIAS / 2;
const EVIDENCE_PAGE_PRIORITY = (EVIDENCE_BIAS + REPLAY_BIAS) / 2;

const CONFIRMABLE_BY_EVIDENCE = new Set<Status>(["pass", "warn", "n/a"]);

/** Pages read after the previous ones before a confirmation that has not come is given up. */
const NEW_PAGES_BEFORE_GIVING_UP = 6;

export class RerunConfirmation {
  readonly #statuses: Map<string, Status>;
  readonly #previous = new Map<string, ManifestEntry>();
  /** Previous requests not yet made again with the same outcome. */
  readonly #replayLeft = new Set<string>();
  /**
   * The pages the previous pass and warn verdicts quote (by their snapshot hash: an evidence URL may be a
   * document the page lists, never fetched), not yet read again.
   */
  readonly #evidenceLeft = new Set<string>();
  /** The pages a previous `warn` quotes: a change there ends the evidence way too. */
  readonly #warnEvidence: Set<string>;
  #byEvidence: boolean;
  #byReplay: boolean;
  #newPages = 0;
  #state: "confirming" | "changed" | "given-up" = "confirming";

  constructor(previous: PreviousVerdicts) {
    this.#statuses = new Map(previous.findings.map((f) => [f.rule, f.status]));
    for (const e of previous.requests) {
      this.#previous.set(e.url, e);
      this.#replayLeft.add(e.url);
    }
    for (const hash of evidenceSnapshots(previous.findings)) this.#evidenceLeft.add(hash);
    this.#warnEvidence = evidenceSnapshots(previous.findings, ["warn"]);
    this.#byEvidence =
      this.#evidenceLeft.size > 0 && previous.findings.every((f) => CONFIRMABLE_BY_EVIDENCE.has(f.status));
    this.#byReplay = !previous.budgetExhausted && this.#replayLeft.size > 0;
  }

  /** Still confirming: no page changed, nothing given up. */
  get active(): boolean {
    return this.#state === "confirming";
  }

  /**
   * Records a page read in this run. Returns true when it ended the confirmation (a previous page changed, or
   * the confirmation was given up): the caller switches to a normal crawl.
   */
  observe(page: ReadAgain): boolean {
    if (this.#state !== "confirming") return false;
    const before = this.#previous.get(page.url);
    if (!before) {
      if (++this.#newPages >= NEW_PAGES_BEFORE_GIVING_UP && !this.ready()) return this.#end("given-up");
      return false;
    }
    const same = before.hash === page.hash && (before.error?.code ?? null) === page.errorCode;
    if (!same) {
      // The site is not what the previous crawl read: its `fail`s and `unknown`s are not confirmed by replay.
      this.#byReplay = false;
      const warnQuoted = before.hash !== null && this.#warnEvidence.has(before.hash);
      if (!this.#byEvidence || warnQuoted) return this.#end("changed");
      // Read again, changed: the rules judge what it says now.
      if (before.hash !== null) this.#evidenceLeft.delete(before.hash);
      return false;
    }
    this.#replayLeft.delete(page.url);
    if (page.hash !== null) this.#evidenceLeft.delete(page.hash);
    return false;
  }

  /**
   * The lowest priority that may start beside requests in flight: while the evidence may confirm, only
   * evidence pages; then only the previous run's pages; anything once the confirmation is over.
   */
  launchFloor(): number {
    if (this.#state !== "confirming") return Number.NEGATIVE_INFINITY;
    return this.#byEvidence && this.#evidenceLeft.size > 0 ? EVIDENCE_PAGE_PRIORITY : PREVIOUS_PAGE_PRIORITY;
  }

  /** Everything one of the two ways needs was read again unchanged: time to judge and compare. */
  ready(): boolean {
    if (this.#state !== "confirming") return false;
    return (
      (this.#byEvidence && this.#evidenceLeft.size === 0) || (this.#byReplay && this.#replayLeft.size === 0)
    );
  }

  /** True when these findings repeat every previous verdict; otherwise the confirmation is over. */
  confirms(findings: Finding[]): boolean {
    const same =
      findings.length === this.#statuses.size &&
      findings.every((f) => this.#statuses.get(f.rule) === f.status);
    if (same) return true;
    // The evidence alone did not repeat the verdicts: the whole previous crawl still may.
    if (this.#byReplay && this.#replayLeft.size > 0) this.#byEvidence = false;
    else this.#end("given-up");
    return false;
  }

  #end(state: "changed" | "given-up"): boolean {
    this.#state = state;
    return true;
  }
}

/**
 * What the checks that read a page's main text for a statement — `stated-scores`, `table-form`,
 * `clause-list` — share: the finding (where it stands, the year it names), its evidence and the outcome
 * (fail when nothing is found, otherwise pass or warn by the freshness of the years named).
 */
import { excerptAround } from "../../extract/russian/index.ts";
import type { CheckOutcome, Evidence } from "../../types/index.ts";
import type { Item } from "../site-model.ts";
import { judgeYears } from "./freshness.ts";
import type { Freshness } from "./params.ts";

export interface TextFinding {
  item: Item;
  /** The item's main text (menus and footers blanked) the offsets point into. */
  text: string;
  start: number;
  end: number;
  year: number | null;
}

/** The newest year 20xx a span names, never past next year (typos, far-off targets); null when none. */
export function newestYear(span: string, asOfYear: number): number | null {
  let newest: number | null = null;
  for (const m of span.matchAll(/(?<!\d)(20\d{2})(?!\d)/gu)) {
    const y = Number(m[1]);
    if (y <= asOfYear + 1 && (newest === null || y > newest)) newest = y;
  }
  return newest;
}

/** Evidence of a finding: an excerpt of the main text around it, dated by the year it names. */
export function textEvidence(
  f: TextFinding,
  excerpt: { end: number; radius: number },
  date: string | null = null,
): Evidence {
  const page = f.item.page!;
  return {
    url: f.item.url,
    excerpt: excerptAround(f.text, f.start, excerpt.end, excerpt.radius),
    snapshot: page.snapshot,
    linkText: null,
    depth: page.depth,
    date: date ?? (f.year ? `${f.year}-01-01` : null),
  };
}

export function textOutcome<F extends TextFinding>(
  found: F[],
  o: {
    notFound: string;
    /** The message for the first finding, before the freshness sentence. */
    foundMessage: (best: F) => string;
    evidence: (f: F) => Evidence;
    freshness: Freshness | undefined;
    asOf: string;
    details: (count: number) => Record<string, unknown>;
  },
): CheckOutcome {
  if (!found.length) return { status: "fail", message: o.notFound, evidence: [], details: {} };
  const fresh = judgeYears(
    found.map((f) => f.year),
    o.freshness,
    o.asOf,
  );
  return {
    status: fresh?.status ?? "pass",
    message: `${o.foundMessage(found[0]!)}${fresh ? ` ${fresh.message}` : ""}`,
    evidence: found.slice(0, 3).map(o.evidence),
    details: o.details(found.length),
  };
}

/**
 * Scoring against the corpus labels: a rule "found" something when it says pass or warn (a stale
 * document is still found). Per rule: true/false positives and negatives, the unknowns among the
 * expected positives (not found, but not a false `fail` either) and the false `fail`s — a `fail`
 * on a page that publishes the thing is the error that sends a region a letter about nothing.
 */
import type { Finding, Status } from "../src/types/index.ts";
import type { CorpusEntry } from "./corpus.ts";
import type { Variant } from "./corpus-site.ts";

export interface Observation {
  entry: CorpusEntry;
  variant: Variant;
  rule: string;
  status: Status;
  message: string;
  evidence: Finding["evidence"];
  details: Finding["details"];
  expected: boolean | null;
}

export interface RuleScore {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Expected positives the rule called fail (not unknown). */
  falseFail: number;
  /** Expected positives the rule left unknown. */
  unknownPositive: number;
  recall: number | null;
  precision: number | null;
}

export const found = (s: Status) => s === "pass" || s === "warn";

export function observe(entry: CorpusEntry, variant: Variant, findings: Finding[]): Observation[] {
  return findings
    .filter((f) => f.status !== "n/a")
    .map((f) => ({
      entry,
      variant,
      rule: f.rule,
      status: f.status,
      message: f.message,
      evidence: f.evidence,
      details: f.details,
      expected: entry.ignore.includes(f.rule) ? null : entry.positive.includes(f.rule),
    }));
}

export function scoreRules(obs: Observation[]): RuleScore[] {
  const by = new Map<string, RuleScore>();
  for (const o of obs) {
    if (o.expected === null) continue;
    let s = by.get(o.rule);
    if (!s) {
      s = {
        rule: o.rule,
        tp: 0,
        fp: 0,
        fn: 0,
        tn: 0,
        falseFail: 0,
        unknownPositive: 0,
        recall: null,
        precision: null,
      };
      by.set(o.rule, s);
    }
    const f = found(o.status);
    if (o.expected && f) s.tp++;
    else if (o.expected) {
      s.fn++;
      if (o.status === "fail") s.falseFail++;
      else if (o.status === "unknown") s.unknownPositive++;
    } else if (f) s.fp++;
    else s.tn++;
  }
  for (const s of by.values()) {
    s.recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : null;
    s.precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : null;
  }
  return [...by.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}

export interface Totals {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  falseFail: number;
  recall: number | null;
  precision: number | null;
}

export function totals(scores: RuleScore[]): Totals {
  const t = scores.reduce(
    (a, s) => ({
      tp: a.tp + s.tp,
      fp: a.fp + s.fp,
      fn: a.fn + s.fn,
      tn: a.tn + s.tn,
      falseFail: a.falseFail + s.falseFail,
    }),
    { tp: 0, fp: 0, fn: 0, tn: 0, falseFail: 0 },
  );
  return {
    ...t,
    recall: t.tp + t.fn ? t.tp / (t.tp + t.fn) : null,
    precision: t.tp + t.fp ? t.tp / (t.tp + t.fp) : null,
  };
}

/** Fixtures whose verdict differs between the real link text and «Материал». */
export function wordingDependence(
  obs: Observation[],
): { id: string; rule: string; real: Status; neutral: Status }[] {
  const real = new Map<string, Observation>();
  for (const o of obs) if (o.variant === "real") real.set(`${o.entry.id}|${o.rule}`, o);
  const out: { id: string; rule: string; real: Status; neutral: Status }[] = [];
  for (const o of obs) {
    if (o.variant !== "neutral") continue;
    const r = real.get(`${o.entry.id}|${o.rule}`);
    if (r && found(r.status) !== found(o.status))
      out.push({ id: o.entry.id, rule: o.rule, real: r.status, neutral: o.status });
  }
  return out;
}

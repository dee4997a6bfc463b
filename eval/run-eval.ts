/**
 * Runs the rules over the real-modelled corpus: every fixture is served as its own small site, twice
 * (behind its real link text and behind «Материал»), checked like `nok check` would, and scored.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createPool } from "../src/crawl/index.ts";
import { checkSites } from "../src/index.ts";
import { type CorpusEntry, loadCorpus } from "./corpus.ts";
import { type CorpusSite, startCorpusSite, type Variant } from "./corpus-site.ts";
import { type Observation, observe, type RuleScore, scoreRules } from "./score.ts";

export interface EvalOptions {
  /** The corpus folder (default test/corpus). */
  dir?: string;
  /** Only these groups / ids (prefix match on ids). */
  groups?: string[];
  ids?: string[];
  variants?: Variant[];
  /** Reference date for freshness (fixed, so figures are reproducible). */
  asOf?: string;
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface EvalResult {
  entries: CorpusEntry[];
  loadErrors: string[];
  observations: Observation[];
  scores: RuleScore[];
  /** Sites whose check threw (a harness or pipeline error, never scored as a verdict). */
  crashes: { id: string; variant: Variant; error: string }[];
}

export const EVAL_AS_OF = "2026-12-01";

export async function runEval(options: EvalOptions = {}): Promise<EvalResult> {
  const { entries: all, errors } = loadCorpus(options.dir);
  const entries = all.filter(
    (e) =>
      (!options.groups?.length || options.groups.includes(e.group)) &&
      (!options.ids?.length || options.ids.some((p) => e.id.startsWith(p))),
  );
  const variants = options.variants ?? ["real", "neutral"];
  const jobs = entries.flatMap((e) => variants.map((v) => ({ e, v })));
  const snapshots = mkdtempSync(join(tmpdir(), "nok-eval-"));
  const observations: Observation[] = [];
  const crashes: EvalResult["crashes"] = [];
  // Loopback sites answer at once: politeness intervals would only make the run slow.
  const pool = createPool({ minIntervalMs: 0, perHostConcurrency: 4, globalConcurrency: 32 });
  const batch = options.batch ?? 24;
  let done = 0;
  try {
    for (let i = 0; i < jobs.length; i += batch) {
      const slice = jobs.slice(i, i + batch);
      const sites: CorpusSite[] = await Promise.all(slice.map(({ e, v }) => startCorpusSite(e, v)));
      try {
        await Promise.all(
          sites.map(async (s) => {
            try {
              const run = await checkSites(
                [
                  {
                    url: `${s.origin}/`,
                    kind: s.entry.kind,
                    sphere: s.entry.sphere ?? null,
                    region: null,
                    name: null,
                  },
                ],
                {
                  asOf: options.asOf ?? EVAL_AS_OF,
                  snapshotsDir: snapshots,
                  render: "never",
                  chromium: null,
                  busgov: false,
                  reuse: false,
                  pool,
                  maxPages: 60,
                  warn: () => {},
                },
              );
              for (const site of run.sites) observations.push(...observe(s.entry, s.variant, site.findings));
            } catch (err) {
              crashes.push({
                id: s.entry.id,
                variant: s.variant,
                error: (err as Error).stack ?? String(err),
              });
            }
          }),
        );
      } finally {
        await Promise.all(sites.map((s) => s.close()));
      }
      done += slice.length;
      options.onProgress?.(done, jobs.length);
    }
  } finally {
    rmSync(snapshots, { recursive: true, force: true });
  }
  return { entries, loadErrors: errors, observations, scores: scoreRules(observations), crashes };
}

/**
 * `npm run eval [-- --group G] [--id PREFIX] [--variant real|neutral] [--misses] [--json]`:
 * recall and precision per rule on the real-modelled corpus (test/corpus/), a confusion table, the
 * fixtures whose verdict depends on the link's wording, and — labelled as such — the rules' own
 * examples' agreement, which is self-consistency, not accuracy. Exits 1 below the floors.
 */
import { parseArgs } from "node:util";
import { loadRules } from "../src/rules/index.ts";
import { belowFloors, pct } from "./floors.ts";
import { type EvalResult, runEval } from "./run-eval.ts";
import { found, type Observation, type RuleScore, totals, wordingDependence } from "./score.ts";
import { examplesAgreement } from "./self-consistency.ts";

const { values } = parseArgs({
  options: {
    group: { type: "string", multiple: true },
    id: { type: "string", multiple: true },
    variant: { type: "string", multiple: true },
    misses: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    dir: { type: "string" },
    explain: { type: "string" },
  },
});

const started = Date.now();
const result = await runEval({
  ...(values.dir ? { dir: values.dir } : {}),
  ...(values.group ? { groups: values.group } : {}),
  ...(values.id ? { ids: values.id } : {}),
  ...(values.variant ? { variants: values.variant as ("real" | "neutral")[] } : {}),
  onProgress: (d, t) => process.stderr.write(`\r  sites checked: ${d}/${t}`),
});
process.stderr.write("\n");

if (values.json) {
  process.stdout.write(
    `${JSON.stringify({ scores: result.scores, crashes: result.crashes, loadErrors: result.loadErrors }, null, 2)}\n`,
  );
} else await printReport(result, values.misses ?? false, Date.now() - started);
const floors = belowFloors(result.scores);
if (floors.length || result.crashes.length || result.loadErrors.length) process.exitCode = 1;

async function printReport(r: EvalResult, misses: boolean, ms: number): Promise<void> {
  const groups = new Set(r.entries.map((e) => e.group));
  const sources = new Set(r.entries.map((e) => e.source));
  console.log(
    `Corpus: ${r.entries.length} fixtures in ${groups.size} groups, modelled on ${sources.size} real pages; ` +
      `${new Set(r.observations.map((o) => `${o.entry.id}|${o.variant}`)).size} sites checked in ${(ms / 1000).toFixed(0)} s`,
  );
  for (const e of r.loadErrors) console.log(`  corpus error: ${e}`);
  for (const c of r.crashes) console.log(`  crashed: ${c.id} (${c.variant}): ${c.error.split("\n")[0]}`);
  console.log("");
  console.log(row(["rule", "TP", "FN", "of which fail", "unknown", "FP", "TN", "recall", "precision"]));
  console.log(row(["-", "-", "-", "-", "-", "-", "-", "-", "-"]));
  for (const s of r.scores) console.log(scoreRow(s.rule, s));
  for (const kind of ["authority", "institution"]) {
    const t = totals(r.scores.filter((s) => s.rule.startsWith(`${kind}/`)));
    console.log(
      row([
        `**${kind} (all rules)**`,
        t.tp,
        t.fn,
        t.falseFail,
        "",
        t.fp,
        t.tn,
        pct(t.recall),
        pct(t.precision),
      ]),
    );
  }
  const dep = wordingDependence(r.observations);
  console.log(`\nVerdicts that depend on the link's wording (real text vs «Материал»): ${dep.length}`);
  for (const d of dep.slice(0, 20)) console.log(`  ${d.id} ${d.rule}: ${d.real} / ${d.neutral}`);
  const below = belowFloors(r.scores);
  console.log(below.length ? `\nBELOW FLOORS:\n  ${below.join("\n  ")}` : "\nAll rules meet the floors.");
  const self = await examplesAgreement(loadRules().rules);
  console.log(
    `\nSelf-consistency, not accuracy: the rules' own YAML examples agree ${self.agree}/${self.total}` +
      " (written by the same hands as the rules; `npm run demo` prints the demo web's agreement, likewise self-consistency).",
  );
  if (misses) printMisses(r.observations);
  if (values.explain) {
    for (const o of r.observations.filter((x) => x.rule === values.explain))
      console.log(
        JSON.stringify(
          { id: o.entry.id, status: o.status, message: o.message, evidence: o.evidence, details: o.details },
          null,
          1,
        ),
      );
  }
}

function printMisses(obs: Observation[]): void {
  console.log("\nMisses (expected found, not found) and false positives:");
  for (const o of obs) {
    if (o.expected === null || o.expected === found(o.status)) continue;
    const tag = o.expected ? "MISS" : "FALSE";
    const ev = o.evidence[0];
    console.log(
      `  ${tag} ${o.rule} ${o.status} ${o.entry.group}/${o.entry.id} [${o.variant}] — ${o.message.slice(0, 200)}`,
    );
    if (ev) console.log(`      evidence: ${ev.url} «${(ev.excerpt ?? "").slice(0, 140)}»`);
  }
}

function scoreRow(name: string, s: RuleScore): string {
  return row([name, s.tp, s.fn, s.falseFail, s.unknownPositive, s.fp, s.tn, pct(s.recall), pct(s.precision)]);
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(" | ")} |`;
}

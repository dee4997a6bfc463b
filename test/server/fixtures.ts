/** National-looking runs for the dashboard tests: the 89 real subjects, written where the server reads them. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { aggregateRun } from "../../src/findings/aggregate-run.ts";
import { loadRegions } from "../../src/registry/index.ts";
import type { RunResult, SiteResult, Sphere, Status } from "../../src/types/index.ts";
import { AUTHORITY_RULE_IDS, evidence, finding, regionSummary, run, site } from "../report/fixtures.ts";

const SPHERES: Sphere[] = ["social", "health", "culture", "education", "sport"];
const CYCLE: Status[] = [
  "pass",
  "pass",
  "fail",
  "pass",
  "warn",
  "pass",
  "unknown",
  "pass",
  "fail",
  "pass",
  "pass",
];

/** Text a hostile site could put in a page: must come out escaped and inert. */
export const HOSTILE_EXCERPT = `Положение <script>document.title="pwned"</script><img src=x onerror="document.body.dataset.xss='1'">`;
export const HOSTILE_NAME = `Министерство <b id="xss-injected">здравоохранения</b> Тульской области`;

/**
 * All 89 subjects; each has authority sites in 3–5 spheres (Тульская область (71) in all five) with a
 * deterministic spread of verdicts; `shift` changes the spread so two runs differ (history, trend, diff).
 */
export function nationalFixture(runId: string, asOf: string, shift: number, previous?: RunResult): RunResult {
  const regions = loadRegions();
  const sites: SiteResult[] = [];
  regions.forEach((r, ri) => {
    const spheres = r.code === "71" ? SPHERES : SPHERES.slice(0, 3 + (ri % 3));
    spheres.forEach((sphere, si) => {
      const s = site({
        url: `https://${sphere}.r${r.code}.example.ru/`,
        region: r.code,
        sphere,
        name: r.code === "71" && sphere === "health" ? HOSTILE_NAME : `Орган власти (${sphere}) — ${r.short}`,
      });
      s.findings = AUTHORITY_RULE_IDS.map((rule, k) => {
        const hostile = r.code === "71" && sphere === "health" && k === 0;
        const status = hostile ? "pass" : CYCLE[(ri * 3 + si * 5 + k + shift) % CYCLE.length]!;
        return finding(rule, status, {
          evidence:
            status === "pass" || status === "warn"
              ? [
                  evidence(`https://${sphere}.r${r.code}.example.ru/nok/${k}`, {
                    excerpt: hostile
                      ? HOSTILE_EXCERPT
                      : "Раздел «Независимая оценка качества условий оказания услуг»",
                  }),
                ]
              : [],
        });
      });
      sites.push(s);
    });
  });
  const started = `${asOf}T02:00:00.000Z`;
  const raw = run({
    runId,
    mode: "run",
    asOf,
    startedAt: started,
    finishedAt: `${asOf}T04:00:00.000Z`,
    sites,
    regions: regions.map((r) => regionSummary(r.code, r.name, r.district)),
    compare: null,
  });
  return aggregateRun(raw, {
    regions: regions.map((r) => ({ code: r.code, name: r.name, district: r.district })),
    ...(previous ? { previous } : {}),
  });
}

export async function writeRun(snapshotsDir: string, result: RunResult): Promise<void> {
  const dir = join(snapshotsDir, "runs", result.runId);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "result.json"), JSON.stringify(result));
}

/** Two monthly runs (October and November 2026), the second compared with the first. */
export async function writeNationalRuns(
  snapshotsDir: string,
): Promise<{ previous: RunResult; current: RunResult }> {
  const previous = nationalFixture("2026-10-01T02-00-00Z-run-aaaaaa", "2026-10-01", 1);
  const current = nationalFixture("2026-11-01T02-00-00Z-run-bbbbbb", "2026-11-01", 0, previous);
  await writeRun(snapshotsDir, previous);
  await writeRun(snapshotsDir, current);
  return { previous, current };
}

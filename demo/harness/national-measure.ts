/**
 * Runs the national run over the whole national demo web and prints what it cost and how accurate it was:
 *   npx tsx demo/harness/national-measure.ts [--regions 71,08] [--concurrency 8] [--host-interval 0] [--seed 2026] [--keep]
 * Accuracy = findings equal to the site's expected verdict, over all sites × 13 authority rules.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runNational } from "../../src/pipeline/run.ts";
import type { RunResult } from "../../src/types/index.ts";
import { DEMO_AS_OF } from "../web/clock.ts";
import type { NationalSpec } from "../web/national/specs.ts";
import { type NationalDemo, startNationalDemo } from "../web/national/web.ts";

export interface Accuracy {
  matches: number;
  total: number;
  /** «site-id rule: expected → got», one per mismatch. */
  misses: string[];
  /** Mismatches per rule and per profile, for a quick look at where the checker and the demo disagree. */
  byRule: Record<string, number>;
  byProfile: Record<string, number>;
}

/** Compares every demo site's findings with its expected verdicts. */
export function accuracyOf(demo: Pick<NationalDemo, "sites" | "specs">, run: RunResult): Accuracy {
  const byUrl = new Map(run.sites.map((s) => [s.url, s]));
  const acc: Accuracy = { matches: 0, total: 0, misses: [], byRule: {}, byProfile: {} };
  for (const [i, site] of demo.sites.entries()) {
    const spec: NationalSpec | undefined = demo.specs[i];
    const got = byUrl.get(site.url);
    for (const [rule, want] of Object.entries(site.expected)) {
      acc.total++;
      const finding = got?.findings.find((f) => f.rule === rule);
      const status = finding?.status ?? "—";
      if (status === want) {
        acc.matches++;
        continue;
      }
      const why = finding?.message ? ` («${finding.message.slice(0, 160)}»)` : "";
      acc.misses.push(
        `${site.id} (${spec?.profile ?? "?"}, ${site.shape}) ${rule}: ${want} → ${status}${why}`,
      );
      acc.byRule[rule] = (acc.byRule[rule] ?? 0) + 1;
      const profile = spec?.profile ?? "?";
      acc.byProfile[profile] = (acc.byProfile[profile] ?? 0) + 1;
    }
  }
  return acc;
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} МБ`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} с`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      regions: { type: "string" },
      concurrency: { type: "string", default: "8" },
      "host-interval": { type: "string", default: "0" },
      seed: { type: "string" },
      "max-misses": { type: "string", default: "60" },
      /** Keep the snapshots and store (printed) for a closer look. */
      keep: { type: "boolean", default: false },
    },
  });
  const dir = await mkdtemp(join(tmpdir(), "nok-national-measure-"));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  const t0 = performance.now();
  const demo = await startNationalDemo({
    dir,
    seed: values.seed ? Number(values.seed) : undefined,
    onlyRegions: values.regions?.split(",").map((r) => r.trim()),
  });
  const started = performance.now();
  process.stderr.write(
    `демо-сеть: ${demo.sites.length} сайтов за ${sec(started - t0)}; реестр ${demo.registryPath}\n`,
  );
  let lastLine = 0;
  try {
    const run = await runNational({
      registryFiles: [demo.registryPath],
      asOf: DEMO_AS_OF,
      concurrency: Number(values.concurrency),
      hostIntervalMs: Number(values["host-interval"]),
      dataDir: join(dir, "data"),
      snapshotsDir: join(dir, "snapshots"),
      render: "never",
      onProgress: (p) => {
        const now = performance.now();
        if (now - lastLine < 5000 && p.done < p.total) return;
        lastLine = now;
        process.stderr.write(`  ${p.done}/${p.total} сайтов, ${p.pages} стр., ${sec(p.elapsedMs)}\n`);
      },
    });
    const finished = performance.now();
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    const acc = accuracyOf(demo, run);
    const pages = run.sites.reduce((n, s) => n + s.crawl.pages, 0);
    const documents = run.sites.reduce((n, s) => n + s.crawl.documents, 0);
    const lines = [
      `Сайтов: ${demo.sites.length} (регионов ${new Set(demo.sites.map((s) => s.region)).size})`,
      `Запуск демо-сети: ${sec(started - t0)}`,
      `Прогон: ${sec(finished - started)} (конкурентность ${values.concurrency}, интервал к хосту ${values["host-interval"]} мс)`,
      `Всего: ${sec(finished - t0)}`,
      `Страниц: ${pages}, документов: ${documents}`,
      `Пик RSS: ${mb(peakRss)}`,
      `Точность: ${acc.matches}/${acc.total} (${((100 * acc.matches) / Math.max(1, acc.total)).toFixed(1)} %)`,
    ];
    if (acc.misses.length) {
      lines.push(`Расхождения по правилам: ${JSON.stringify(acc.byRule)}`);
      lines.push(`Расхождения по профилям: ${JSON.stringify(acc.byProfile)}`);
      const max = Number(values["max-misses"]);
      lines.push(...acc.misses.slice(0, max).map((m) => `  ${m}`));
      if (acc.misses.length > max) lines.push(`  … и ещё ${acc.misses.length - max}`);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    clearInterval(sampler);
    await demo.close();
    if (values.keep) process.stderr.write(`снимки и хранилище: ${dir}\n`);
    else await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  });
}

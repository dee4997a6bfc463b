/**
 * `npm run bench`: where nok-monitor stands against Crawlee and the physical bounds, on the bundled demo web
 * served locally. Prints a table and writes bench/results/<YYYY-MM-DD>.json (machine, Node, repetitions,
 * raw samples). Figures are medians of repetitions; ratios are computed within one run; absolute times are
 * printed, never asserted.
 *
 *   npm run bench -- [--only focus,throughput] [--reps N] [--quick]
 */
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { TOOL_VERSION } from "../src/version.ts";
import { hasTaskset } from "./child.ts";
import { measureDistributed } from "./distributed.ts";
import { measureFocus } from "./focus.ts";
import { parseBenchArgs } from "./main-args.ts";
import { measureMemory } from "./memory.ts";
import { measurePoliteness } from "./politeness.ts";
import { measureRerun } from "./rerun.ts";
import { measureScale } from "./scale.ts";
import { renderTable } from "./table.ts";
import { measureThroughput } from "./throughput.ts";
import { type BenchOptions, MEASUREMENT_IDS, type MeasurementId, type MeasurementResult } from "./types.ts";

const MEASUREMENTS: Record<MeasurementId, (o: BenchOptions) => Promise<MeasurementResult>> = {
  focus: measureFocus,
  throughput: measureThroughput,
  politeness: measurePoliteness,
  memory: measureMemory,
  rerun: measureRerun,
  scale: measureScale,
  distributed: measureDistributed,
};

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}

function machine() {
  return {
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    totalMemMb: Math.round(os.totalmem() / 1024 / 1024),
    loadAvg: os.loadavg(),
    taskset: hasTaskset(),
  };
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const startedAt = new Date();
  const machineAtStart = machine();
  log(
    `замеры: ${args.only.join(", ")}; повторов: ${args.reps}${args.quick ? "; быстрый режим" : ""}; ядер: ${machineAtStart.cpus}, загрузка ${machineAtStart.loadAvg.map((l) => l.toFixed(1)).join(" ")}`,
  );
  const results: MeasurementResult[] = [];
  const failures: { id: MeasurementId; error: string }[] = [];
  for (const id of args.only) {
    log(`${id}…`);
    try {
      results.push(
        await MEASUREMENTS[id]({ reps: args.reps, quick: args.quick, repsExplicit: args.repsExplicit, log }),
      );
    } catch (err) {
      // One broken measurement must not cost the others' figures.
      const error = err instanceof Error ? err.message : String(err);
      failures.push({ id, error });
      log(`${id}: ошибка — ${error}`);
    }
  }
  const finishedAt = new Date();
  process.stdout.write(`\n${renderTable(results)}`);
  for (const f of failures) process.stdout.write(`Замер ${f.id} не выполнен: ${f.error}\n`);
  const dir = new URL("./results/", import.meta.url);
  await mkdir(dir, { recursive: true });
  // A quick or partial run never overwrites the day's full results.
  const partial = args.only.length < MEASUREMENT_IDS.length ? `-${args.only.join("+")}` : "";
  const file = new URL(
    `${startedAt.toISOString().slice(0, 10)}${args.quick ? "-quick" : ""}${partial}.json`,
    dir,
  );
  const doc = {
    schema: "nok-monitor/bench@1",
    tool: { name: "nok-monitor", version: TOOL_VERSION, commit: gitCommit() },
    node: process.version,
    machine: { ...machineAtStart, loadAvgAtEnd: os.loadavg() },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    options: args,
    results,
    failures,
  };
  await writeFile(file, `${JSON.stringify(doc, null, 2)}\n`);
  log(
    `итог записан: ${file.pathname} (всего ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} с)`,
  );
  if (failures.length > 0) process.exitCode = 1;
}

try {
  await main();
} catch (err) {
  process.stderr.write(`nok-bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
}

/**
 * Measurement 5 — re-run: the same demo sites checked again, unchanged, with the previous run's snapshots
 * (checkSites reuses them by default), each pass in a fresh process.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchScript, runChild, startSteppedChild } from "./child.ts";
import { startDemoServer } from "./demo-children.ts";
import { type PassResult, verdictChanges } from "./rerun-pass.ts";
import { median, ratio, round, ru } from "./stats.ts";
import { targetOf } from "./targets.ts";
import type { BenchOptions, MeasurementResult } from "./types.ts";

export interface RerunSample {
  first: PassResult;
  second: PassResult;
  /** first wall time / re-run wall time. */
  speedup: number;
  /** Body bytes off the wire, first pass / re-run. */
  bytesRatio: number;
  /** Verdicts the re-run changed (`site:rule=before→after`): a re-run of unchanged sites must change none. */
  changed: string[];
}

const strip = (p: PassResult): PassResult => ({ ...p, verdicts: [] });

export async function measureRerun(options: BenchOptions): Promise<MeasurementResult> {
  const started = performance.now();
  const only = options.quick ? ["tula-social", "kalmykia-health"] : undefined;
  const server = await startDemoServer(only ? { only } : {});
  const root = await mkdtemp(join(tmpdir(), "nok-bench-rerun-"));
  const samples: RerunSample[] = [];
  try {
    const targets = server.info.sites.filter((s) => s.reachable).map(targetOf);
    const pass = (dir: string) =>
      runChild<PassResult>(
        benchScript("rerun-run.ts"),
        ["--root", dir, "--targets", JSON.stringify(targets)],
        {
          cpu: 0,
          timeoutMs: 15 * 60_000,
        },
      );
    // Warms the demo servers (their JIT) with a quick crawl of every page, so the first measured pass is not
    // slowed by the server side.
    const warmer = await startSteppedChild<unknown>(
      benchScript("throughput-ours.ts"),
      ["--urls", JSON.stringify(targets.map((t) => t.url)), "--max-pages", "300", "--light"],
      { cpu: 0, timeoutMs: 5 * 60_000 },
    );
    try {
      await warmer.step("pass");
    } finally {
      await warmer.stop();
    }
    for (let rep = 0; rep < options.reps; rep++) {
      const dir = join(root, String(rep));
      // Each pass in a fresh process, as a monthly re-run is: nothing is reused but what is on disk.
      const first = await pass(dir);
      const second = await pass(dir);
      const sample: RerunSample = {
        first: strip(first),
        second: strip(second),
        speedup: ratio(first.wallMs, second.wallMs),
        bytesRatio: ratio(first.wireBytes, second.wireBytes),
        changed: verdictChanges(first, second).map((c) => {
          const [i, rest] = c.split(/:(.*)/s);
          return `${targets[Number(i)]?.url ?? i} ${rest}`;
        }),
      };
      samples.push(sample);
      options.log?.(
        `rerun ${rep + 1}/${options.reps}: first ${ru(first.wallMs / 1000, 1)} s, re-run ${ru(second.wallMs / 1000, 1)} s; requests ${first.requests} → ${second.requests}, 304: ${second.notModified}; bytes ${first.wireBytes} → ${second.wireBytes}; verdicts changed: ${sample.changed.length}`,
      );
    }
  } finally {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
  const value = median(samples.map((s) => s.speedup));
  const bytesRatio = median(samples.map((s) => s.bytesRatio));
  const met = value >= 3 && bytesRatio >= 5;
  const last = samples.at(-1);
  const notes: string[] = [];
  const changed = [...new Set(samples.flatMap((s) => s.changed))];
  if (changed.length)
    notes.push(
      `Повторный прогон неизменившихся сайтов изменил вердикты (${changed.length}): ${changed.slice(0, 6).join("; ")}. Пока это так, ускорение завышено: страницы с ответом 304 не доходят до правил.`,
    );
  if (value < 3) notes.push(`Цель ≥ 3× по времени не достигнута: ${ru(value, 2)}×.`);
  if (bytesRatio < 5) notes.push(`Цель ≥ 5× по байтам не достигнута: ${ru(bytesRatio, 2)}×.`);
  return {
    id: "rerun",
    title: "Повторный прогон",
    headline: {
      label: "ускорение повторного прогона (время первого / повторного; цель и по байтам: ≥ 5× меньше)",
      value,
      unit: "×",
      goal: "≥ 3×, байт ≥ 5×",
      met,
    },
    figures: {
      "первый прогон, с": round(median(samples.map((s) => s.first.wallMs / 1000)), 2),
      "повторный прогон, с": round(median(samples.map((s) => s.second.wallMs / 1000)), 2),
      "CPU первого / повторного, с": `${ru(median(samples.map((s) => s.first.cpuMs / 1000)), 1)} / ${ru(median(samples.map((s) => s.second.cpuMs / 1000)), 1)}`,
      "запросов (первый / повторный)": last ? `${last.first.requests} / ${last.second.requests}` : "—",
      "ответов 304 в повторном": last?.second.notModified ?? 0,
      "байт тел по сети: первый / повторный (медиана отношения)": last
        ? `${last.first.wireBytes} / ${last.second.wireBytes} (${ru(bytesRatio, 1)}×)`
        : "—",
      "байт тел в обходе (первый / повторный)": last ? `${last.first.bytes} / ${last.second.bytes}` : "—",
      "вердиктов изменилось": changed.length,
    },
    definition:
      "Настоящий конвейер checkSites по всем доступным демо-сайтам (вежливость выключена, задержка 0), каждый прогон — в новом процессе, оба в один каталог снимков. Второй прогон — повторный: checkSites по умолчанию берёт прошлый прогон из каталога (условные запросы If-None-Match / If-Modified-Since для страниц и документов, при 304 — сохранённое извлечение без чтения тела, без валидаторов — сравнение хеша тела; сначала — страницы прошлых доказательств, затем остальные страницы прошлого обхода; обход сайта кончается, как только прошлые вердикты подтверждены неизменившимися страницами). Демо-сервер отдаёт ETag страниц на сайтах Битрикс, Госвеб и «совет», на «старом» сайте — только тела (проверка по хешу). Перед замерами демо-серверы прогреваются быстрым обходом всех страниц. Ускорение = время первого / время повторного в пределах одного повтора; байты — тела ответов по сети по счёту HTTP-фетчера.",
    notes,
    reps: options.reps,
    samples,
    wallMs: performance.now() - started,
  };
}

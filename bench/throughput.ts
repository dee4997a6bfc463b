/**
 * Measurement 2 — raw throughput: our crawl + parse + extract versus Crawlee's CheerioCrawler on the same demo
 * sites with the same page limit, politeness off, zero latency, each side in its own process on one core
 * (the demo servers on the other). Both sides stay alive through a repetition and take turns pass by pass
 * (child.ts startSteppedChild); the ratio is read per pass pair, so a slow spell of the machine falls on both.
 */
import { DEFAULT_BUDGET, POLITENESS_OFF } from "../src/crawl/index.ts";
import { benchScript, hasTaskset, type SteppedChild, startSteppedChild } from "./child.ts";
import { startDemoServer } from "./demo-children.ts";
import {
  fastestPass,
  median,
  type PassResult,
  pooledPasses,
  ratio,
  round,
  ru,
  STEADY_FROM,
  THROUGHPUT_PASSES,
} from "./stats.ts";
import type { BenchOptions, MeasurementResult } from "./types.ts";

type Side = "nok-monitor" | "nok-monitor-light" | "crawlee";

type Rated = PassResult & { side: Side; pagesPerSec: number; cpuMsPerPage: number };

/** Both sides read at one pass (or pooled passes), and our pages/s over Crawlee's. */
interface Pair {
  ours: Rated;
  crawlee: Rated;
  speedRatio: number;
}

export interface ThroughputSample {
  /** Every pass of the two sides, in order (pass k of each side ran one right after the other). */
  passes: { ours: Rated[]; crawlee: Rated[] };
  /** Our pages/s over Crawlee's in each pass pair (pass k of each side, run one right after the other). */
  pairRatios: number[];
  /** The median of the steady pass pairs' ratios: the headline of this repetition. */
  speedRatio: number;
  /** Steady passes pooled on each side: pages/s and CPU a page. */
  pooled: Pair;
  /** The fastest steady pass of each side. */
  best: Pair;
  /** Crawlee CPU ms per page ÷ ours, steady passes pooled. */
  cpuRatio: number;
  /** Our crawler with the Crawlee side's light handler, steady passes pooled: the crawl layer alone (first repetition only). */
  oursLight: Rated | null;
  /** ours-light pages/s ÷ Crawlee pages/s, steady passes pooled. */
  lightSpeedRatio: number;
  /** First passes: JIT still compiling (our extraction and document readers, Crawlee's handler). */
  cold: Pair;
  /** Second passes: JIT still at work on our side. */
  second: Pair;
}

const withRates = (side: Side, r: PassResult): Rated => ({
  side,
  pages: r.pages,
  bytes: r.bytes,
  wallMs: r.wallMs,
  cpuMs: r.cpuMs,
  pagesPerSec: (r.pages * 1000) / r.wallMs,
  cpuMsPerPage: r.cpuMs / r.pages,
});

const pairOf = (ours: PassResult, crawlee: PassResult): Pair => {
  const o = withRates("nok-monitor", ours);
  const c = withRates("crawlee", crawlee);
  return { ours: o, crawlee: c, speedRatio: ratio(o.pagesPerSec, c.pagesPerSec) };
};

export async function measureThroughput(options: BenchOptions): Promise<MeasurementResult> {
  const started = performance.now();
  const maxPages = options.quick ? 60 : DEFAULT_BUDGET.maxPages;
  const only = options.quick ? ["khmao-education", "kalmykia-health"] : undefined;
  const server = await startDemoServer(only ? { only } : {});
  const samples: ThroughputSample[] = [];
  try {
    const urls = server.info.sites.filter((s) => s.reachable).map((s) => s.url);
    const args = ["--urls", JSON.stringify(urls), "--max-pages", String(maxPages), "--warmup", urls[0]!];
    const start = (script: string, extra: string[] = []) =>
      startSteppedChild<PassResult>(benchScript(script), [...args, ...extra], {
        cpu: 0,
        timeoutMs: 20 * 60_000,
      });
    /** `passes` passes of each side, interleaved: pass k of one side right after pass k of the other. */
    const interleaved = async (scripts: string[][], firstSide: number): Promise<PassResult[][]> => {
      // Started (and warmed up) one after the other, then all alive: each waits while another measures.
      const children: SteppedChild<PassResult>[] = [];
      try {
        for (const [script, ...extra] of scripts) children.push(await start(script!, extra));
        const passes: PassResult[][] = children.map(() => []);
        for (let k = 0; k < THROUGHPUT_PASSES; k++) {
          // The side that goes first alternates, so neither always runs right after the other.
          for (let i = 0; i < children.length; i++) {
            const c = (i + k + firstSide) % children.length;
            passes[c]!.push(await children[c]!.step("pass"));
          }
        }
        return passes;
      } finally {
        for (const child of children) await child.stop();
      }
    };
    const steady = (p: PassResult[]) => p.slice(STEADY_FROM - 1);
    for (let rep = 0; rep < options.reps; rep++) {
      const [ours, crawlee] = (await interleaved(
        [["throughput-ours.ts"], ["throughput-crawlee.ts"]],
        rep,
      )) as [PassResult[], PassResult[]];
      // The light variant only explains where our time goes: measured once, on its own, not repeated.
      const light =
        rep === 0 ? ((await interleaved([["throughput-ours.ts", "--light"]], 0))[0] ?? null) : null;
      const pairRatios = ours.map((o, k) => pairOf(o, crawlee[k]!).speedRatio);
      const pooled = pairOf(pooledPasses(steady(ours)), pooledPasses(steady(crawlee)));
      const oursLight = light ? withRates("nok-monitor-light", pooledPasses(steady(light))) : null;
      const sample: ThroughputSample = {
        passes: {
          ours: ours.map((p) => withRates("nok-monitor", p)),
          crawlee: crawlee.map((p) => withRates("crawlee", p)),
        },
        pairRatios,
        speedRatio: median(pairRatios.slice(STEADY_FROM - 1)),
        pooled,
        best: pairOf(fastestPass(steady(ours)), fastestPass(steady(crawlee))),
        cpuRatio: ratio(pooled.crawlee.cpuMsPerPage, pooled.ours.cpuMsPerPage),
        oursLight,
        lightSpeedRatio: oursLight ? ratio(oursLight.pagesPerSec, pooled.crawlee.pagesPerSec) : Number.NaN,
        cold: pairOf(ours[0]!, crawlee[0]!),
        second: pairOf(ours[1]!, crawlee[1]!),
      };
      samples.push(sample);
      options.log?.(
        `throughput ${rep + 1}/${options.reps}: pass pairs ${pairRatios.map((r) => ru(r, 2)).join(" ")} → steady median ${ru(sample.speedRatio, 2)}×; passes ${STEADY_FROM}–${THROUGHPUT_PASSES} pooled ours ${ru(pooled.ours.pagesPerSec, 0)} pages/s, ${ru(pooled.ours.cpuMsPerPage, 1)} ms CPU/page, Crawlee ${ru(pooled.crawlee.pagesPerSec, 0)} pages/s, ${ru(pooled.crawlee.cpuMsPerPage, 1)} ms CPU/page (${ru(pooled.speedRatio, 2)}×); best pass each ${ru(sample.best.speedRatio, 2)}×; second ${ru(sample.second.speedRatio, 2)}×; first ${ru(sample.cold.speedRatio, 2)}×`,
      );
    }
  } finally {
    await server.stop();
  }
  const value = median(samples.map((s) => s.speedRatio));
  const met = value >= 2;
  const m = (f: (s: ThroughputSample) => number, digits = 1) => round(median(samples.map(f)), digits);
  const steadyPasses = `${STEADY_FROM}–${THROUGHPUT_PASSES}`;
  /** «страниц/с, мс CPU на страницу» of one side at one reading, medians over repetitions. */
  const side = (f: (s: ThroughputSample) => Rated) =>
    `${ru(
      m((s) => f(s).pagesPerSec, 0),
      0,
    )}, ${ru(
      m((s) => f(s).cpuMsPerPage),
      1,
    )}`;
  const notes: string[] = [];
  if (!hasTaskset()) notes.push("taskset не найден: процессы не закреплены за одним ядром.");
  notes.push(
    "Crawlee загружает документы, но не извлекает из них текст (у него нет такого извлечения); наша сторона разбирает PDF, DOC(X), XLS(X) — это дороже и входит в наши цифры.",
  );
  if (!met)
    notes.push(
      `Цель ≥ 2× не достигнута: ${ru(value, 2)}× (на ${ru((1 - value / 2) * 100, 0)} % ниже цели). Сам обходчик с тем же лёгким обработчиком, что у Crawlee, быстрее в ${ru(median(samples.map((s) => s.lightSpeedRatio)), 2)} раза; разницу съедает извлечение (${ru(median(samples.map((s) => (s.oursLight ? s.pooled.ours.cpuMsPerPage - s.oursLight.cpuMsPerPage : Number.NaN))), 1)} мс CPU на страницу: раскладка текста, нормализация русского текста, даты, контакты, документы).`,
    );
  return {
    id: "throughput",
    title: "Сырая пропускная способность",
    headline: {
      label: `страниц/с: мы / Crawlee CheerioCrawler, установившийся режим (медиана пар проходов ${steadyPasses})`,
      value,
      unit: "×",
      goal: "≥ 2×",
      met,
    },
    figures: {
      "пары проходов 1…6, мы / Crawlee (последний повтор)": (samples.at(-1)?.pairRatios ?? [])
        .map((r) => ru(r, 2))
        .join("; "),
      [`проходы ${steadyPasses} вместе, мы / Crawlee`]: m((s) => s.pooled.speedRatio, 2),
      "  то же, мы: страниц/с, мс CPU на страницу": side((s) => s.pooled.ours),
      "  то же, Crawlee: страниц/с, мс CPU на страницу": side((s) => s.pooled.crawlee),
      "  отношение CPU на страницу (Crawlee / мы)": m((s) => s.cpuRatio, 2),
      [`лучший из проходов ${steadyPasses} у каждой стороны, мы / Crawlee`]: m((s) => s.best.speedRatio, 2),
      "второй проход (JIT у нас ещё компилирует), мы / Crawlee": m((s) => s.second.speedRatio, 2),
      "  то же, мы / Crawlee: мс CPU на страницу": `${ru(
        m((s) => s.second.ours.cpuMsPerPage),
        1,
      )} / ${ru(
        m((s) => s.second.crawlee.cpuMsPerPage),
        1,
      )}`,
      "первый проход (JIT ещё компилирует), мы / Crawlee": m((s) => s.cold.speedRatio, 2),
      "  первый проход, мы: страниц/с, мс CPU на страницу": side((s) => s.cold.ours),
      "  первый проход, Crawlee: страниц/с, мс CPU на страницу": side((s) => s.cold.crawlee),
      [`наш обходчик с лёгким обработчиком Crawlee, проходы ${steadyPasses}: страниц/с (1 повтор)`]: m(
        (s) => s.oursLight?.pagesPerSec ?? Number.NaN,
        0,
      ),
      "  то же, мс CPU на страницу": m((s) => s.oursLight?.cpuMsPerPage ?? Number.NaN),
      "  то же / Crawlee, страниц/с": m((s) => s.lightSpeedRatio, 2),
      "страниц за проход (мы / Crawlee)": `${samples.at(-1)?.cold.ours.pages ?? 0} / ${samples.at(-1)?.cold.crawlee.pages ?? 0}`,
    },
    definition: `Каждая сторона — отдельный процесс на одном ядре (taskset -c 0; демо-сервер — отдельный процесс на ядре 1), все сайты одновременно, не более ${maxPages} загрузок на сайт, вежливость выключена (до ${POLITENESS_OFF.perHostConcurrency} запросов к хосту и ${POLITENESS_OFF.globalConcurrency} всего одновременно; у Crawlee фиксированная параллельность ${POLITENESS_OFF.globalConcurrency}), задержка 0, перед замером — разогрев на первом сайте (у нас он же запускает поток разбора документов и загружает в нём модули чтения — постоянная стоимость запуска, как загрузка модулей у Crawlee). Наша сторона: crawlSite (robots.txt, sitemap, фронтир) + extractArtifacts (текст, ссылки, даты, контакты, документы), без снимков и правил. Crawlee: один CheerioCrawler на все сайты, обработчик берёт title, видимый текст и ссылки (enqueueLinks same-origin, не более ${maxPages} адресов на сайт). Третья сторона для разбора — наш crawlSite с тем же лёгким обработчиком (cheerio), что у Crawlee, измеряется отдельно. Оба процесса живут весь повтор и проходят веб ${THROUGHPUT_PASSES} раз, по очереди: проход k одной стороны сразу за проходом k другой (кто первый — чередуется), пока одна сторона меряет, другая ждёт без работы; так медленные полосы виртуальной машины (та же работа брала на треть больше CPU от запуска к запуску) ложатся на обе стороны пары. Первый проход — как короткий запуск (JIT компилирует всё); V8 продолжает компилировать и дальше (в трассировке нашей стороны во втором проходе 221 компиляция TurboFan на 1,25 с CPU, в третьем и четвёртом — около сотни), поэтому установившийся режим, как в национальном прогоне на сотнях тысяч страниц, — проходы ${steadyPasses}; заголовок — медиана отношений в парах этих проходов, затем медиана по повторам; те же проходы вместе, лучший проход каждой стороны, второй и первый проходы показаны рядом. Процесс, прождавший проход другой стороны, проходил следующий медленнее (у нас до трети CPU на страницу), чего в непрерывном прогоне не бывает: поэтому перед каждым проходом обе стороны делают тот же короткий обход первого сайта (40 загрузок), что и при разогреве, вне замера, а наш поток разбора документов, пока меряет другая сторона, держится пустой задачей раз в 3 с (иначе он завершается после 10 с простоя и следующий проход читает документы с холодным JIT). Страниц/с = загрузки / время прохода; CPU — user+system процесса за проход.`,
    notes,
    reps: options.reps,
    samples,
    wallMs: performance.now() - started,
  };
}

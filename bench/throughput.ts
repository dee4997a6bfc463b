/**
 * Measurement 2 — raw throughput: our crawl + parse + extract versus Crawlee's CheerioCrawler on the same demo
 * sites with the same page limit, politeness off, zero latency, each side in its own process on one core
 * (the demo servers on the other). The two sides alternate within each repetition; the ratio is per repetition.
 */
import { DEFAULT_BUDGET, POLITENESS_OFF } from "../src/crawl/index.ts";
import { benchScript, hasTaskset, runChild } from "./child.ts";
import { startDemoServer } from "./demo-children.ts";
import {
  fastestPass,
  median,
  type PassResult,
  pooledPasses,
  ratio,
  round,
  ru,
  THROUGHPUT_PASSES,
} from "./stats.ts";
import type { BenchOptions, MeasurementResult } from "./types.ts";

/** A side's passes over the same web, in order (stats.ts measuredPasses). */
interface SideResult {
  side: "nok-monitor" | "nok-monitor-light" | "crawlee";
  passes: PassResult[];
}

type Rated = PassResult & { side: SideResult["side"]; pagesPerSec: number; cpuMsPerPage: number };

export interface ThroughputSample {
  /** The faster of the last two passes: steady state, as in a long national run. */
  ours: Rated;
  /** Our crawler with the Crawlee side's light handler: the crawl layer alone (first repetition only). */
  oursLight: Rated | null;
  crawlee: Rated;
  /** ours pages/s ÷ Crawlee pages/s. */
  speedRatio: number;
  /** Crawlee CPU ms per page ÷ ours. */
  cpuRatio: number;
  /** ours-light pages/s ÷ Crawlee pages/s. */
  lightSpeedRatio: number;
  /** First passes: JIT still compiling (our extraction and document readers, Crawlee's handler). */
  cold: { ours: Rated; crawlee: Rated; speedRatio: number };
  /** The last two passes pooled. */
  pooled: { ours: Rated; crawlee: Rated; speedRatio: number };
  /** Second passes (the steady state this bench read before): JIT still at work on our side. */
  second: { ours: Rated; crawlee: Rated; speedRatio: number };
}

const withRates = (side: SideResult["side"], r: PassResult): Rated => ({
  side,
  pages: r.pages,
  bytes: r.bytes,
  wallMs: r.wallMs,
  cpuMs: r.cpuMs,
  pagesPerSec: (r.pages * 1000) / r.wallMs,
  cpuMsPerPage: r.cpuMs / r.pages,
});

export async function measureThroughput(options: BenchOptions): Promise<MeasurementResult> {
  const started = performance.now();
  const maxPages = options.quick ? 60 : DEFAULT_BUDGET.maxPages;
  const only = options.quick ? ["khmao-education", "kalmykia-health"] : undefined;
  const server = await startDemoServer(only ? { only } : {});
  const samples: ThroughputSample[] = [];
  try {
    const urls = server.info.sites.filter((s) => s.reachable).map((s) => s.url);
    const args = ["--urls", JSON.stringify(urls), "--max-pages", String(maxPages), "--warmup", urls[0]!];
    const side = (script: string, extra: string[] = []) =>
      runChild<SideResult>(benchScript(script), [...args, ...extra], { cpu: 0, timeoutMs: 10 * 60_000 });
    for (let rep = 0; rep < options.reps; rep++) {
      // Rotate the order so a drift in machine load does not always favour the same side.
      const runs = [() => side("throughput-ours.ts"), () => side("throughput-crawlee.ts")];
      const results: SideResult[] = [];
      for (let i = 0; i < runs.length; i++) results.push(await runs[(i + rep) % runs.length]!());
      // The light variant only explains where our time goes: measured once, not repeated.
      if (rep === 0) results.push(await side("throughput-ours.ts", ["--light"]));
      // Which pass a reading takes: the first, the second, the last two pooled, or the faster of the last two.
      const PASS = {
        first: (p: PassResult[]) => p[0]!,
        second: (p: PassResult[]) => p[1]!,
        pooled: (p: PassResult[]) => pooledPasses(p.slice(-2)),
        steady: (p: PassResult[]) => fastestPass(p.slice(-2)),
      };
      const pick = (name: SideResult["side"], pass: keyof typeof PASS = "steady") => {
        const r = results.find((x) => x.side === name);
        return r ? withRates(name, PASS[pass](r.passes)) : null;
      };
      /** Both sides read at one pass, and our pages/s over Crawlee's. */
      const pair = (pass: keyof typeof PASS) => {
        const ours = pick("nok-monitor", pass)!;
        const crawlee = pick("crawlee", pass)!;
        return { ours, crawlee, speedRatio: ratio(ours.pagesPerSec, crawlee.pagesPerSec) };
      };
      const { ours, crawlee, speedRatio } = pair("steady");
      const oursLight = pick("nok-monitor-light");
      const sample: ThroughputSample = {
        ours,
        oursLight,
        crawlee,
        speedRatio,
        cpuRatio: ratio(crawlee.cpuMsPerPage, ours.cpuMsPerPage),
        lightSpeedRatio: oursLight ? ratio(oursLight.pagesPerSec, crawlee.pagesPerSec) : Number.NaN,
        cold: pair("first"),
        pooled: pair("pooled"),
        second: pair("second"),
      };
      samples.push(sample);
      options.log?.(
        `throughput ${rep + 1}/${options.reps}: best of passes ${THROUGHPUT_PASSES - 1}–${THROUGHPUT_PASSES} ours ${ru(ours.pagesPerSec, 0)} pages/s, ${ru(ours.cpuMsPerPage, 1)} ms CPU/page, Crawlee ${ru(crawlee.pagesPerSec, 0)} pages/s, ${ru(crawlee.cpuMsPerPage, 1)} ms CPU/page (${ru(sample.speedRatio, 2)}×; pooled ${ru(sample.pooled.speedRatio, 2)}×); second pass ${ru(sample.second.speedRatio, 2)}×; first pass ${ru(sample.cold.speedRatio, 2)}×`,
      );
    }
  } finally {
    await server.stop();
  }
  const value = median(samples.map((s) => s.speedRatio));
  const met = value >= 2;
  const m = (f: (s: ThroughputSample) => number, digits = 1) => round(median(samples.map(f)), digits);
  const notes: string[] = [];
  if (!hasTaskset()) notes.push("taskset не найден: процессы не закреплены за одним ядром.");
  notes.push(
    "Crawlee загружает документы, но не извлекает из них текст (у него нет такого извлечения); наша сторона разбирает PDF, DOC(X), XLS(X) — это дороже и входит в наши цифры.",
  );
  if (!met)
    notes.push(
      `Цель ≥ 2× не достигнута: ${ru(value, 2)}× (на ${ru((1 - value / 2) * 100, 0)} % ниже цели). Сам обходчик с тем же лёгким обработчиком, что у Crawlee, быстрее в ${ru(median(samples.map((s) => s.lightSpeedRatio)), 2)} раза; разницу съедает извлечение (${ru(median(samples.map((s) => (s.oursLight ? s.ours.cpuMsPerPage - s.oursLight.cpuMsPerPage : Number.NaN))), 1)} мс CPU на страницу: раскладка текста, нормализация русского текста, даты, контакты, документы).`,
    );
  return {
    id: "throughput",
    title: "Сырая пропускная способность",
    headline: {
      label: `страниц/с: мы / Crawlee CheerioCrawler, установившийся режим (лучший из проходов ${THROUGHPUT_PASSES - 1}–${THROUGHPUT_PASSES})`,
      value,
      unit: "×",
      goal: "≥ 2×",
      met,
    },
    figures: {
      "первый проход (JIT ещё компилирует), мы / Crawlee": m((s) => s.cold.speedRatio, 2),
      "  то же, мы: страниц/с, мс CPU на страницу": `${ru(
        m((s) => s.cold.ours.pagesPerSec, 0),
        0,
      )}, ${ru(
        m((s) => s.cold.ours.cpuMsPerPage),
        1,
      )}`,
      "  то же, Crawlee: страниц/с, мс CPU на страницу": `${ru(
        m((s) => s.cold.crawlee.pagesPerSec, 0),
        0,
      )}, ${ru(
        m((s) => s.cold.crawlee.cpuMsPerPage),
        1,
      )}`,
      [`проходы ${THROUGHPUT_PASSES - 1}–${THROUGHPUT_PASSES} вместе, мы / Crawlee`]: m(
        (s) => s.pooled.speedRatio,
        2,
      ),
      "второй проход (JIT у нас ещё компилирует), мы / Crawlee": m((s) => s.second.speedRatio, 2),
      "  то же, мы / Crawlee: мс CPU на страницу": `${ru(
        m((s) => s.second.ours.cpuMsPerPage),
        1,
      )} / ${ru(
        m((s) => s.second.crawlee.cpuMsPerPage),
        1,
      )}`,
      "мы, страниц/с": m((s) => s.ours.pagesPerSec, 0),
      "мы, мс CPU на страницу": m((s) => s.ours.cpuMsPerPage),
      "Crawlee, страниц/с": m((s) => s.crawlee.pagesPerSec, 0),
      "Crawlee, мс CPU на страницу": m((s) => s.crawlee.cpuMsPerPage),
      "отношение CPU на страницу (Crawlee / мы)": m((s) => s.cpuRatio, 2),
      "наш обходчик с лёгким обработчиком Crawlee, страниц/с (1 повтор)": m(
        (s) => s.oursLight?.pagesPerSec ?? Number.NaN,
        0,
      ),
      "  то же, мс CPU на страницу": m((s) => s.oursLight?.cpuMsPerPage ?? Number.NaN),
      "  то же / Crawlee, страниц/с": m((s) => s.lightSpeedRatio, 2),
      "страниц за проход (мы / Crawlee)": `${samples.at(-1)?.cold.ours.pages ?? 0} / ${samples.at(-1)?.cold.crawlee.pages ?? 0}`,
    },
    definition: `Каждая сторона — отдельный процесс на одном ядре (taskset -c 0; демо-сервер — отдельный процесс на ядре 1), все сайты одновременно, не более ${maxPages} загрузок на сайт, вежливость выключена (до ${POLITENESS_OFF.perHostConcurrency} запросов к хосту и ${POLITENESS_OFF.globalConcurrency} всего одновременно; у Crawlee фиксированная параллельность ${POLITENESS_OFF.globalConcurrency}), задержка 0, перед замером — разогрев на первом сайте (у нас он же запускает поток разбора документов и загружает в нём модули чтения — постоянная стоимость запуска, как загрузка модулей у Crawlee). Наша сторона: crawlSite (robots.txt, sitemap, фронтир) + extractArtifacts (текст, ссылки, даты, контакты, документы), без снимков и правил. Crawlee: один CheerioCrawler на все сайты, обработчик берёт title, видимый текст и ссылки (enqueueLinks same-origin, не более ${maxPages} адресов на сайт). Третья сторона для разбора — наш crawlSite с тем же лёгким обработчиком (cheerio), что у Crawlee. Стороны идут по очереди, порядок сдвигается в каждом повторе. Каждая сторона проходит веб ${THROUGHPUT_PASSES} раза подряд в одном процессе: первый проход — как короткий запуск (JIT компилирует всё); V8 продолжает компилировать и дальше (в трассировке нашей стороны во втором проходе 221 компиляция TurboFan на 1,25 с CPU, в третьем и четвёртом — около сотни: pdf.js, mammoth и SheetJS видят лишь около восьмидесяти документов за проход), поэтому установившийся режим, как в национальном прогоне на сотнях тысяч страниц, — более быстрый из двух последних проходов (у виртуальной машины бывают медленные полосы: та же работа брала на треть больше CPU от запуска к запуску), у обеих сторон одинаково; цель сравнивается с ним; два последних прохода вместе, первый и второй проходы показаны рядом. Страниц/с = загрузки / время прохода; CPU — user+system процесса за проход.`,
    notes,
    reps: options.reps,
    samples,
    wallMs: performance.now() - started,
  };
}

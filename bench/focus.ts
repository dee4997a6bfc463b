/**
 * Measurement 1 — focus: on each demo site, the fetches our best-first frontier needs to settle every
 * verdict, versus a plain breadth-first crawl of the same site with the same budget (see settle.ts for the
 * settle point). The focused side is the real pipeline (checkSite); the BFS side is crawlSite with a
 * priority that ignores every cue, no sitemaps, and the same extraction.
 */

import { DEMO_AS_OF, DEMO_SPECS, type DemoSite, startDemoWeb } from "../demo/index.ts";
import {
  crawlSite,
  createHttpFetcher,
  createPool,
  DEFAULT_BUDGET,
  DEFAULT_SETTLE,
  POLITENESS_OFF,
} from "../src/crawl/index.ts";
import { extractArtifacts } from "../src/extract/index.ts";
import { weightsFromRules } from "../src/findings/score.ts";
import { loadRulesOrThrow } from "../src/pipeline/check-run.ts";
import { checkSite, manifestEntry } from "../src/pipeline/site.ts";
import { ruleInfo } from "../src/rules/index.ts";
import type { SnapshotWriter } from "../src/snapshot/index.ts";
import type { CrawlSummary, Fetcher, RuleDef, SiteResult, Status } from "../src/types/index.ts";
import { recordingWriter } from "./recording-writer.ts";
import { type ArtifactCache, artifactKey, replayCrawl, settlePoint } from "./settle.ts";
import { median, ratio, round, ru } from "./stats.ts";
import type { BenchOptions, MeasurementResult } from "./types.ts";

/** Small, quick sites for --quick (one stops early, one has gaps and is crawled out). */
export const QUICK_FOCUS_SITES = ["tula-social", "kalmykia-health"];

/** Counts, not times, and a reproducible fetch order: repetitions would give the same numbers. */
const FOCUS_REPS = 1;

export interface FocusSiteSample {
  site: string;
  /** Fetches until the focused crawl's verdicts settled. */
  focusedSettle: number;
  /** Fetches the focused crawl really made before it stopped (all rules passed, frontier empty or budget). */
  focusedFetched: number;
  bfsSettle: number;
  bfsSettled: boolean;
  bfsFetched: number;
  /** focusedSettle / bfsSettle. */
  ratio: number;
  /** focusedFetched / bfsSettle: counts the fetches our crawler spends proving an absence. */
  ratioFetched: number;
  /** Rules whose focused verdict differs from the demo's expected one (a correctness note, not a speed one). */
  wrongVsExpected: number;
  /** Every focused verdict is pass (or n/a): the stop is the settle point. Otherwise a `fail`, `warn` or
   * `unknown` must be backed by reading every relevant place before the crawl may stop. */
  allPass: boolean;
  bfsDiffers: string[];
  focusedReplayDiffers: string[];
  /** Fetches of the same pipeline with settle off (every link within budget). */
  exhaustiveFetched: number;
  /** Rules whose verdict with settle differs from the verdict of the exhaustive crawl (must be none). */
  exhaustiveDiffers: string[];
}

// One request per host at a time: the fetch order, and so every count here, is reproducible run to run.
const pool = () => createPool({ ...POLITENESS_OFF, perHostConcurrency: 1 });

/** The ratio at stop apart for sites whose verdicts all passed and for those with a fail, warn or unknown. */
function groupFigures(samples: FocusSiteSample[]): Record<string, number | string> {
  const group = (allPass: boolean) => samples.filter((s) => s.allPass === allPass);
  const line = (g: FocusSiteSample[]) =>
    g.length ? `${ru(median(g.map((s) => s.ratioFetched)), 3)} (сайтов: ${g.length})` : "—";
  return {
    "  медиана до остановки, сайты, где все вердикты pass": line(group(true)),
    "  медиана до остановки, сайты с fail, warn или unknown": line(group(false)),
  };
}

/** The summary the focused crawl ended with, rebuilt from its SiteResult (pendingRelevant is approximated). */
export function summaryOf(r: SiteResult): CrawlSummary {
  return {
    startUrl: r.url,
    finalUrl: r.finalUrl,
    pages: r.crawl.pages,
    documents: r.crawl.documents,
    bytes: r.crawl.bytes,
    errors: r.crawl.errors,
    skippedByRobots: r.crawl.skippedByRobots,
    budgetExhausted: r.crawl.budgetExhausted,
    budgetReason: r.crawl.budgetExhausted ? "pages" : null,
    pendingRelevant: r.crawl.budgetExhausted ? 1 : 0,
    durationMs: r.crawl.durationMs,
    siteError: r.error,
    status: r.status,
  };
}

/** A demo site as the pipeline's authority target. */
export function authorityTarget(site: DemoSite) {
  return {
    url: site.url,
    kind: "authority" as const,
    sphere: site.sphere,
    region: site.region,
    name: site.name,
  };
}

/**
 * A demo site checked as its authority by the real pipeline, one request at a time; `settle: false` crawls
 * every link within budget. The focus measurement, its trace and the settle tests share it.
 */
export function checkDemoAuthority(
  site: DemoSite,
  o: { fetcher: Fetcher; rules: RuleDef[]; writer: SnapshotWriter; settle?: false },
): Promise<SiteResult> {
  return checkSite(authorityTarget(site), {
    fetcher: o.fetcher,
    pool: pool(),
    budget: DEFAULT_BUDGET,
    rules: o.rules,
    weights: weightsFromRules(o.rules.map(ruleInfo)),
    asOf: DEMO_AS_OF,
    writer: o.writer,
    ...(o.settle === false ? { settle: false as const } : {}),
  });
}

async function measureSite(site: DemoSite, fetcher: Fetcher, rules: RuleDef[]): Promise<FocusSiteSample> {
  const authorityRules = rules.filter((r) => r.appliesTo.kind === "authority");

  const focusedWriter = recordingWriter("focus");
  const focused = await checkDemoAuthority(site, { fetcher, rules, writer: focusedWriter });
  // The same pipeline without settle: every link within budget. Its verdicts are what a stop must not change.
  const exhaustive = await checkDemoAuthority(site, {
    fetcher,
    rules,
    writer: recordingWriter("exhaustive"),
    settle: false,
  });
  const exhaustiveDiffers = focused.findings
    .filter((f) => exhaustive.findings.find((g) => g.rule === f.rule)?.status !== f.status)
    .map((f) => f.rule);
  const reference: Record<string, Status> = Object.fromEntries(
    focused.findings.map((f) => [f.rule, f.status]),
  );
  const common = {
    startUrl: site.url,
    rules: authorityRules,
    asOf: DEMO_AS_OF,
    sphere: site.sphere,
    reference,
  };
  // One cache per site: the BFS side reuses the focused replay's extractions of the same bytes at the same URL.
  const cache: ArtifactCache = new Map();
  const focusedSettle = settlePoint({
    ...common,
    replay: await replayCrawl(focusedWriter, cache),
    summary: summaryOf(focused),
  });

  const bfsWriter = recordingWriter("bfs");
  const bfs = await crawlSite(site.url, {
    fetcher,
    pool: pool(),
    budget: DEFAULT_BUDGET,
    priority: () => 0,
    useSitemaps: false,
    onPage: async (page, req) => {
      const hash = page.body && page.body.length > 0 ? await bfsWriter.putBody(page.body) : null;
      await bfsWriter.append(manifestEntry(site.url, page, req, hash, page.body?.length ?? 0));
      if (!page.body || page.status < 200 || page.status >= 300 || page.contentKind === "other")
        return { links: [] };
      const key = artifactKey(hash!, page.url);
      const a =
        cache.get(key) ??
        (await extractArtifacts({
          url: page.url,
          finalUrl: page.finalUrl,
          contentKind: page.contentKind,
          headers: page.headers,
          body: page.body,
          truncated: page.truncated,
        }));
      cache.set(key, a);
      return { links: a.links };
    },
  });
  const bfsSettle = settlePoint({ ...common, replay: await replayCrawl(bfsWriter, cache), summary: bfs });

  return {
    site: site.id,
    focusedSettle: focusedSettle.pages,
    focusedFetched: focused.crawl.pages,
    bfsSettle: bfsSettle.pages,
    bfsSettled: bfsSettle.settled,
    bfsFetched: bfs.pages,
    ratio: ratio(focusedSettle.pages, bfsSettle.pages),
    ratioFetched: ratio(focused.crawl.pages, bfsSettle.pages),
    wrongVsExpected: focused.findings.filter((f) => site.expected[f.rule] !== f.status).length,
    allPass: focused.findings.every((f) => f.status === "pass" || f.status === "n/a"),
    bfsDiffers: bfsSettle.differs,
    focusedReplayDiffers: focusedSettle.differs,
    exhaustiveFetched: exhaustive.crawl.pages,
    exhaustiveDiffers,
  };
}

/** `only`: demo site ids to measure (default: all, or QUICK_FOCUS_SITES with --quick). */
export async function measureFocus(options: BenchOptions, only?: string[]): Promise<MeasurementResult> {
  const started = performance.now();
  const rules = loadRulesOrThrow();
  const ids = only ?? (options.quick ? QUICK_FOCUS_SITES : undefined);
  const web = await startDemoWeb({ slowLatencyMs: 0, ...(ids ? { only: ids } : {}) });
  const fetcher = createHttpFetcher();
  const reps: FocusSiteSample[][] = [];
  try {
    // An unreachable site settles at its first fetch on both sides: it says nothing about focus.
    const reachable = new Set(DEMO_SPECS.filter((s) => s.reachable).map((s) => s.id));
    const sites = web.sites.filter((s) => reachable.has(s.id));
    for (let rep = 0; rep < FOCUS_REPS; rep++) {
      const samples: FocusSiteSample[] = [];
      for (const site of sites) {
        const s = await measureSite(site, fetcher, rules);
        samples.push(s);
        options.log?.(
          `focus ${rep + 1}/${FOCUS_REPS} ${s.site}: ${s.focusedSettle} (${s.focusedFetched}) vs BFS ${s.bfsSettle}${s.bfsSettled ? "" : "+"}; exhaustive ${s.exhaustiveFetched}${s.exhaustiveDiffers.length ? ` DIFFERS: ${s.exhaustiveDiffers.join(", ")}` : ""}`,
        );
      }
      reps.push(samples);
    }
  } finally {
    await fetcher.close?.();
    await web.close();
  }
  const perRep = reps.map((samples) => median(samples.map((s) => s.ratio)));
  const perRepFetched = reps.map((samples) => median(samples.map((s) => s.ratioFetched)));
  const settleValue = median(perRep);
  // The goal is the stop: what the sites' servers and the wall clock pay, not the point seen in hindsight.
  const value = median(perRepFetched);
  const last = reps.at(-1) ?? [];
  const identical = last.filter((s) => s.exhaustiveDiffers.length === 0).length;
  const figures: Record<string, number | string> = {
    "медиана отношения, загрузок до установления вердиктов (наш / BFS)": round(settleValue, 3),
    "медиана отношения, загрузок до остановки ÷ загрузок исчерпывающего BFS": round(
      median(last.map((s) => ratio(s.focusedFetched, s.bfsFetched))),
      3,
    ),
    "медиана отношения, загрузок до остановки ÷ загрузок того же конвейера без остановки": round(
      median(last.map((s) => ratio(s.focusedFetched, s.exhaustiveFetched))),
      3,
    ),
    "сайтов с вердиктами, равными исчерпывающему обходу": `${identical} из ${last.length}`,
    ...groupFigures(last),
    сайтов: last.length,
  };
  for (const s of last) {
    figures[`  ${s.site}`] =
      `${s.focusedSettle} (загружено ${s.focusedFetched}; без остановки ${s.exhaustiveFetched}${s.exhaustiveDiffers.length ? `, вердикты расходятся: ${s.exhaustiveDiffers.join(", ")}` : ""}) против BFS ${s.bfsSettle}${s.bfsSettled ? "" : "+ (не сошёлся)"} из ${s.bfsFetched}`;
  }
  const notes: string[] = [];
  const unsettled = last.filter((s) => !s.bfsSettled).map((s) => s.site);
  if (unsettled.length)
    notes.push(
      `BFS не пришёл к тем же вердиктам на: ${unsettled.join(", ")} — его точка считается равной числу загрузок (оценка снизу в его пользу).`,
    );
  const replayOff = last.filter((s) => s.focusedReplayDiffers.length > 0).map((s) => s.site);
  if (replayOff.length)
    notes.push(`Повтор сфокусированного обхода не воспроизвёл его вердикты на: ${replayOff.join(", ")}.`);
  const wrong = last.reduce((n, s) => n + s.wrongVsExpected, 0);
  if (wrong > 0)
    notes.push(
      `Справочно: ${wrong} вердиктов сфокусированного прогона расходятся с ожидаемыми демо-веба (вопрос правил, не скорости).`,
    );
  if (identical < last.length)
    notes.push(
      `Остановка по установлению изменила вердикты на ${last.length - identical} сайтах — дефект: см. строки сайтов.`,
    );
  const met = value <= 0.2 && identical === last.length;
  const backed = last.filter((s) => !s.allPass);
  const above = backed.filter((s) => s.ratioFetched > 0.2).length;
  if (!met && backed.length > 0)
    notes.push(
      `На ${backed.length} из ${last.length} сайтов есть вердикты fail, warn или unknown: такой обход останавливается, только прочитав все релевантные места (раздел НОК и его материалы, страницы совета, списки документов, переключатель версии для слабовидящих), а точка BFS считается по итоговой сводке, то есть без доказательства отсутствия. У ${above} из них отношение выше 0,20; опустить его можно, только прочитав меньше, чем нужно, чтобы обосновать fail.`,
    );
  if (!met) {
    const sizes = last.map((s) => s.bfsFetched);
    notes.push(
      `Цель ≤ 0,20 не достигнута (${ru(value, 3)}, в ${ru(value / 0.2, 2)} раза выше). Демо-сайты малы (BFS загрузил от ${Math.min(...sizes)} до ${Math.max(...sizes)} страниц при бюджете ${DEFAULT_BUDGET.maxPages}) и держат доказательства в 1–4 кликах от главной, так что и BFS находит их рано.`,
    );
  }
  notes.push(
    `Обход останавливается, когда прочитаны релевантные места (src/crawl/settle.ts): во фронтире не осталось ссылок с приоритетом ≥ 1 (слова правил в тексте, контексте или адресе ссылки; меню совета, НОК, рейтингов и документов; общие меню — «О министерстве», «Деятельность», «Подведомственные учреждения» — только пока не прочитаны раздел НОК и страница совета (src/pipeline/site-homes.ts); следующие страницы релевантных списков, результаты поиска по сайту, ссылки раздела — страницы, чьё имя или ссылка несёт слова правил, — и переключатель версии для слабовидящих главной) и прочитаны первые ${DEFAULT_SETTLE.minPages} кандидатов по приоритету. Отсутствие, не подтверждённое прочитанным, остаётся unknown: обход, прерванный бюджетом при релевантных ссылках в очереди, покрытие не доказал.`,
  );
  return {
    id: "focus",
    title: "Фокусировка обхода",
    headline: {
      label: "медиана (наш фронтир до остановки / BFS до установления вердиктов)",
      value,
      unit: "",
      goal: "≤ 0,20",
      met,
    },
    figures,
    definition:
      "Для каждого доступного демо-сайта: сфокусированный обход — настоящий конвейер checkSite (бюджет по умолчанию, 1 запрос к хосту одновременно, без интервала — порядок обхода воспроизводим, поэтому достаточно одного повтора); BFS — crawlSite с приоритетом 0 для всех ссылок (порядок: глубина, затем очередь), без sitemap, с тем же бюджетом и тем же извлечением. Обход записывается и проигрывается постранично: вердикты после k загрузок — правила на уже загруженных страницах с итоговой сводкой обхода. Точка установления — наименьшее k, начиная с которого статусы всех правил совпадают с итоговыми статусами сфокусированного прогона до конца обхода. Главная цифра — загрузки сфокусированного обхода до его остановки, делённые на точку установления BFS, по каждому сайту, итог — медиана по сайтам; цель засчитывается, только если вердикты совпали с вердиктами того же конвейера без досрочной остановки на всех сайтах.",
    notes,
    reps: FOCUS_REPS,
    samples: reps,
    wallMs: performance.now() - started,
  };
}

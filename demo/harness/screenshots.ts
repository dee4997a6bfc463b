/**
 * Screenshots of the dashboard for the README: `npx tsx demo/harness/screenshots.ts [out dir]` (default
 * docs/screenshots). Everything is real and local: the demo web is checked twice (an earlier and the demo
 * reference date) and each result is stored as a national run over the 89 subjects of the registry; the
 * dashboard then serves them and a self-check of one demo site is run through the form.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS } from "../../src/crawl/browser/browser-fetcher.ts";
import { CHROMIUM_INSTALL_HINT, findChromium } from "../../src/crawl/browser/find-chromium.ts";
import { createPool, POLITENESS_OFF } from "../../src/crawl/index.ts";
import { aggregateRun } from "../../src/findings/aggregate-run.ts";
import { checkSites } from "../../src/pipeline/check-run.ts";
import { newRunId } from "../../src/pipeline/run-id.ts";
import { loadRegions } from "../../src/registry/index.ts";
import { createServer } from "../../src/server/server.ts";
import { writeRunResult } from "../../src/store/index.ts";
import type { RunResult } from "../../src/types/index.ts";
import { REPO_ROOT } from "../../src/version.ts";
import { DEMO_AS_OF, startDemoWeb } from "../web/web.ts";

/** The earlier run of the history: half a year before the demo's reference date. */
const EARLIER_AS_OF = "2026-05-01";
/** The region page shown: Калмыкия has a demo site with a mix of verdicts. */
const REGION = "08";
const CHECKED_SITE = "kaliningrad-health";
const MAX_HEIGHT = 2600;

async function shoot(page: Page, path: string): Promise<void> {
  const height = await page.evaluate("document.documentElement.scrollHeight");
  await page.screenshot({
    path,
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: Math.min(Number(height), MAX_HEIGHT) },
  });
  process.stderr.write(`  ${path}\n`);
}

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? join(REPO_ROOT, "docs", "screenshots"));
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium не найден. ${CHROMIUM_INSTALL_HINT}`);
  const work = await mkdtemp(join(tmpdir(), "nok-screens-"));
  const snapshotsDir = join(work, "snapshots");
  const web = await startDemoWeb();
  const regions = loadRegions();
  const pool = createPool(POLITENESS_OFF);
  const targets = web.sites.map((s) => ({
    url: s.url,
    kind: s.kind,
    sphere: s.sphere,
    region: s.region,
    name: s.name,
  }));

  const national = (run: RunResult, asOf: string, previous?: RunResult): RunResult =>
    aggregateRun(
      {
        ...run,
        runId: newRunId("run", new Date(`${asOf}T03:00:00Z`)),
        mode: "run",
        regions: regions.map((r) => ({
          code: r.code,
          name: r.name,
          sites: 0,
          byRule: {},
          gaps: [],
          district: r.district,
        })),
      },
      {
        regions: regions.map((r) => ({ code: r.code, name: r.name, district: r.district })),
        ...(previous ? { previous } : {}),
      },
    );

  try {
    process.stderr.write(
      `Проверка ${web.sites.length} демо-сайтов (на ${EARLIER_AS_OF} и на ${DEMO_AS_OF})…\n`,
    );
    const earlier = national(
      await checkSites(targets, { asOf: EARLIER_AS_OF, snapshotsDir, pool }),
      EARLIER_AS_OF,
    );
    const current = national(
      await checkSites(targets, { asOf: DEMO_AS_OF, snapshotsDir, pool }),
      DEMO_AS_OF,
      earlier,
    );
    // Stored with sortable start times that follow the reference dates, as monthly runs would be.
    earlier.startedAt = `${EARLIER_AS_OF}T03:00:00.000Z`;
    current.startedAt = `${DEMO_AS_OF}T03:00:00.000Z`;
    await writeRunResult(snapshotsDir, earlier);
    await writeRunResult(snapshotsDir, current);

    const server = await createServer({
      port: 0,
      snapshotsDir,
      reportsDir: join(work, "reports"),
      dataDir: join(work, "data"),
      allowPrivate: true,
      asOf: DEMO_AS_OF,
      politeness: POLITENESS_OFF,
    });
    const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    try {
      await mkdir(outDir, { recursive: true });
      const context = await browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      process.stderr.write("Снимки экрана:\n");

      await page.goto(`${server.url}/`);
      await shoot(page, join(outDir, "overview.png"));

      await page.goto(`${server.url}/region/${REGION}`);
      await shoot(page, join(outDir, "region.png"));

      // «Оспорить»: a dispute of the first non-passing finding, re-checked from the site's own page.
      const disputed = web.sites.find((s) => s.region === REGION && s.kind === "authority");
      if (disputed) {
        await page.fill("form.dispute input[name=url]", disputed.url);
        await page.fill(
          "form.dispute input[name=comment]",
          "Сведения размещены в разделе «Общественный совет»",
        );
        await page.fill("form.dispute input[name=by]", "Министерство, ответственный за сайт");
        await page.click("form.dispute button");
        await page.waitForURL(/#disputes$/);
        for (let i = 0; i < 120; i++) {
          if (!(await page.locator("table.disputes", { hasText: "ожидает повторной проверки" }).count()))
            break;
          await new Promise((r) => setTimeout(r, 500));
          await page.reload();
        }
        await page.evaluate("document.getElementById('history')?.scrollIntoView()");
        await page.screenshot({ path: join(outDir, "dispute.png") });
        process.stderr.write(`  ${join(outDir, "dispute.png")}\n`);
      }

      const site = web.sites.find((s) => s.id === CHECKED_SITE) ?? web.sites[0]!;
      await page.goto(`${server.url}/check`);
      await page.fill("input[name=url]", site.url);
      await page.selectOption("select[name=sphere]", site.sphere);
      await page.selectOption("select[name=region]", site.region);
      await page.click("form.check button");
      await page.waitForURL(/\/check\/[\w-]+$/);
      await page.locator("h1", { hasText: "Результат проверки" }).waitFor({ timeout: 180_000 });
      await shoot(page, join(outDir, "check.png"));
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await web.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();

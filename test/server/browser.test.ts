import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AS_OF, type DemoWeb, startDemoWeb } from "../../demo/web/web.ts";
import { CHROMIUM_ARGS } from "../../src/crawl/browser/browser-fetcher.ts";
import { findChromium } from "../../src/crawl/browser/find-chromium.ts";
import { POLITENESS_OFF } from "../../src/crawl/politeness.ts";
import { createServer, type NokServer } from "../../src/server/index.ts";
import type { RunResult } from "../../src/types/index.ts";
import { writeNationalRuns } from "./fixtures.ts";

const executablePath = findChromium();
if (!executablePath) {
  console.warn(
    "Dashboard browser tests skipped: no Chromium found (apt-get install chromium, or set NOK_CHROMIUM).",
  );
}

describe.skipIf(!executablePath)("dashboard in a browser (Chromium)", () => {
  let dir: string;
  let web: DemoWeb;
  let server: NokServer;
  let strict: NokServer;
  let browser: Browser;
  let runs: { previous: RunResult; current: RunResult };
  const dialogs: string[] = [];

  const open = async (options: { javaScriptEnabled?: boolean } = {}): Promise<Page> => {
    const context = await browser.newContext({ locale: "ru-RU", ...options });
    const page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return page;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "nok-server-browser-"));
    const snapshotsDir = join(dir, "snapshots");
    runs = await writeNationalRuns(snapshotsDir);
    web = await startDemoWeb({ only: ["kalmykia-health"] });
    server = await createServer({
      port: 0,
      snapshotsDir,
      reportsDir: join(dir, "reports"),
      dataDir: join(dir, "data"),
      // The demo sites are on 127.0.0.1: private targets are allowed explicitly for this server only.
      allowPrivate: true,
      asOf: DEMO_AS_OF,
      politeness: POLITENESS_OFF,
    });
    strict = await createServer({
      port: 0,
      snapshotsDir,
      reportsDir: join(dir, "reports"),
      dataDir: join(dir, "strict"),
    });
    // launch() gives Chromium a fresh temporary user-data dir, removed on close.
    browser = await chromium.launch({
      executablePath: executablePath!,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await strict?.close();
    await web?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("shows the national overview: 89 tiles, figures, reports and the history of runs", async () => {
    const page = await open();
    await page.goto(`${server.url}/`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Обзор");
    expect(await page.locator("a.tile").count()).toBe(89);
    expect(await page.locator("h3.district").count()).toBe(8);
    await expect(page.locator("#national").textContent()).resolves.toContain("Сводка по субъектам");
    expect(
      await page.locator(".downloads a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))),
    ).toEqual([
      `/run/${runs.current.runId}/report.html`,
      `/run/${runs.current.runId}/report.xlsx`,
      `/api/runs/${runs.current.runId}`,
    ]);
    expect(await page.locator("table.runs tbody tr").count()).toBe(2);
    expect(await page.locator("table.trend tbody tr").count()).toBe(13);
    await page.context().close();
  });

  it("filters the tiles by sphere and rule with the form", async () => {
    const page = await open();
    await page.goto(`${server.url}/`);
    await page.selectOption("select[name=sphere]", "sport");
    await page.selectOption("select[name=rule]", "authority/nok-section");
    await page.click("form.filters button");
    await page.waitForURL(/sphere=sport/);
    const tula = runs.current.sites.find((s) => s.region === "71" && s.sphere === "sport")!;
    expect(await page.locator('a.tile[data-region="71"]').getAttribute("data-tone")).toBe(
      tula.findings[0]!.status,
    );
    expect(await page.locator('a.tile[data-region="01"]').getAttribute("data-tone")).toBe("none");
    await expect(page.locator("#rule").textContent()).resolves.toContain("Нет раздела");
    await page.context().close();
  });

  it("opens a region from its tile: sites, verdicts, evidence, changes; crawled text stays inert", async () => {
    const page = await open();
    await page.goto(`${server.url}/`);
    await page.click('a.tile[data-region="71"]');
    await page.waitForURL(/\/region\/71/);
    await expect(page.locator("h1").textContent()).resolves.toContain("Тульская область");
    expect(await page.locator("section.site").count()).toBe(5);
    expect(await page.locator("section.site").first().locator("table.verdicts tbody tr").count()).toBe(13);
    await expect(page.locator("#changes").textContent()).resolves.toContain(runs.previous.runId);
    // The hostile excerpt and site name are shown as text, never run or parsed.
    await expect(page.locator("main").textContent()).resolves.toContain(
      '<script>document.title="pwned"</script>',
    );
    expect(await page.title()).not.toBe("pwned");
    expect(await page.locator("#xss-injected").count()).toBe(0);
    expect(await page.evaluate("document.body.dataset.xss")).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it("is readable without JavaScript", async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${server.url}/region/08`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Республика Калмыкия");
    await page.goto(`${server.url}/`);
    expect(await page.locator("a.tile").count()).toBe(89);
    await page.context().close();
  });

  it("runs a self-check of a demo site from the form and shows its verdicts (live with JS, by refresh without)", async () => {
    const site = web.sites[0]!;
    const page = await open();
    await page.goto(`${server.url}/check`);
    await page.fill("input[name=url]", site.url);
    await page.selectOption("select[name=sphere]", site.sphere);
    await page.selectOption("select[name=region]", site.region);
    await page.click("form.check button");
    await page.waitForURL(/\/check\/[\w-]+$/);
    const jobPath = new URL(page.url()).pathname;

    // Someone without JavaScript submits the same site meanwhile: they join the same check.
    const plain = await open({ javaScriptEnabled: false });
    await plain.goto(`${server.url}/check`);
    await plain.fill("input[name=url]", site.url);
    await plain.selectOption("select[name=sphere]", site.sphere);
    await plain.click("form.check button");
    await plain.waitForURL(/\/check\/[\w-]+$/);
    const joined = new URL(plain.url()).pathname;

    for (const p of [page, plain]) {
      await p.locator("h1", { hasText: "Результат проверки" }).waitFor({ timeout: 90_000 });
    }
    const id = jobPath.split("/").pop()!;
    const job = (await (await fetch(`${server.url}/api/checks/${id}`)).json()) as {
      summary: { runId: string };
    };
    const run = (await (await fetch(`${server.url}/api/runs/${job.summary.runId}`)).json()) as RunResult;
    const shown = await page
      .locator("table.verdicts tbody tr")
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-rule"), r.getAttribute("data-status")]));
    expect(shown).toEqual(run.sites[0]!.findings.map((f) => [f.rule, f.status]));
    if (joined === jobPath) {
      expect(await plain.locator("table.verdicts tbody tr").count()).toBe(13);
    } else {
      // The plain submission came after the check had already finished: it is a new check of its own.
      expect(joined).toMatch(/^\/check\//);
    }
    await page.context().close();
    await plain.context().close();
  });

  it("refuses a private-address target on a server without --allow-private", async () => {
    const page = await open();
    for (const target of ["http://10.0.0.1/", web.sites[0]!.url]) {
      await page.goto(`${strict.url}/check`);
      await page.fill("input[name=url]", target);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.click("form.check button"),
      ]);
      expect(response.status()).toBe(400);
      await expect(page.locator("p.error").textContent()).resolves.toMatch(/запрещён/);
      expect(await page.inputValue("input[name=url]")).toBe(target);
    }
    expect(strict.queue.list()).toEqual([]);
    await page.context().close();
  });
});

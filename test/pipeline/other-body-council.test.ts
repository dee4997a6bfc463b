import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingWriter } from "../../bench/recording-writer.ts";
import { DEMO_AS_OF, startDemoWeb } from "../../demo/index.ts";
import type { DemoWeb } from "../../demo/web/web.ts";
import { createHttpFetcher, createPool, DEFAULT_BUDGET, POLITENESS_OFF } from "../../src/crawl/index.ts";
import { weightsFromRules } from "../../src/findings/score.ts";
import { loadRulesOrThrow } from "../../src/pipeline/check-run.ts";
import { checkSite } from "../../src/pipeline/site.ts";
import { ruleInfo } from "../../src/rules/index.ts";

// The Irkutsk culture site lists only the road agency's council (its regulation and minutes) under «Общественные
// советы»; the ministry's own council is not published.
const SITE = "irkutsk-culture";
let web: DemoWeb;
beforeAll(async () => {
  web = await startDemoWeb({ slowLatencyMs: 0, only: [SITE] });
});
afterAll(async () => {
  await web?.close();
});

async function check(settle?: false) {
  const site = web.sites.find((s) => s.id === SITE)!;
  const rules = loadRulesOrThrow();
  const fetcher = createHttpFetcher();
  const writer = recordingWriter("test");
  try {
    const result = await checkSite(
      { url: site.url, kind: "authority", sphere: site.sphere, region: site.region, name: site.name },
      {
        fetcher,
        // One request at a time, as a polite run to one host: the order, and so the stop, is the priorities'.
        pool: createPool({ ...POLITENESS_OFF, perHostConcurrency: 1 }),
        budget: DEFAULT_BUDGET,
        rules,
        weights: weightsFromRules(rules.map(ruleInfo)),
        asOf: DEMO_AS_OF,
        writer,
        ...(settle === false ? { settle } : {}),
      },
    );
    return { result, urls: writer.entries.map((e) => new URL(e.url).pathname) };
  } finally {
    await fetcher.close?.();
  }
}

describe("another body's council on the site", () => {
  it("is not read when the crawl stops on settled verdicts, and the verdicts are those of the whole crawl", async () => {
    const focused = await check();
    const whole = await check(false);
    const foreign = "/public-council/dorozhnoe-hozyaystvo/";
    expect(whole.urls).toContain(foreign);
    expect(focused.urls).not.toContain(foreign);
    // Nor the files it lists (its regulation and minutes).
    const foreignFiles = whole.urls.filter((u) => u.startsWith("/upload/") && !focused.urls.includes(u));
    expect(foreignFiles.length).toBeGreaterThan(0);
    const status = (r: typeof focused) =>
      Object.fromEntries(r.result.findings.map((f) => [f.rule, f.status]));
    expect(status(focused)).toEqual(status(whole));
    expect(status(focused)["authority/council-regulation"]).toBe("fail");
  });
});

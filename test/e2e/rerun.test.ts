import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_AS_OF, type DemoWeb, startDemoWeb } from "../../demo/index.ts";
import { createPool, POLITENESS_OFF } from "../../src/crawl/index.ts";
import { checkSites } from "../../src/pipeline/check-run.ts";
import { openRunReader } from "../../src/snapshot/index.ts";

let web: DemoWeb;
let dir: string;

beforeAll(async () => {
  // Two sites whose evidence sits in PDF/DOCX attachments (the demo answers 304 for documents and pages).
  web = await startDemoWeb({ only: ["tula-social", "kaliningrad-health"] });
  dir = await mkdtemp(join(tmpdir(), "nok-rerun-"));
});

afterAll(async () => {
  await web?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("re-running a check on unchanged sites", () => {
  it("uses conditional requests and gives the same verdicts", async () => {
    const targets = web.sites.map((s) => ({
      url: s.url,
      kind: s.kind,
      sphere: s.sphere,
      region: s.region,
      name: s.name,
    }));
    const options = {
      pool: createPool(POLITENESS_OFF),
      asOf: DEMO_AS_OF,
      snapshotsDir: dir,
      render: "never" as const,
      busgov: false as const,
    };
    const first = await checkSites(targets, options);
    const second = await checkSites(targets, options);
    const verdicts = (run: typeof first) =>
      run.sites.map((s) => s.findings.map((f) => `${f.rule}:${f.status}`).join(" "));
    expect(verdicts(second)).toEqual(verdicts(first));
    for (const site of web.sites) {
      const got = second.sites.find((s) => s.url === site.url)!;
      for (const f of got.findings)
        expect(`${site.id} ${f.rule}:${f.status}`).toBe(`${site.id} ${f.rule}:${site.expected[f.rule]}`);
    }
    let notModified = 0;
    for await (const e of openRunReader(dir, second.runId).entries()) if (e.notModified) notModified++;
    expect(notModified).toBeGreaterThan(0);
  });
});

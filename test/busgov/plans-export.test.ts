import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAgencies, startBusGovMock } from "../../demo/web/busgov-mock/index.ts";
import { planShortcoming } from "../../demo/web/busgov-mock/payloads.ts";
import { loadPlansExport, withPlansExport } from "../../src/extract/busgov/plans-export.ts";
import { checkBusgov, createBusGovClient, recheckBusgovSite } from "../../src/pipeline/busgov.ts";
import { openRunReader, openRunWriter } from "../../src/snapshot/index.ts";
import type { ManifestEntry } from "../../src/types/index.ts";
import { AS_OF, rules, statuses, target, tempDir, weights } from "../busgov-rules/helpers.ts";

const agencies = demoAgencies(2026);
const social = agencies.find((a) => a.id === "100004")!; // current results, no plan on the mock

/** The JSON form of planShortcomingInfoType as XML elements (lists repeat their element). */
function toXml(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => toXml(name, v)).join("");
  if (value !== null && typeof value === "object")
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join("")}</${name}>`;
  return `<${name}>${String(value)}</${name}>`;
}

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await dir.remove();
});

describe("--busgov-plans export", () => {
  it("reads an XML export, reports a plan off the type with its line, keys plans by INN", async () => {
    const good = planShortcoming(social, { year: 2026, reportPlaced: false, reported: "some" });
    const bad = { ...planShortcoming(social, { year: 2025, reportPlaced: false }), INN: undefined };
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<ns2:export xmlns:ns2="http://bus.gov.ru/external/1">\n${toXml("ns2:planShortcomingInfo", good)}\n${toXml("ns2:planShortcomingInfo", bad)}\n</ns2:export>\n`;
    const file = join(dir.path, "plans.xml");
    await writeFile(file, xml);
    const exp = await loadPlansExport(file);
    expect(exp.plans).toBe(1);
    expect([...exp.byInn.keys()]).toEqual([social.inn]);
    expect(exp.issues).toEqual([
      { line: 4, message: expect.stringMatching(/^план не по форме planShortcomingInfoType: INN/) },
    ]);
  });

  it("judges the plan rules on the export, against the real service's client, and re-judges offline", async () => {
    const mock = await startBusGovMock(agencies);
    const file = join(dir.path, "plans.json");
    await writeFile(
      file,
      JSON.stringify({
        plans: [planShortcoming(social, { year: 2026, reportPlaced: false, reported: "some" })],
      }),
    );
    const exp = await loadPlansExport(file);
    const client = withPlansExport(createBusGovClient({ baseUrl: mock.url, minIntervalMs: 0 }), exp);
    const runId = "t-export";
    const t = target(mock.url, { inn: social.inn }, "social");
    let site: Awaited<ReturnType<typeof checkBusgov>>;
    try {
      site = await checkBusgov(t, {
        client,
        rules,
        asOf: "2028-01-15",
        writer: openRunWriter(dir.path, runId),
        weights,
      });
    } finally {
      await mock.close();
    }
    expect(statuses(site)).toMatchObject({ "busgov/improvement-plan": "pass", "busgov/plan-report": "warn" });
    const entries: ManifestEntry[] = [];
    const reader = openRunReader(dir.path, runId);
    for await (const e of reader.entries()) entries.push(e);
    expect(entries.at(-1)?.url).toBe(`${exp.url}#inn=${social.inn}`);
    const again = await recheckBusgovSite(site, entries, (h) => reader.body(h), {
      rules,
      asOf: "2028-01-15",
      weights,
    });
    expect(statuses(again)).toEqual(statuses(site));
    // Before the first PLAN_DATE the report is not due yet.
    const early = await recheckBusgovSite(site, entries, (h) => reader.body(h), {
      rules,
      asOf: "2027-04-01",
      weights,
    });
    expect(statuses(early)["busgov/plan-report"]).toBe("pass");
  });

  it("an institution the export does not mention stays unknown", async () => {
    const mock = await startBusGovMock(agencies);
    const file = join(dir.path, "other.json");
    await writeFile(
      file,
      JSON.stringify([planShortcoming(agencies[0]!, { year: 2025, reportPlaced: true })]),
    );
    const client = withPlansExport(
      createBusGovClient({ baseUrl: mock.url, minIntervalMs: 0 }),
      await loadPlansExport(file),
    );
    try {
      const site = await checkBusgov(target(mock.url, { inn: social.inn }), {
        client,
        rules,
        asOf: AS_OF,
        writer: openRunWriter(dir.path, "t-other"),
        weights,
      });
      expect(statuses(site)).toMatchObject({
        "busgov/improvement-plan": "unknown",
        "busgov/plan-report": "unknown",
      });
      expect(site.findings.find((f) => f.rule === "busgov/plan-report")?.message).toMatch(
        /в выгрузке планов нет/,
      );
    } finally {
      await mock.close();
    }
  });
});

/**
 * The whole demo network of `nok demo`: the national authority web (89 regions × 4 spheres), the institution
 * sites and a bus.gov.ru mock serving their data, with registry files and the verdicts expected of each target.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Document } from "yaml";
import { busgovTargetFor } from "../../src/pipeline/busgov.ts";
import type { Status } from "../../src/types/index.ts";
import { startBusGovMock } from "../web/busgov-mock/index.ts";
import { institutionAgencies, startInstitutionWeb } from "../web/institutions/index.ts";
import { startNationalDemo } from "../web/national/web.ts";

export interface DemoNetwork {
  registryFiles: string[];
  busgovUrl: string;
  /** Target URL (as the run plans it) → rule → expected status. */
  expected: Map<string, { id: string; rules: Record<string, Status> }>;
  counts: { authorities: number; institutions: number; busgov: number };
  close(): Promise<void>;
}

export async function startDemoNetwork(options: {
  dir: string;
  onlyRegions?: string[];
}): Promise<DemoNetwork> {
  await mkdir(options.dir, { recursive: true });
  const national = await startNationalDemo({
    dir: options.dir,
    ...(options.onlyRegions ? { onlyRegions: options.onlyRegions } : {}),
  });
  const institutions = await startInstitutionWeb();
  const busgov = await startBusGovMock(institutionAgencies(institutions.sites));
  const expected: DemoNetwork["expected"] = new Map();
  for (const s of national.sites) expected.set(s.url, { id: s.id, rules: s.expected });
  let busgovTargets = 0;
  for (const s of institutions.sites) {
    expected.set(s.url, { id: s.id, rules: s.expected });
    const target = busgovTargetFor(
      {
        url: s.url,
        kind: "institution",
        sphere: s.sphere,
        region: s.region,
        name: s.name,
        inn: s.inn,
        busgovId: s.busgovId,
      },
      busgov.url,
    );
    if (target) {
      expected.set(target.url, { id: `${s.id} (bus.gov.ru)`, rules: s.expectedBusgov });
      busgovTargets++;
    }
  }
  const institutionsFile = join(options.dir, "institutions-demo.yaml");
  const doc = new Document({
    sites: institutions.sites.map((s) => ({
      kind: "institution",
      region: s.region,
      sphere: s.sphere,
      name: s.name,
      url: s.url,
      inn: s.inn,
      busgovId: s.busgovId,
    })),
  });
  doc.commentBefore =
    " Учреждения демо-сети nok-monitor (127.0.0.1); данные bus.gov.ru — в макете, см. --busgov-url.";
  await writeFile(institutionsFile, doc.toString({ lineWidth: 0 }), "utf8");
  return {
    registryFiles: [national.registryPath, institutionsFile],
    busgovUrl: busgov.url,
    expected,
    counts: {
      authorities: national.sites.length,
      institutions: institutions.sites.length,
      busgov: busgovTargets,
    },
    close: async () => {
      await Promise.all([national.close(), institutions.close(), busgov.close()]);
    },
  };
}

/** Verdicts that differ from the expected ones, as readable lines (empty when all agree). */
export function demoMismatches(
  sites: { url: string; findings: { rule: string; status: string }[] }[],
  expected: DemoNetwork["expected"],
): { total: number; misses: string[] } {
  let total = 0;
  const misses: string[] = [];
  for (const site of sites) {
    const want = expected.get(site.url);
    if (!want) continue;
    for (const [rule, status] of Object.entries(want.rules)) {
      total++;
      const got = site.findings.find((f) => f.rule === rule)?.status ?? "—";
      if (got !== status) misses.push(`  ${want.id} ${rule}: ожидалось ${status}, получено ${got}`);
    }
  }
  return { total, misses };
}

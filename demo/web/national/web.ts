/**
 * Starts the national demo web (every region × sphere authority site on 127.0.0.1) and writes a registry of
 * it, so `nok run --registry <path>` can check it like the real list.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Document } from "yaml";
import type { Sphere } from "../../../src/types/index.ts";
import { DEMO_AS_OF, type DemoSite, startDemoWeb } from "../web.ts";
import { startCompactWeb } from "./compact.ts";
import { DEFAULT_NATIONAL_SEED, type NationalSpec, nationalSpecs } from "./specs.ts";

export interface NationalDemoOptions {
  /** Delay every response of every site (benchmarks). */
  latencyMs?: number;
  /** Where the registry is written; default: a fresh temp folder, removed again by close(). */
  dir?: string;
  seed?: number;
  /** Only these regions' sites (codes, e.g. ["71", "08"]); the specs are the same as in the full web. */
  onlyRegions?: string[];
  spheres?: readonly Sphere[];
  /** Override the slow sites' extra latency (tests use a small one). */
  slowLatencyMs?: number;
  /**
   * Compact sites (default): few documents, a few news items and general documents. `false`: the full-size
   * sites startDemoWeb serves (36 news items each, more documents) — far slower to crawl nationally.
   */
  compact?: boolean;
}

export interface NationalDemo {
  sites: DemoSite[];
  /** The specs behind `sites`, in the same order. */
  specs: NationalSpec[];
  registryPath: string;
  close(): Promise<void>;
}

export const REGISTRY_FILE_NAME = "national-demo.yaml";

/** The registry (registry/template.yaml format, codes for kind and sphere) of the started sites. */
export function registryYaml(sites: readonly DemoSite[], seed: number): string {
  const doc = new Document({
    sites: sites.map((s) => ({ kind: s.kind, region: s.region, sphere: s.sphere, name: s.name, url: s.url })),
  });
  doc.commentBefore = [
    ` Реестр национальной демо-сети nok-monitor: ${sites.length} сайтов органов власти на 127.0.0.1.`,
    ` Сгенерирован (seed ${seed}); вердикты ожидаются на ${DEMO_AS_OF}: nok run --registry <этот файл> --as-of ${DEMO_AS_OF}.`,
    " Адреса действуют, пока запущена демо-сеть (nok demo serve).",
  ].join("\n");
  return doc.toString({ lineWidth: 0 });
}

export async function startNationalDemo(options: NationalDemoOptions = {}): Promise<NationalDemo> {
  const seed = options.seed ?? DEFAULT_NATIONAL_SEED;
  const only = options.onlyRegions ? new Set(options.onlyRegions) : null;
  const compact = options.compact ?? true;
  const specs = nationalSpecs({ seed, spheres: options.spheres, compact }).filter(
    (s) => !only || only.has(s.region.code),
  );
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "nok-national-demo-")));
  const serve = { specs, latencyMs: options.latencyMs, slowLatencyMs: options.slowLatencyMs };
  // Compact sites have their news cut at the model (compact.ts).
  const web = compact ? await startCompactWeb(serve) : await startDemoWeb(serve);
  try {
    // startDemoWeb keeps the specs' order; the ids tie each site back to its spec regardless.
    const byId = new Map(specs.map((s) => [s.id, s]));
    const ordered = web.sites.map((site) => {
      const spec = byId.get(site.id);
      if (!spec) throw new Error(`demo site ${site.id} has no national spec`);
      return spec;
    });
    const registryPath = resolve(dir, REGISTRY_FILE_NAME);
    await writeFile(registryPath, registryYaml(web.sites, seed), "utf8");
    return {
      sites: web.sites,
      specs: ordered,
      registryPath,
      close: async () => {
        await web.close();
        if (ownDir) await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await web.close();
    if (ownDir) await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

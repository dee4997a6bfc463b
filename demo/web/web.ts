/**
 * The bundled demo web: simulated regional authority sites on 127.0.0.1, each on its own port (distinct
 * ports are distinct hosts), with the verdicts a correct checker must give as of DEMO_AS_OF.
 */
import type { Sphere, Status } from "../../src/types/index.ts";
import { expectedFor } from "../harness/expected.ts";
import { DEMO_SPECS } from "./catalogue.ts";
import { DEMO_AS_OF } from "./clock.ts";
import { type RenderedDoc, renderDocument } from "./docs/render.ts";
import { buildSiteModel, type DocItem, type SiteModel } from "./model.ts";
import { AUTHORITY_RULE_IDS } from "./rule-ids.ts";
import { refusedPort, type ServedSite, serveSite } from "./server.ts";
import type { SiteBuild } from "./sites/builder.ts";
import { SHAPES } from "./sites/index.ts";
import type { ShapeId, SiteSpec } from "./types.ts";

export { DEMO_AS_OF };

export interface DemoSite {
  id: string;
  /** Russian name of the authority, e.g. «Министерство социального развития Тульской области». */
  name: string;
  /** Home page URL. */
  url: string;
  kind: "authority";
  /** Subject code, e.g. "71". */
  region: string;
  sphere: Sphere;
  /** For every authority rule id: the status a correct checker must give as of DEMO_AS_OF. */
  expected: Record<string, Status>;
  /** One English line per rule: why that expectation holds and where the evidence is. */
  notes: Record<string, string>;
  shape: ShapeId;
  /** Added: URLs holding each rule's evidence (documents, pages), for benchmarks and debugging. */
  evidence: Record<string, string[]>;
  /** Added: URLs that look like evidence for a rule but must not count (НОКО, another body's council). */
  decoys: Record<string, string[]>;
}

export interface DemoWeb {
  sites: DemoSite[];
  close(): Promise<void>;
}

export interface DemoWebOptions {
  /** Delay every response of every site (the benchmark uses it). */
  latencyMs?: number;
  host?: string;
  /** Start only these site ids. */
  only?: string[];
  /** Override the extra latency of sites whose spec has one (the "slow" site; 1200 ms by default). */
  slowLatencyMs?: number;
  /** Serve these specs instead of the hand-made catalogue (e.g. a stamped-out national demo). */
  specs?: SiteSpec[];
  /** Reshapes each site's model before documents are rendered and pages laid out (e.g. a shorter news feed). */
  transformModel?: (model: SiteModel) => SiteModel;
}

/** Every document of a model, in a stable order. */
export function modelDocuments(m: SiteModel): DocItem[] {
  const c = m.council;
  return [
    ...m.years.flatMap((y) => y.docs),
    ...(c?.regulation ? [c.regulation] : []),
    ...(c?.composition?.doc ? [c.composition.doc] : []),
    ...(c?.workPlan ? [c.workPlan] : []),
    ...(c?.minutes ?? []),
    ...(m.noko?.docs ?? []),
  ];
}

/** Builds a site (model, documents, pages) without serving it. */
export async function buildDemoSite(
  spec: SiteSpec,
  transformModel: (model: SiteModel) => SiteModel = (m) => m,
): Promise<{ model: SiteModel; build: SiteBuild }> {
  const model = transformModel(buildSiteModel(spec));
  const scope = `${spec.id}:${spec.seed}:${JSON.stringify(spec.items)}:${spec.shape}:${spec.wording}`;
  const rendered = new Map<string, RenderedDoc>();
  // Sequential on purpose: rendering is CPU-bound and the machine is shared.
  for (const doc of modelDocuments(model)) rendered.set(doc.key, await renderDocument(scope, doc));
  const build = SHAPES[spec.shape](model, (doc) => {
    const r = rendered.get(doc.key);
    if (!r) throw new Error(`document ${doc.key} of ${spec.id} was not rendered`);
    return r;
  });
  return { model, build };
}

function absolute(origin: string, map: Map<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    [...map.entries()].map(([rule, paths]) => [rule, paths.map((p) => `${origin}${p}`)]),
  );
}

function notesFor(
  spec: SiteSpec,
  build: SiteBuild | null,
): { expected: Record<string, Status>; notes: Record<string, string> } {
  const verdicts = expectedFor(spec, DEMO_AS_OF);
  const expected: Record<string, Status> = {};
  const notes: Record<string, string> = {};
  for (const id of AUTHORITY_RULE_IDS) {
    const v = verdicts[id];
    expected[id] = v.status;
    const where = build?.evidence.get(id) ?? [];
    const decoys = build?.decoys.get(id) ?? [];
    const parts = [v.reason];
    if (where.length && v.status !== "fail") parts.push(`evidence at ${where.slice(0, 3).join(", ")}`);
    if (decoys.length) parts.push(`decoy at ${decoys.slice(0, 2).join(", ")}`);
    notes[id] = parts.join("; ");
  }
  return { expected, notes };
}

export async function startDemoWeb(options: DemoWebOptions = {}): Promise<DemoWeb> {
  const host = options.host ?? "127.0.0.1";
  const specs = (options.specs ?? DEMO_SPECS).filter((s) => !options.only || options.only.includes(s.id));
  const served: ServedSite[] = [];
  const sites: (DemoSite | null)[] = specs.map(() => null);
  try {
    for (const [i, spec] of specs.entries()) {
      if (!spec.reachable) continue;
      const { model, build } = await buildDemoSite(spec, options.transformModel);
      const extra = spec.latencyMs ? (options.slowLatencyMs ?? spec.latencyMs) : 0;
      const site = await serveSite(build, { host, latencyMs: (options.latencyMs ?? 0) + extra });
      served.push(site);
      const { expected, notes } = notesFor(spec, build);
      sites[i] = {
        id: spec.id,
        name: model.names.nom,
        url: `${site.origin}/`,
        kind: "authority",
        region: spec.region.code,
        sphere: spec.sphere,
        expected,
        notes,
        shape: spec.shape,
        evidence: absolute(site.origin, build.evidence),
        decoys: absolute(site.origin, build.decoys),
      };
    }
    // Refused ports are taken last so no demo server is handed the same port afterwards.
    for (const [i, spec] of specs.entries()) {
      if (spec.reachable) continue;
      const port = await refusedPort(host);
      const { expected, notes } = notesFor(spec, null);
      sites[i] = {
        id: spec.id,
        name: buildSiteModel(spec).names.nom,
        url: `http://${host}:${port}/`,
        kind: "authority",
        region: spec.region.code,
        sphere: spec.sphere,
        expected,
        notes,
        shape: spec.shape,
        evidence: {},
        decoys: {},
      };
    }
  } catch (err) {
    await Promise.all(served.map((s) => s.close()));
    throw err;
  }
  return {
    sites: sites.filter((s): s is DemoSite => s !== null),
    close: async () => {
      await Promise.all(served.map((s) => s.close()));
    },
  };
}

/**
 * Compact demo sites: the same model, documents, shapes and server as startDemoWeb (src/demo/web.ts), with the
 * model's news feed and general documents cut to a few before the shape lays the site out. SiteSpec has no knob
 * for the news count (the model always writes 36 items), and every news item is a page — on sites with an
 * accessible version the crawler reads it twice — so a full-size national web is ~35 000 pages, far beyond a
 * few minutes on two cores. Cutting at the model keeps every listing, pager and sitemap consistent.
 */
import type { Status } from "../../types/index.ts";
import { DEMO_AS_OF } from "../clock.ts";
import { type RenderedDoc, renderDocument } from "../docs/render.ts";
import { expectedFor } from "../expected.ts";
import { buildSiteModel, type SiteModel } from "../model.ts";
import { AUTHORITY_RULE_IDS } from "../rule-ids.ts";
import { refusedPort, type ServedSite, serveSite } from "../server.ts";
import type { SiteBuild } from "../sites/builder.ts";
import { SHAPES } from "../sites/index.ts";
import type { SiteSpec } from "../types.ts";
import { type DemoSite, type DemoWeb, modelDocuments } from "../web.ts";

export interface CompactLimits {
  /** News items kept (newest first); an item mentioning НОК in passing is kept on top, being a decoy. */
  news: number;
  /** General (non-NOK) documents kept; shapes quote the second one, so at least two. */
  generalDocs: number;
}

export const COMPACT_LIMITS: CompactLimits = { news: 3, generalDocs: 2 };

/** The model with a short news feed and few general documents; everything NOK-related untouched. */
export function compactModel(model: SiteModel, limits: CompactLimits = COMPACT_LIMITS): SiteModel {
  const kept = model.news.slice(0, limits.news);
  const decoy = model.news.find((n) => n.mentionsNok);
  if (decoy && !kept.includes(decoy)) kept.push(decoy);
  return {
    ...model,
    news: kept,
    generalDocs: model.generalDocs.slice(0, Math.max(2, limits.generalDocs)),
  };
}

/** buildDemoSite (src/demo/web.ts) with the model compacted before the shape runs. */
export async function buildCompactSite(
  spec: SiteSpec,
  limits: CompactLimits = COMPACT_LIMITS,
): Promise<{ model: SiteModel; build: SiteBuild }> {
  const model = compactModel(buildSiteModel(spec), limits);
  // The same scope string as buildDemoSite, so a document renders to the same bytes in either web.
  const scope = `${spec.id}:${spec.seed}:${JSON.stringify(spec.items)}:${spec.shape}:${spec.wording}`;
  const rendered = new Map<string, RenderedDoc>();
  // Sequential on purpose, as in startDemoWeb: rendering is CPU-bound and the machine is shared.
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

/** Expected verdicts and one-line notes, worded as startDemoWeb words them. */
function verdicts(spec: SiteSpec, build: SiteBuild | null): Pick<DemoSite, "expected" | "notes"> {
  const all = expectedFor(spec, DEMO_AS_OF);
  const expected: Record<string, Status> = {};
  const notes: Record<string, string> = {};
  for (const id of AUTHORITY_RULE_IDS) {
    const v = all[id];
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

export interface CompactWebOptions {
  specs: SiteSpec[];
  latencyMs?: number;
  host?: string;
  slowLatencyMs?: number;
  limits?: CompactLimits;
}

/** startDemoWeb over compact sites: each site on its own 127.0.0.1 port, unreachable ones on refused ports. */
export async function startCompactWeb(options: CompactWebOptions): Promise<DemoWeb> {
  const host = options.host ?? "127.0.0.1";
  const served: ServedSite[] = [];
  const sites: (DemoSite | null)[] = options.specs.map(() => null);
  try {
    for (const [i, spec] of options.specs.entries()) {
      if (!spec.reachable) continue;
      const { model, build } = await buildCompactSite(spec, options.limits);
      const extra = spec.latencyMs ? (options.slowLatencyMs ?? spec.latencyMs) : 0;
      const site = await serveSite(build, { host, latencyMs: (options.latencyMs ?? 0) + extra });
      served.push(site);
      sites[i] = {
        id: spec.id,
        name: model.names.nom,
        url: `${site.origin}/`,
        kind: "authority",
        region: spec.region.code,
        sphere: spec.sphere,
        ...verdicts(spec, build),
        shape: spec.shape,
        evidence: absolute(site.origin, build.evidence),
        decoys: absolute(site.origin, build.decoys),
      };
    }
    // Refused ports are taken last so no demo server is handed the same port afterwards.
    for (const [i, spec] of options.specs.entries()) {
      if (spec.reachable) continue;
      const port = await refusedPort(host);
      sites[i] = {
        id: spec.id,
        name: buildSiteModel(spec).names.nom,
        url: `http://${host}:${port}/`,
        kind: "authority",
        region: spec.region.code,
        sphere: spec.sphere,
        ...verdicts(spec, null),
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

/**
 * Compact demo sites: startDemoWeb (demo/web/web.ts) with the model's news feed and general documents cut to a
 * few before the shape lays the site out. The model always writes 36 news items, and every news item is a
 * page, so a full-size national web is ~35 000 pages, far beyond a few minutes on two cores. Cutting at the
 * model keeps every listing, pager and sitemap consistent.
 */
import type { SiteModel } from "../model.ts";
import type { SiteSpec } from "../types.ts";
import { type DemoWeb, startDemoWeb } from "../web.ts";

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

export interface CompactWebOptions {
  specs: SiteSpec[];
  latencyMs?: number;
  host?: string;
  slowLatencyMs?: number;
  limits?: CompactLimits;
}

/** startDemoWeb over compact sites: each site on its own 127.0.0.1 port, unreachable ones on refused ports. */
export function startCompactWeb(options: CompactWebOptions): Promise<DemoWeb> {
  const { limits, ...serve } = options;
  return startDemoWeb({ ...serve, transformModel: (m) => compactModel(m, limits) });
}

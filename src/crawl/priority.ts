import type { LinkCandidate } from "../types/index.ts";
import { hasUnsupportedExtension, isDocumentKind, kindFromExtension } from "./content-kind.ts";

/** Scores a link for the best-first frontier: higher is fetched sooner; > 0 counts as relevant. */
export type PriorityFn = (link: LinkCandidate, depth: number) => number;

/**
 * Generic priority for crawls without rule cues: documents first (they carry most
 * evidence and only they count as relevant), then pages by shallowness.
 */
export const defaultPriority: PriorityFn = (link, depth) => {
  if (hasUnsupportedExtension(link.url)) return -100;
  const kind = kindFromExtension(link.url);
  if (kind !== null && isDocumentKind(kind)) return Math.max(0.1, 1 - depth * 0.1);
  return -depth;
};

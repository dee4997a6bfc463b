/** The kinds of official document a read page or file is (its first head, what it approves, appendices). */
import type { Item } from "../site-model.ts";

/** How near the start of a text a document's head must stand for the text to be that document. */
const HEAD_WITHIN = 400;

/**
 * The kinds of official document a read page or file is: the head at its start, what that act
 * approves, and the appendices that follow it. Null when it is not one (or was not read).
 */
export function itemDocumentTypes(item: Item, within = HEAD_WITHIN): Set<string> | null {
  const docs = item.page?.artifacts.documents;
  if (!docs?.length || docs[0]!.at > within) return null;
  const out = new Set<string>();
  const first = docs[0]!;
  if (first.type) out.add(first.type);
  for (const a of first.approves) if (a.type) out.add(a.type);
  for (const d of docs.slice(1)) if (d.appendix && d.type) out.add(d.type);
  return out;
}

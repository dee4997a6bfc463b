/** The NOK material a page holds (its text and content links), and the pages one level below it. */
import type { SitePage } from "../../types/index.ts";
import { bodyIndex } from "../match.ts";
import type { Item, SiteModel } from "../site-model.ts";
import { findFirst, indexOf, type TokenIndex } from "../text.ts";
import { type SectionParams, sameSite } from "./section.ts";

/** The kinds of NOK material a page holds: in its main text or in the words of its content links. */
export function materialOf(main: TokenIndex | null, page: SitePage, p: SectionParams): string[] {
  const linkTexts = page.artifacts.links.filter((l) => !l.inNav && l.text).map((l) => indexOf(l.text));
  return p.c.material
    .filter((m) => (main && findFirst(main, [m], 2)) || linkTexts.some((t) => findFirst(t, [m], 2)))
    .map((m) => m.phrase);
}

/** Material on the read pages a page links to from its content, or that sit under its path. */
export function childMaterial(model: SiteModel, parent: Item, p: SectionParams): string[] {
  const out = new Set<string>();
  let path = "";
  try {
    path = new URL(parent.url).pathname.replace(/\/?$/, "/");
  } catch {
    return [];
  }
  for (const child of model.items) {
    if (child === parent || !child.page || child.page.artifacts.kind !== "html") continue;
    let under = false;
    try {
      const u = new URL(child.url);
      under = path.length > 1 && u.pathname.startsWith(path) && sameSite(child.url, parent.url);
    } catch {
      under = false;
    }
    const linked = child.inbound.some((i) => i.from === parent.page && !i.link.inNav);
    if (!under && !linked) continue;
    for (const m of materialOf(bodyIndex(model, child), child.page, p)) out.add(m);
  }
  return [...out];
}

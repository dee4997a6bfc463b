/** How a document-kind check tells a real hit from words that only look like one. */
import { officialDocuments } from "../../extract/official-documents.ts";
import { bodyHits, cleanBody, type Hit, labelHits } from "../match.ts";
import { personNames } from "../person-names.ts";
import type { Item, SiteModel } from "../site-model.ts";
import { type CompiledPhrase, findFirst, findFirstIn, hasAny, indexOf } from "../text.ts";
import type { DocumentParams } from "./document.ts";

/** A pattern for whole words in any case («выполнено», not «выполнить»); matches nothing when empty. */
export function wordsPattern(words: readonly string[], caseSensitive = false): RegExp {
  if (words.length === 0) return /(?!)/;
  const alt = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/е/g, "[её]")).join("|");
  return new RegExp(`(?<![\\p{L}])(?:${alt})(?![\\p{L}])`, caseSensitive ? "u" : "iu");
}

/**
 * One of the words stands affirmed: «размещены», not «не размещены» — a plan's column of deficiencies
 * («На сайте не размещены сведения …») reports no work done.
 */
export function affirmed(text: string, words: RegExp): boolean {
  const all = new RegExp(words.source, words.flags.includes("g") ? words.flags : `${words.flags}g`);
  for (const m of text.matchAll(all))
    if (!/(?:^|[^\p{L}])не\s+$/iu.test(text.slice(Math.max(0, m.index - 4), m.index))) return true;
  return false;
}

export function linkOnlyUnconfirmed(model: SiteModel, item: Item, hits: Hit[], p: DocumentParams): boolean {
  if (item.page?.artifacts.kind !== "html") return false;
  if (!hits.every((h) => h.label?.source === "link" || h.label?.source === "parent")) return false;
  // «Протокол № 1 от 12.03.2025» names one document by its requisites: the list row is the evidence.
  if (hits.some((h) => officialDocuments(h.text).some((d) => d.at === 0 && (d.date || d.number))))
    return false;
  const own = labelHits(item, p.c.phrases, {
    maxGap: p.maxGap,
    sources: ["title", "heading", "opening", "document"],
  });
  if (own.length) return false;
  const all = [...p.c.phrases, ...p.c.textPhrases];
  return bodyHits(model, item, all, { maxGap: p.maxGap, limit: 1 }).length === 0;
}

/** Drops prose mentions of a weak phrase with no name (`nameNear`) around them. */
export function namedHits(hits: Hit[], p: DocumentParams): Hit[] {
  if (!p.nameNear) return hits;
  const within = p.nameNear.within;
  return hits.filter((h) => {
    // A file's long «title» is its first lines of text (no metadata title), prose like its opening.
    const prose =
      !h.label ||
      h.label.source === "opening" ||
      (h.label.source === "title" && h.item.isDocument && h.label.text.length > 150);
    if (!prose) return true;
    if (!hasAny(indexOf(h.text.slice(h.match.start, h.match.end)), p.c.nameWeak, 1)) return true;
    const around = h.text.slice(Math.max(0, h.match.start - within), h.match.end + within);
    return p.c.nameBy.test(around);
  });
}

/** A page about the council (by its labels) whose text names enough people: a composition list. */
export function personsHit(model: SiteModel, item: Item, p: DocumentParams): Hit | null {
  if (!item.page || !p.persons) return null;
  for (const label of item.labels) {
    const idx = indexOf(label.text);
    const m = findFirst(idx, p.c.personsLabel, p.maxGap);
    if (!m || (p.c.excludePhrases.length && hasAny(idx, p.c.excludePhrases, 1))) continue;
    const names = personNames(cleanBody(model, item));
    if (names.length < p.persons.min) return null;
    // The council's name is the hit (its window tells whose council it is); the names go to the excerpt.
    return {
      item,
      label: { ...label, after: `${names.slice(0, 5).join(", ")}${names.length > 5 ? "…" : ""}` },
      text: label.text,
      match: m,
    };
  }
  return null;
}

/**
 * A copy that lost its head («1.10. … 2. Задачи Общественного совета … 3. Права … 4. Порядок
 * формирования …») is still the regulation: its numbered section heads, in turn.
 */
export function sectionsHit(model: SiteModel, item: Item, sections: CompiledPhrase[][]): Hit | null {
  const text = cleanBody(model, item);
  if (!text) return null;
  let from = 0;
  let first: Hit["match"] | null = null;
  for (const heads of sections) {
    let found: Hit["match"] | null = null;
    for (const line of text.slice(from).matchAll(/(?:^|\s)\d{1,2}\.\s+([^\n]{3,120})/gu)) {
      const m = findFirstIn(line[1]!, heads, 1);
      if (m && m.start < 3) {
        const at = from + line.index! + line[0].indexOf(line[1]!);
        found = { ...m, start: at + m.start, end: at + m.end };
        break;
      }
    }
    if (!found) return null;
    first ??= found;
    from = found.end;
  }
  return first ? { item, label: null, text, match: first } : null;
}

/**
 * A web page that is one act — its main content opens with the act's head («Приказ от 05.12.2025 № 1490
 * О рассмотрении …») — reads like a file of that act: its text counts where only documents' texts do.
 */
const LEGISLATION = new Set(["закон", "указ"]);

export function isActPage(item: Item): boolean {
  const a = item.page?.artifacts;
  if (a?.kind !== "html") return false;
  const heads = (a.documents ?? []).filter((d) => !d.appendix && d.type);
  // A law or a decree quoted on a page is the legislator's text, not the body's own act.
  return heads.length > 0 && heads.length <= 2 && heads[0]!.at < 200 && !LEGISLATION.has(heads[0]!.type!);
}

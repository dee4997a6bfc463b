/** The dates that name an item (its labels, a page's lead), never its body. */
import type { FoundDate } from "../types/index.ts";
import { dateEnd, datesIn } from "./dates.ts";
import type { Hit } from "./match.ts";
import { type Item, pageName } from "./site-model.ts";

/** Dates that name an item: its labels (and the words under a matching heading), never its body. */
export function hitDates(hits: readonly Hit[]): FoundDate[] {
  const out: FoundDate[] = [];
  const seen = new Set<string>();
  const add = (list: FoundDate[]) => {
    for (const d of list) {
      const k = `${d.date}|${d.precision}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(d);
      }
    }
  };
  for (const h of hits) {
    if (h.label) {
      add(datesIn(h.label.text, h.label.titleLike));
      if (h.label.after) add(datesIn(h.label.after.slice(0, 300), false));
    } else {
      add(datesIn(h.text.slice(Math.max(0, h.match.start - 120), h.match.end + 160), false));
    }
  }
  return out;
}

/**
 * All dates that name an item: every label except headings (whose dates belong to what they
 * introduce), and for a page the lead of its main text («Дата публикации: …», a news item's date).
 */
export function itemLabelDates(item: Item): FoundDate[] {
  const hits: Hit[] = item.labels
    .filter((l) => l.source !== "heading")
    .map((label) => ({ item, label, text: label.text, match: { phrase: "", start: 0, end: 0 } }));
  const out = hitDates(hits);
  const a = item.page?.artifacts;
  if (a?.kind === "html" && out.length === 0) {
    const name = pageName(a);
    const main = a.mainText.startsWith(name) ? a.mainText.slice(name.length) : a.mainText;
    const lead = datesIn(main.slice(0, 200), false).find((d) => d.precision === "day");
    if (lead) out.push(lead);
  }
  return out;
}

export function newestDate(dates: readonly FoundDate[]): FoundDate | null {
  let best: FoundDate | null = null;
  for (const d of dates) if (!best || dateEnd(d) > dateEnd(best)) best = d;
  return best;
}

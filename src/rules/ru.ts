/** Russian wording shared by messages. */
import type { SiteView } from "../types/index.ts";

/** «Прочитано страниц и файлов: 45, из них документов: 12» — counts without agreement pitfalls. */
export function readCounts(site: SiteView): string {
  const c = site.coverage;
  const unreadable = c.unreadableDocuments > 0 ? `, нечитаемых: ${c.unreadableDocuments}` : "";
  return `Прочитано страниц и файлов: ${c.pages}, из них документов: ${c.documents}${unreadable}.`;
}

export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export function lowerFirst(s: string): string {
  if (!s) return s;
  // Keep abbreviations (НОК, ОС) as they are.
  return /^[А-ЯЁA-Z]{2}/.test(s) ? s : s[0]!.toLowerCase() + s.slice(1);
}

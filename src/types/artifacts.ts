/** Named artifacts extracted from one snapshot (pure functions of the stored body). */

export interface ExtractedLink {
  url: string;
  text: string;
  title?: string;
  context?: string;
  inNav: boolean;
  /** rel / target / download attributes only matter for a few checks. */
  download?: boolean;
}

export interface Heading {
  level: number;
  text: string;
}

export interface FoundDate {
  /** ISO date (YYYY-MM-DD); a bare year becomes YYYY-01-01 with `precision: "year"`. */
  date: string;
  precision: "day" | "month" | "year";
  /** The raw text matched. */
  raw: string;
}

export interface FormInfo {
  action: string | null;
  method: string;
  fields: { name: string; type: string; label?: string }[];
  hasTextarea: boolean;
  hasFileInput: boolean;
}

export interface Contacts {
  phones: string[];
  emails: string[];
  telLinks: string[];
  mailtoLinks: string[];
}

export interface DocumentMeta {
  pages?: number;
  /** A PDF without a text layer (a scan): not the same as empty. */
  scanned?: boolean;
  /** Extraction stopped at a page/size/time limit. */
  truncated?: boolean;
  /** Extraction failed; text is empty and the reason says why. */
  error?: string;
  /**
   * What kind of failure `error` is: over a size, ratio or memory limit (`too-large`), damaged or not what it
   * claims (`unreadable`), or over the time limit (`timeout`). The text of such a document was not read.
   */
  errorCode?: "too-large" | "unreadable" | "timeout";
}

/** Document types as ГОСТ Р 7.0.97-2016 names them (lower case, ё → е). */
export type OfficialDocumentType =
  | "приказ"
  | "постановление"
  | "распоряжение"
  | "решение"
  | "положение"
  | "протокол"
  | "состав"
  | "перечень"
  | "список"
  | "план"
  | "отчет"
  | "результаты"
  | "рейтинг"
  | "договор"
  | "контракт"
  | "информация"
  | "письмо"
  | "порядок"
  | "закон"
  | "указ";

/** An official document whose head stands in a page's main content or a file (extract/official-documents.ts). */
export interface OfficialDocument {
  type: OfficialDocumentType | null;
  /** Who issued it, when its head names them above the type («ОБЩЕСТВЕННЫЙ СОВЕТ … / РЕШЕНИЕ»). */
  issuer?: string;
  /** The document's own date requisite («от 21.03.2018»), ISO; null when it has none. */
  date: string | null;
  number: string | null;
  /** The title to the text: «Об утверждении Положения об Общественном совете …». */
  title: string | null;
  /** For an approving or amending act: the documents it approves (type and name). */
  approves: { type: OfficialDocumentType | null; name: string }[];
  /** The act amends rather than approves («О внесении изменений в …»). */
  amends: boolean;
  /** The document is an appendix to an act (it follows «Приложение …» / «УТВЕРЖДЕНО …»). */
  appendix: boolean;
  /**
   * A draft, not an act in force: blank requisites («от «__» ______ 2025 г. № ___») or «ПРОЕКТ» written
   * above the head.
   */
  draft?: boolean;
  /** Offset of the head in the text it was read from. */
  at: number;
  /** The head as written (type, requisites), clipped. */
  head: string;
}

export interface PageArtifacts {
  url: string;
  finalUrl: string;
  kind: import("./crawl.ts").ContentKind;
  /** Detected charset for HTML/text, e.g. "utf-8", "windows-1251", "koi8-r". */
  charset?: string;
  title: string;
  /** All visible text, normalised whitespace. */
  text: string;
  /** Main content (without navigation, header, footer) where it can be told apart; otherwise equals text. */
  mainText: string;
  /** Navigation/menu/footer text. */
  navText: string;
  /** The breadcrumb trail, when the page has one: where the site itself places the page. */
  breadcrumbs?: string;
  headings: Heading[];
  links: ExtractedLink[];
  dates: FoundDate[];
  contacts: Contacts;
  forms: FormInfo[];
  /** itemprop name → values (education /sveden/ pages). */
  microdata: Record<string, string[]>;
  /** Document extraction facts (PDF/DOCX/...). */
  document?: DocumentMeta;
  /** Official documents whose heads stand in the main content (pages) or the text (files). */
  documents?: OfficialDocument[];
  /** Hints for the browser fetcher: the static HTML looks script-built. */
  scriptShell?: boolean;
  /** Site-switch markers: visually-impaired version toggles found in markup. */
  accessibility?: { links: ExtractedLink[]; scripts: string[] };
}

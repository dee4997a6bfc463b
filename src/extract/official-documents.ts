/**
 * Official documents in a text, read the way a clerk reads them (ГОСТ Р 7.0.97-2016 requisites): the
 * document's type («ПРИКАЗ», «Протокол № 2 …», «ПОЛОЖЕНИЕ об …»), its date and number («от 21 марта 2018
 * года № 454»), the title to the text («Об утверждении Положения об Общественном совете …») and, for an
 * approving or amending act, what it approves («Положение об Общественном совете …»). Real pages publish
 * a regulation as the text of the order that approves it, under a heading that is only the ministry's
 * name: the subject is in the title to the text, not in the page's title or the link to it.
 *
 * Works line by line on tidied text (one block per line) with bounded, linear regular expressions.
 */
import type { FoundDate, OfficialDocument, OfficialDocumentType } from "../types/index.ts";
import { extractDates } from "./dates.ts";

/** Lines read per text; a document's head sits near its start, an attachment list is rarely longer. */
const MAX_LINES = 4000;
const MAX_LINE_CHARS = 1200;
export const MAX_TITLE_CHARS = 420;
const MAX_HEADS = 60;

/** Nominative and oblique stems of the document types (lower case, ё → е). */
const TYPE_STEMS: [OfficialDocumentType, RegExp][] = [
  ["приказ", /^приказ(?:а|ом|у|ы|ов)?$/],
  ["постановление", /^постановлени(?:е|я|ем|ю|й)$/],
  ["распоряжение", /^распоряжени(?:е|я|ем|ю|й)$/],
  ["решение", /^решени(?:е|я|ем|ю|й)$/],
  ["положение", /^положени(?:е|я|ем|ю)$/],
  ["протокол", /^протокол(?:а|ом|у|ы|ов)?$/],
  ["состав", /^состав(?:а|ом|у)?$/],
  ["перечень", /^переч(?:ень|ня|нем|ню|ни)$/],
  ["список", /^спис(?:ок|ка|ком|ки)$/],
  ["план", /^план(?:а|ом|у|ы|ов)?$/],
  ["отчет", /^отчет(?:а|ом|у|ы|ов)?$/],
  ["результаты", /^результат(?:ы|ов|ах|ам)$/],
  ["рейтинг", /^рейтинг(?:а|и|ом)?$/],
  ["договор", /^договор(?:а|ом|у)?$/],
  ["контракт", /^контракт(?:а|ом|у)?$/],
  ["информация", /^информаци(?:я|и|ю)$/],
  ["письмо", /^письм(?:о|а|ом)$/],
  ["порядок", /^поряд(?:ок|ка|ком)$/],
  ["закон", /^закон(?:а|ом)?$/],
  ["указ", /^указ(?:а|ом)?$/],
];

/** An act that approves or amends other documents (its title says what). */
const ACT_TYPES = new Set<OfficialDocumentType>([
  "приказ",
  "постановление",
  "распоряжение",
  "решение",
  "указ",
]);

const MONTH = "(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*";
/** «от 21.03.2018», «от 21 марта 2018 года», «от «21» марта 2018 г.» — bounded, no nested quantifiers. */
export const DATE_REQ = new RegExp(
  `(?:от\\s{0,3}|^|(?<=^\\p{Lu}{4,}\\s{1,3}))[«"]?\\d{1,2}[»"]?(?:[./]\\d{1,2}[./]\\d{2,4}|\\s{1,3}${MONTH}\\s{1,3}\\d{4})(?:\\s{0,3}(?:г\\.|года|г(?![а-я])))?`,
  "iu",
);
/** A type word in capitals standing as a word in a wrapped line (not at its start). */
const CAPITAL_TYPE =
  /(\S\s+)(?:ПРИКАЗ|ПОСТАНОВЛЕНИЕ|РАСПОРЯЖЕНИЕ|РЕШЕНИЕ|ПОЛОЖЕНИЕ|ПРОТОКОЛ|ПЕРЕЧЕНЬ|СОСТАВ)(?=\s|$)/gu;
export const NUMBER_REQ = /(?:№|N|No\.?)\s{0,3}([0-9A-Za-zА-Яа-яЁё][0-9A-Za-zА-Яа-яЁё./-]{0,20})/u;
/** Where the title to the text ends and the act's preamble or clauses begin. */
const TITLE_END =
  /^(?:в\s+соответствии|в\s+целях|в\s+связи|на\s+основании|во\s+исполнение|руководствуясь|согласно|рассмотрев|приказываю|постановляю|постановляет|решил[аи]?|присутствовал|повестка|1\.\s|i\.\s|общие\s+положения)/iu;
export const TITLE_START = /^(?:об?|обо)\s+\p{L}/iu;
const APPROVES = /^об\s+утверждении\s+(.+)$/iu;
const AMENDS = /^о\s+внесении\s+изменени\p{L}*\s+(?:в|во)\s+(.+)$/iu;
const APPENDIX = /^(?:приложение|утвержден[аоы]?|утверждён[аоы]?)(?![\p{L}])/iu;
/** The head of an appendix on the appendix's own line, after «Приложение № 1.» or «УТВЕРЖДЕНО … ». */
const APPENDIX_HEAD =
  /[.:)\s](ПОЛОЖЕНИЕ|Положение|ПЕРЕЧЕНЬ|Перечень|СОСТАВ|Состав|СПИСОК|Список|ПЛАН|План|ПОРЯДОК|Порядок)(?=\s)/u;

const LAW_HEAD = /^(?:федеральн|областн|краев|республиканск|окружн)\p{L}{0,4}\s+закон(?=\s|$)/iu;

/** Blank requisites of a draft: «от «__» ________ 2025 г.», «№ ___». */
const BLANK_REQUISITES = /[«"]\s{0,2}_{2,}\s{0,2}[»"]|№\s{0,3}_{2,}|_{4,}\s{0,3}(?:19|20)\d\d/u;
/** «ПРОЕКТ» standing alone (or «Проект приказа») on a line above the head. */
const DRAFT_MARK =
  /^(?:проект(?:\s+(?:приказа|постановления|распоряжения|решения|закона|положения|документа))?|вносится\s+.{0,80})$/iu;

function isDraft(lines: string[], i: number, head: string): boolean {
  if (BLANK_REQUISITES.test(head)) return true;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) if (DRAFT_MARK.test(lines[k]!)) return true;
  return false;
}

function typeOf(word: string): OfficialDocumentType | null {
  const w = word.toLowerCase().replace(/ё/g, "е");
  for (const [type, re] of TYPE_STEMS) if (re.test(w)) return type;
  return null;
}

function firstWord(line: string): string {
  const m = /^[«"(]?(\p{L}+)/u.exec(line);
  return m ? m[1]! : "";
}

function isUpperWord(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** The date requisite of a head («от … »), as an ISO date. */
function requisiteDate(text: string): FoundDate | null {
  const m = DATE_REQ.exec(text);
  if (!m) return null;
  return extractDates(m[0], { titleLike: false }).find((d) => d.precision === "day") ?? null;
}

/** A document named after «Об утверждении»/«О внесении изменений в»: its type and its name. */
function object(phrase: string): { type: OfficialDocumentType | null; name: string } {
  // «… и его состав»: the pronoun is not the document.
  const name = phrase
    .replace(/[.;]\s*$/, "")
    .replace(/^(?:его|её|ее|их)\s+/iu, "")
    .trim();
  return { type: typeOf(firstWord(name)), name };
}

/**
 * A PDF joins lines: «… Об утверждении перечня … В соответствии со статьей 95.2 … приказываю: 1. …». The
 * preamble and the clauses are the act's text, not its title.
 */
const INLINE_PREAMBLE =
  /\s(?:В\s+соответствии|В\s+целях|В\s+связи\s+с|На\s+основании|Во\s+исполнение|Руководствуясь|Согласно|Рассмотрев|приказываю|постановляю|постановляет|ПРИКАЗЫВАЮ|ПОСТАНОВЛЯЮ|1\.\s)/u;

function cutPreamble(title: string): string {
  const m = INLINE_PREAMBLE.exec(title);
  return m && m.index > 10 ? title.slice(0, m.index).trim() : title;
}

/** Title to the text starting at `lines[i]`, continued over following lines until the preamble. */
export function titleFrom(lines: string[], i: number): { title: string; next: number } {
  let title = lines[i]!;
  let j = i + 1;
  while (j < lines.length && title.length < MAX_TITLE_CHARS) {
    const l = lines[j]!;
    if (TITLE_END.test(l) || APPENDIX.test(l) || /^\d+[.)]\s/.test(l) || typeOf(firstWord(l)) !== null) break;
    // A title continues in lower case or with a conjunction; a new capitalised sentence is the text.
    if (!/^[\p{Ll}(«"]/u.test(l) && !/^(?:и|в|на|по|при|с|со|об?)\s/u.test(l)) break;
    title = `${title} ${l}`;
    j++;
  }
  return { title: title.slice(0, MAX_TITLE_CHARS).trim(), next: j };
}

/** «ПРИКАЗ» alone: the issuer and requisites follow, then the title to the text. */
function actHead(lines: string[], i: number): { head: string; title: string | null; next: number } {
  let head = lines[i]!;
  let j = i + 1;
  while (j < lines.length && j <= i + 4 && lines[j]!.length < 200) {
    const l = lines[j]!;
    if (TITLE_START.test(l) || TITLE_END.test(l) || typeOf(firstWord(l)) !== null) break;
    head = `${head} ${l}`;
    j++;
  }
  if (j < lines.length && TITLE_START.test(lines[j]!)) {
    const t = titleFrom(lines, j);
    return { head, title: t.title, next: t.next };
  }
  return { head, title: null, next: j };
}

/** «ПОЛОЖЕНИЕ» / «ПРОТОКОЛ» / «ПЕРЕЧЕНЬ» alone: the next line names it, requisites may follow. */
function namedHead(lines: string[], i: number): { head: string; title: string | null; next: number } {
  let head = lines[i]!;
  let j = i + 1;
  let title: string | null = null;
  const next = lines[j];
  if (next && !TITLE_END.test(next) && typeOf(firstWord(next)) === null && next.length <= 400) {
    if (DATE_REQ.test(next) && next.length < 80) {
      head = `${head} ${next}`;
      j++;
    }
    const name = lines[j];
    if (name && !TITLE_END.test(name) && typeOf(firstWord(name)) === null && name.length <= 400) {
      const t = titleFrom(lines, j);
      title = t.title;
      j = t.next;
    }
  }
  // Requisites under the name: «от 14.03.2025 № 3», «г. Энск 14 марта 2025 г.».
  while (
    j < lines.length &&
    j <= i + 5 &&
    lines[j]!.length < 100 &&
    (DATE_REQ.test(lines[j]!) || NUMBER_REQ.test(lines[j]!))
  ) {
    head = `${head} ${lines[j]}`;
    j++;
  }
  return { head, title, next: j };
}

const APPROVE_CLAUSE =
  /(?:^|приказываю|постановляю|постановляет|решил[аи]?|\d[.)])\s*:?\s*утвердить\s*:?\s*(?:прилагаем\p{L}*\s+)?(.{3,600})/iu;
/** The next clause («… 2. Признать утратившим силу …») ends what a clause approves. */
const NEXT_CLAUSE = /\s\d{1,2}[.)]\s|\s(?:согласно|в\s+соответствии\s+с)\s+приложени/iu;
const PART_SPLIT =
  /;\s*|,\s+а\s+также\s+|\s+и\s+(?=(?:\p{L}+\s+)?(?:состав|переч|план|порядк|положени|списк|регламент))/iu;
/** Clauses an act's title does not name: «Об Общественном совете … приказываю: 1. Утвердить: Положение …». */
const CLAUSES_READ = 12;

function approvedByClauses(lines: string[], from: number): OfficialDocument["approves"] {
  const out: OfficialDocument["approves"] = [];
  for (let j = from; j < lines.length && j < from + CLAUSES_READ; j++) {
    const m = APPROVE_CLAUSE.exec(lines[j]!);
    if (!m) continue;
    const clause = m[1]!.split(NEXT_CLAUSE)[0]!;
    for (const part of clause.split(PART_SPLIT)) {
      const o = object(part.slice(0, MAX_TITLE_CHARS));
      if (o.type && o.name) out.push(o);
    }
  }
  return out;
}

function makeHead(
  type: OfficialDocumentType | null,
  head: string,
  title: string | null,
  at: number,
  appendix: boolean,
): OfficialDocument {
  const date = requisiteDate(head);
  const number = NUMBER_REQ.exec(head)?.[1] ?? null;
  const approves: OfficialDocument["approves"] = [];
  let amends = false;
  if (title) {
    const a = APPROVES.exec(title) ?? AMENDS.exec(title);
    if (a) {
      amends = AMENDS.test(title);
      // «Об утверждении Положения … и состава …»: each approved document separately.
      for (const part of a[1]!.split(
        /\s+и\s+(?=(?:\p{L}+\s+)?(?:состав|переч|план|порядк|положени|списк|регламент))/iu,
      )) {
        const o = object(part);
        if (o.name) approves.push(o);
      }
    }
  }
  return {
    type,
    date: date?.date ?? null,
    number,
    title,
    approves,
    amends,
    appendix,
    at,
    head: head.slice(0, 300),
  };
}

/**
 * The official documents whose heads stand in a text. `skipLine` lets the caller drop lines that are
 * only links to other documents (an attachment row names the file it links to, not this page).
 */
export function officialDocuments(text: string, skipLine?: (line: string) => boolean): OfficialDocument[] {
  if (!text) return [];
  const lines: string[] = [];
  const offsets: number[] = [];
  let pos = 0;
  for (const raw of text.split("\n", MAX_LINES)) {
    // A PDF wraps lines by width: «… АДМИНИСТРАЦИИ ОКРУГА ПРИКАЗ 12.02.2026 № 41-од Об утверждении …». A type
    // word in capitals starts a line of its own wherever it stands.
    let from = 0;
    for (const m of raw.matchAll(CAPITAL_TYPE)) {
      const at = m.index + m[1]!.length;
      if (at > from) pushLine(raw.slice(from, at), pos + from);
      from = at;
    }
    pushLine(raw.slice(from), pos + from);
    pos += raw.length + 1;
  }
  function pushLine(part: string, offset: number): void {
    const line = part.trim().slice(0, MAX_LINE_CHARS);
    if (line) {
      lines.push(line);
      offsets.push(offset + (part.length - part.trimStart().length));
    }
  }
  const out: OfficialDocument[] = [];
  let appendix = false;
  for (let i = 0; i < lines.length && out.length < MAX_HEADS; i++) {
    const line = lines[i]!;
    if (APPENDIX.test(line)) {
      appendix = true;
      // «Приложение. Перечень организаций …», «УТВЕРЖДЕНО приказом … ПОЛОЖЕНИЕ об …»: the appendix's own
      // head follows on the same line; read it as a line of its own.
      const m = APPENDIX_HEAD.exec(line.slice(0, MAX_LINE_CHARS));
      if (m && m.index > 0) {
        lines[i] = line.slice(m.index + m[0].length - m[1]!.length);
        i--;
      }
      continue;
    }
    // «Федеральный закон от 05.12.2017 № 392-ФЗ», «Областной закон …»: the law's head opens with its level.
    const law = LAW_HEAD.exec(line);
    const word = law ? law[0] : firstWord(line);
    const type = law ? "закон" : typeOf(word);
    if (!type) {
      // A title to the text right after the requisites of a head we already have.
      continue;
    }
    // Asked only of lines that could head a document: the caller's test compares the line with every link row.
    if (skipLine?.(line)) continue;
    const upper = isUpperWord(word);
    const rest = line.slice(line.indexOf(word) + word.length).trim();
    if (upper && rest === "") {
      const h = ACT_TYPES.has(type) ? actHead(lines, i) : namedHead(lines, i);
      const doc = makeHead(type, h.head, h.title, offsets[i]!, appendix && !ACT_TYPES.has(type));
      if (isDraft(lines, i, h.head)) doc.draft = true;
      if (ACT_TYPES.has(type)) doc.approves.push(...approvedByClauses(lines, h.next));
      const issuer = issuerAbove(lines, i);
      if (issuer) doc.issuer = issuer;
      out.push(doc);
      i = h.next - 1;
      continue;
    }
    // «Приказ от 12.03.2024 № 145 Об утверждении …», «Протокол № 2 заседания … от 14.03.2025»,
    // «ПОЛОЖЕНИЕ об Общественном совете …», «Перечень организаций …».
    const hasRequisites = DATE_REQ.test(line) || NUMBER_REQ.test(line);
    // «Перечень организаций …», «Положение об …» name a document; «Порядок его работы определён …» is prose.
    const named =
      !ACT_TYPES.has(type) && /^(?:об?|обо|о\s|\p{Ll})/u.test(rest) && !/^(?:его|её|ее|их)\s/u.test(rest);
    if (!hasRequisites && !named && !upper) continue;
    // A paragraph that starts with «Результаты …» is prose, not the head of a document.
    if (!hasRequisites && !upper && line.length > 250) continue;
    let title: string | null = null;
    const titleAt = rest.search(/(?:^|\s)(?:Об?|Обо)\s+\p{L}/u);
    if (titleAt >= 0) title = rest.slice(titleAt).trim();
    else if (named) title = rest;
    else if (i + 1 < lines.length && TITLE_START.test(lines[i + 1]!)) {
      const t = titleFrom(lines, i + 1);
      title = t.title;
      i = t.next - 1;
    } else {
      // «Протокол № 2 заседания Общественного совета … от 14.03.2025»: the words between the requisites.
      const words = rest.replace(DATE_REQ, " ").replace(NUMBER_REQ, " ").replace(/\s+/g, " ").trim();
      if (/\p{L}{3,}\s+\p{L}{3,}/u.test(words)) title = words;
    }
    if (title) title = cutPreamble(title);
    if (title && title.length > MAX_TITLE_CHARS) title = title.slice(0, MAX_TITLE_CHARS);
    const doc = makeHead(type, line, title, offsets[i]!, appendix && !ACT_TYPES.has(type));
    if (isDraft(lines, i, line)) doc.draft = true;
    if (ACT_TYPES.has(type)) doc.approves.push(...approvedByClauses(lines, i + 1));
    out.push(doc);
  }
  return out;
}

const ISSUER_WORDS =
  /(?:совет|министерств|департамент|управлени|комитет|правительств|администраци|губернатор|глав[аы]\s)/iu;

/**
 * The issuer written above a standalone type line: «ОБЩЕСТВЕННЫЙ СОВЕТ / по независимой оценке … / РЕШЕНИЕ»,
 * «МИНИСТЕРСТВО КУЛЬТУРЫ … / ПРИКАЗ». Its lines run up to the type (a PDF wraps a long name over several);
 * the first starts with the body's name, in capitals or with a word that names a body.
 */
const ISSUER_CAPITALS = /^[А-ЯЁ]{2,}(?:\s|$)/u;
const ISSUER_WORD_START =
  /^(?:общественн\p{L}*\s+совет|министерств|департамент|управлени|комитет|правительств|администраци|губернатор)/iu;
const ISSUER_LINES = 6;

function issuerAbove(lines: string[], i: number): string | null {
  let chars = 0;
  let top = -1;
  // The topmost line that starts a body's name, within the lines that can belong to a heading.
  for (let from = i - 1; from >= 0 && from >= i - ISSUER_LINES; from--) {
    const l = lines[from]!;
    chars += l.length;
    if (chars > 400 || TITLE_END.test(l) || DATE_REQ.test(l) || typeOf(firstWord(l)) !== null) break;
    if (ISSUER_CAPITALS.test(l) || ISSUER_WORD_START.test(l)) top = from;
  }
  if (top < 0) return null;
  const issuer = lines.slice(top, i).join(" ");
  return ISSUER_WORDS.test(issuer) ? issuer : null;
}

/** How a document names itself, in one line: «Приказ от 21.03.2018 № 454 «Об утверждении …»». */
export function documentName(d: OfficialDocument): string {
  const type = d.type ? d.type[0]!.toUpperCase() + d.type.slice(1) : "";
  const req = [d.date ? `от ${d.date.split("-").reverse().join(".")}` : "", d.number ? `№ ${d.number}` : ""]
    .filter(Boolean)
    .join(" ");
  return [type, d.issuer ?? "", req, d.title ?? ""].filter(Boolean).join(" ").trim();
}

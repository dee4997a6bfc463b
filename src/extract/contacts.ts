import type { Contacts, ExtractedLink } from "../types/index.ts";

/**
 * Phones and e-mails from visible text plus `tel:` / `mailto:` links. Phones come out as +7XXXXXXXXXX (local
 * numbers without a city code as bare digits), e-mails lower-cased; both deduped in order of appearance.
 * Dates, INN/OGRN and account numbers are not phones: a number needs phone shape (+7/8 and a code, or a code
 * in parentheses) or a «тел.» cue right before it.
 */
export function extractContacts(text: string, links: ExtractedLink[] = []): Contacts {
  const phones = new Ordered();
  const emails = new Ordered();
  const telLinks = new Ordered();
  const mailtoLinks = new Ordered();

  for (const link of links) {
    const url = link.url.trim();
    if (/^tel:/i.test(url)) {
      telLinks.add(url);
      const phone = normalizePhone(decodeSafe(url.slice(4)));
      if (phone) phones.add(phone);
    } else if (/^mailto:/i.test(url)) {
      mailtoLinks.add(url);
      for (const addr of decodeSafe(url.slice(7).split("?")[0] ?? "").split(/[,;]/)) {
        const email = normalizeEmail(addr);
        if (email) emails.add(email);
      }
    }
  }
  for (const phone of findPhones(text)) phones.add(phone);
  for (const email of findEmails(text)) emails.add(email);
  return {
    phones: phones.list(),
    emails: emails.list(),
    telLinks: telLinks.list(),
    mailtoLinks: mailtoLinks.list(),
  };
}

/**
 * Bounded, unambiguous separators: with `\\s*-?\\s*` a lone «8» before a megabyte of spaces split the run in
 * every possible way (quadratic); a real number never has more than a few spaces between its groups.
 */
const SP = "[\\s\\u00a0]{0,3}";
const SEP = `${SP}(?:[-‐‑–—]${SP})?`;
/** +7 / 8, a 3–5 digit code (maybe in parentheses), then the rest: 10 digits after the prefix in all. */
const TRUNK_PHONE = new RegExp(
  `(?<![\\d\\p{L}+])(\\+${SP}7|8)${SEP}\\(?${SP}(\\d{3,5})${SP}\\)?${SEP}(\\d{1,3})${SEP}(\\d{2})${SEP}(\\d{2})(?![\\d])`,
  "gu",
);
/** (4872) 24-52-01 without a prefix. */
const CODE_PHONE = new RegExp(
  `(?<![\\d+])\\(${SP}(\\d{3,5})${SP}\\)${SEP}(\\d{1,3})${SEP}(\\d{2})${SEP}(\\d{2})(?!\\d)`,
  "gu",
);
/** 24-52-01 / 2-45-20 after a «тел.» cue only: bare, it could be anything. */
const LOCAL_PHONE = /(?<![\d.\-/])(\d{1,3})-(\d{2})-(\d{2})(?![\d\-/]|\.\d)/gu;
const PHONE_CUE = /(?:тел\p{L}*|т\.|факс|ф\.|приемн\p{L}*|приёмн\p{L}*|phone|tel|☎|📞)[\s.:\-–\d,()+]*$/iu;
const NOT_PHONE_BEFORE =
  /(?:инн|огрн|огрнип|кпп|окпо|октмо|окато|оквэд|бик|р\/с|к\/с|л\/с|сч[её]т\p{L}*|№|n)[\s.:]*$/iu;

export function findPhones(text: string): string[] {
  const out = new Ordered();
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);
  const accept = (m: RegExpMatchArray, digits: string): void => {
    // Russian geographic codes start with 3, 4 or 8, mobile ones with 9: «(2024) 12-34-56» is no phone.
    if (digits.startsWith("+7") && !/^[3489]/.test(digits.slice(2))) return;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!free(start, end)) return;
    if (NOT_PHONE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return;
    taken.push([start, end]);
    out.add(digits);
  };
  for (const m of text.matchAll(TRUNK_PHONE)) {
    const rest = `${m[2]}${m[3]}${m[4]}${m[5]}`;
    if (rest.length !== 10) continue;
    // 8 followed by ten plain digits (84872245201) is too easily an account or register number.
    if (m[1] === "8" && /^\d{11}$/.test(m[0]) && !PHONE_CUE.test(before(text, m.index ?? 0))) continue;
    accept(m, `+7${rest}`);
  }
  for (const m of text.matchAll(CODE_PHONE)) {
    const rest = `${m[1]}${m[2]}${m[3]}${m[4]}`;
    if (rest.length === 10) accept(m, `+7${rest}`);
  }
  for (const m of text.matchAll(LOCAL_PHONE)) {
    const digits = `${m[1]}${m[2]}${m[3]}`;
    if (digits.length < 5) continue;
    if (PHONE_CUE.test(before(text, m.index ?? 0))) accept(m, digits);
  }
  return out.list();
}

function before(text: string, index: number): string {
  return text.slice(Math.max(0, index - 40), index);
}

/** A tel: target or a typed number → +7XXXXXXXXXX, or the bare digits when it is not a Russian number. */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[^\d+]/g, "");
  const plain = digits.replace(/\+/g, "");
  if (plain.length === 11 && (plain.startsWith("7") || plain.startsWith("8"))) return `+7${plain.slice(1)}`;
  if (plain.length === 10) return `+7${plain}`;
  if (plain.length >= 5 && plain.length <= 15) return digits.startsWith("+") ? `+${plain}` : plain;
  return null;
}

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:[a-z]{2,24}|рф|рус)(?![\p{L}\p{N}])/giu;
/**
 * info [at] site.ru, info(собака)site.ru: common anti-spam spellings on official sites. Space runs are
 * bounded: an unbounded `\s*` before the marker was retried at every position of a long run of spaces.
 */
const OBFUSCATED_AT =
  /[\s\u00a0]{0,4}(?:\[at\]|\(at\)|\{at\}|\[собака\]|\(собака\)|\s{1,4}собака\s{1,4})[\s\u00a0]{0,4}/giu;
const OBFUSCATED_DOT = /[\s\u00a0]{0,4}(?:\[dot\]|\(dot\)|\[точка\]|\(точка\))[\s\u00a0]{0,4}/giu;

/** What every obfuscated marker holds: a cheap scan that spares most texts the two replacements. */
const OBFUSCATED_AT_CORE = /at[\])}]|собака/iu;
const OBFUSCATED_DOT_CORE = /dot[\])]|точка/iu;

export function findEmails(text: string): string[] {
  const out = new Ordered();
  let plain = OBFUSCATED_AT_CORE.test(text) ? text.replace(OBFUSCATED_AT, "@") : text;
  if (OBFUSCATED_DOT_CORE.test(plain)) plain = plain.replace(OBFUSCATED_DOT, ".");
  // The e-mail regex is slow when tried at every position of a big page: try it only around each «@».
  let searchedTo = 0;
  for (let at = plain.indexOf("@"); at >= 0; at = plain.indexOf("@", at + 1)) {
    if (at < searchedTo) continue;
    const from = Math.max(searchedTo, at - 64);
    const window = plain.slice(from, at + 256);
    for (const m of window.matchAll(EMAIL)) {
      const end = from + (m.index ?? 0) + m[0].length;
      if (from + (m.index ?? 0) > at) break;
      const email = normalizeEmail(m[0]);
      if (email) out.add(email);
      searchedTo = end;
    }
  }
  return out.list();
}

/** retina@2x.png and the like have the shape of an e-mail. */
const FILE_SUFFIX = /\.(?:png|jpe?g|gif|svg|webp|bmp|ico|css|js|pdf|docx?|xlsx?)$/i;

function normalizeEmail(raw: string): string | null {
  const email = raw
    .trim()
    .replace(/^[._%+-]+/, "")
    .replace(/\.+$/, "")
    .toLowerCase();
  if (FILE_SUFFIX.test(email)) return null;
  return /^[^@\s]+@[^@\s]+\.[^@\s.]+$/u.test(email) ? email : null;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

class Ordered {
  private readonly seen = new Set<string>();
  private readonly items: string[] = [];
  add(value: string): void {
    if (this.seen.has(value)) return;
    this.seen.add(value);
    this.items.push(value);
  }
  list(): string[] {
    return this.items;
  }
}

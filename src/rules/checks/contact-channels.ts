/** The phone and e-mail channels of a page: tel:/mailto: links, numbers told apart from fax, microdata. */
import { excerptAround } from "../../extract/russian/index.ts";
import type { SitePage } from "../../types/index.ts";
import { clip } from "../text.ts";
import type { Found } from "./feedback-channels.ts";

export function emailOn(page: SitePage): Found | null {
  const a = page.artifacts;
  const email = a.contacts.emails[0] ?? a.microdata.email?.find((v) => v.includes("@"));
  if (!email) return null;
  const mailto = a.contacts.mailtoLinks.length > 0;
  return { page, excerpt: `${email}${mailto ? " (ссылка mailto:)" : ""}`, linkText: null };
}

export function phoneOn(page: SitePage): Found | null {
  const a = page.artifacts;
  const faxLinks = new Set<string>();
  for (const tel of a.contacts.telLinks) {
    const link = a.links.find((l) => l.url === tel);
    // «Факс» as the words of a tel: link is rare but says what it is.
    if (link && FAX_ONLY_TEXT.test(link.text)) {
      faxLinks.add(tel.replace(/\D/g, "").slice(-10));
      continue;
    }
    return {
      page,
      excerpt: `${clip(link?.text || tel.slice(4), 60)} (ссылка tel:)`,
      linkText: link?.text || null,
    };
  }
  for (const phone of a.contacts.phones) {
    const at = phoneLabel(a.text, phone);
    if (at.label === "fax" || (at.index < 0 && faxLinks.has(phone.replace(/\D/g, "").slice(-10)))) continue;
    return {
      page,
      excerpt: at.index >= 0 ? excerptAround(a.text, at.index, at.index + 1, 50) : phone,
      linkText: null,
    };
  }
  const md = a.microdata.telephone?.find((v) => /\d{5,}/.test(v.replace(/\D/g, "")));
  if (md) return { page, excerpt: `${md} (микроразметка telephone)`, linkText: null };
  return null;
}

const FAX_ONLY_TEXT = /^\s*(?:факс|fax)(?!\p{L})/iu;
/** The labels a number carries on Russian sites; the nearest one before it decides. */
const CUE =
  /(?<!\p{L})(тел(?:ефон)?\.?\s*[/,-]\s*факс|т\/ф|телефон\p{L}*|тел\.?|т\.|моб\p{L}*\.?|факс|fax|ф\.|phone|tel\.?)(?!\p{L})/giu;
const FAX_CUE = /^(?:факс|fax|ф\.)$/iu;
/** Characters that may sit inside one written number. */
const NUMBER_CHARS = /[\d\s\u00a0()\-‐‑–—+.]/u;

/**
 * What labels a number in the text: `phone` (a telephone or tel./fax), `fax` (a fax only), or
 * `phone` when unlabelled. The number is located by its digits (the text writes them with spaces,
 * brackets and dashes); `index` is where its digits start, -1 when the text does not hold it.
 */
export function phoneLabel(text: string, phone: string): { label: "phone" | "fax"; index: number } {
  const digits = phone.replace(/\D/g, "");
  const tail = digits.length >= 10 ? digits.slice(-10) : digits;
  if (tail.length < 5) return { label: "phone", index: -1 };
  // A digit projection of the text: letters and punctuation other than number punctuation break it.
  let proj = "";
  const pos: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch >= "0" && ch <= "9") {
      proj += ch;
      pos.push(i);
    } else if (!NUMBER_CHARS.test(ch)) {
      proj += "|";
      pos.push(i);
    }
  }
  let first = -1;
  for (let at = proj.indexOf(tail); at >= 0; at = proj.indexOf(tail, at + 1)) {
    const start = numberStart(text, pos[at]!);
    if (first < 0) first = start;
    if (labelBefore(text, start) === "phone") return { label: "phone", index: start };
  }
  return first >= 0 ? { label: "fax", index: first } : { label: "phone", index: -1 };
}

/** Characters of a number's prefix («8 (», «+7 »); not the dot, which ends «ф.» and «т.». */
const PREFIX_CHARS = /[\d\s\u00a0()\-‐‑–—+]/u;

/** Back from the first digit of the national number over its prefix. */
function numberStart(text: string, i: number): number {
  let s = i;
  while (s > 0 && PREFIX_CHARS.test(text[s - 1]!)) s--;
  while (s < i && /[\s\u00a0]/.test(text[s]!)) s++;
  return s;
}

function labelBefore(text: string, start: number): "phone" | "fax" {
  const window = text.slice(Math.max(0, start - 40), start);
  let last: string | null = null;
  for (const m of window.matchAll(CUE)) last = m[1] ?? null;
  if (last === null) return "phone";
  return FAX_CUE.test(last.trim()) ? "fax" : "phone";
}

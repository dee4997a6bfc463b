/**
 * A link without words (a banner, an icon) is named by its address: Russian sites spell a page's name in
 * Latin letters in its path («/nezavisimaya-otsenka-kachestva-usloviy-okazaniya-uslug/»). Read back into
 * Cyrillic, the name matches the rules' cues as a link text would. Only the crawl's order uses it.
 */

// Longest first: «shch» before «sh», «ts» before «t». Both the Yandex/Bitrix and the «j» schemes.
const MULTI: [string, string][] = [
  ["shch", "щ"],
  ["sch", "щ"],
  ["zh", "ж"],
  ["kh", "х"],
  ["ts", "ц"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["yu", "ю"],
  ["ju", "ю"],
  ["ya", "я"],
  ["ja", "я"],
  ["iy", "ий"],
  ["yy", "ый"],
  ["yj", "ый"],
  ["ij", "ий"],
];

const SINGLE: Record<string, string> = {
  a: "а",
  b: "б",
  v: "в",
  w: "в",
  g: "г",
  d: "д",
  e: "е",
  z: "з",
  i: "и",
  j: "й",
  k: "к",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  p: "п",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  f: "ф",
  h: "х",
  c: "ц",
  q: "к",
  x: "кс",
};

const VOWELS = "аеёиоуыэюя";

/** One Latin word back into Cyrillic, as most Russian site engines spell it. */
export function cyrillicOf(word: string): string {
  let out = "";
  let i = 0;
  while (i < word.length) {
    // «iy» + vowel is «и» + «я/ю» (okazaniya), not «ий».
    const multi = MULTI.find(
      ([lat]) =>
        word.startsWith(lat, i) &&
        !(lat.length === 2 && /[yj]$/.test(lat) && /[aeiou]/.test(word[i + 2] ?? "")),
    );
    if (multi) {
      out += multi[1];
      i += multi[0].length;
      continue;
    }
    const ch = word[i]!;
    // «y» after a vowel is «й» (nezavisimyy → «ый» above, «kray» → «край»), else «ы».
    if (ch === "y") out += out.length > 0 && VOWELS.includes(out.at(-1)!) ? "й" : "ы";
    else out += SINGLE[ch] ?? ch;
    i++;
  }
  return out;
}

/**
 * The words of a URL's last named path segment, in Cyrillic («…/nok-2026/» → «нок 2026»); "" when the
 * address names nothing (a number, an index file, the site's root).
 */
export function slugWords(url: string): string {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname).toLowerCase();
  } catch {
    return "";
  }
  // The page's own segment only: «/dokumenty/91005/» names no page, not «документы».
  const segments = path.split("/").filter((s) => s !== "");
  // «/nsok/index.php» is named by its folder.
  if (/^(index|default|main|home)(\.[a-z0-9]{1,5})?$/.test(segments.at(-1) ?? "")) segments.pop();
  const last = segments.at(-1)?.replace(/\.[a-z0-9]{1,5}$/, "");
  if (!last || !/[a-z]{3}/.test(last) || /^[0-9a-f]{16,}$/.test(last)) return "";
  return last
    .split(/[-_.~+]+/)
    .filter((w) => w !== "")
    .map((w) => (/^[a-z]+$/.test(w) ? cyrillicOf(w) : w))
    .join(" ");
}

import type { Document, Element } from "domhandler";
import type { ExtractedLink } from "../types/index.ts";
import { firstDescendant, pageElements, textContent } from "../util/dom-query.ts";
import { resolveUrl } from "./links.ts";
import { collapseSpaces } from "./russian/normalize.ts";

/**
 * Markers of a version for the visually impaired: toggles (links or buttons) whose text, title, alt, aria-label,
 * class or href say so, and the scripts of the usual widgets (bvi.js «Button visually impaired», uhpv,
 * lidrekon, special-version plugins). Finding a marker does not prove the version works (fake toggles exist);
 * the rules decide what to make of it.
 */
export interface AccessibilityHints {
  links: ExtractedLink[];
  scripts: string[];
}

const TEXT_CUE =
  /слабовидящ|слабозрячи|для\s+незрячих|нарушени\p{L}*\s+зрени|специальн\p{L}*\s+верси|верси\p{L}*\s+для\s+(?:люд\p{L}*\s+с\s+)?(?:ограничен|нарушен|инвалид)|обычн\p{L}*\s+верси\p{L}*\s+сайта|visually[\s-]*impaired|low[\s-]*vision|for\s+the\s+blind/iu;
const ATTR_CUE =
  /(?:^|[^a-z])(?:bvi(?:-open|-link|-panel-open)?|special[-_]?version|spec[-_]?version|version[-_]?special|visually[-_]?impaired|poor[-_]?vision|low[-_]?vision|lowvision|blind|glasses|eye[-_]?(?:icon|btn|button|version)|uhpv[-\w]*|lidrekon)(?:[^a-z]|$)/i;
const HREF_CUE =
  /(?:[?&/=_-])(?:special|bvi|visually[-_]impaired|spec(?:ial)?[-_]?version|lowvision|low[-_]vision|impaired|blind)(?=[?&/=.#]|$)/i;
const SCRIPT_CUE =
  /bvi|uhpv|special[-_.]?version|lidrekon|visually[-_]?impaired|poor[-_]?vision|spec[-_]?version|button-visually|isvek/i;
const INLINE_SCRIPT_CUE: [RegExp, string][] = [
  [/isvek\.Bvi|new\s+Bvi\b|\bbvi\(|bvi-open/i, "inline:bvi"],
  [/uhpv/i, "inline:uhpv"],
  [/lidrekon/i, "inline:lidrekon"],
  [/special[-_]?version|specialVersion/i, "inline:special-version"],
];

/** What a toggle shows as its icon (the first of them inside it). */
const ICON_TAGS = new Set(["img", "i", "span", "svg"]);

/** `a, button, [role=button], [onclick], input[type=button], input[type=image]` (type compares caselessly). */
function isToggle(e: Element): boolean {
  if (e.name === "a" || e.name === "button" || e.attribs.role === "button" || e.attribs.onclick != null)
    return true;
  const type = e.name === "input" ? e.attribs.type?.toLowerCase() : undefined;
  return type === "button" || type === "image";
}

export function findAccessibility(doc: Document, baseUrl: string): AccessibilityHints {
  const links: ExtractedLink[] = [];
  const seen = new Set<Element>();
  const all = pageElements(doc);
  for (const el of all.filter(isToggle)) {
    if (seen.has(el)) continue;
    seen.add(el);
    const img = firstDescendant(el, (e) => e.name === "img");
    const imgAlt = collapseSpaces(img?.attribs.alt ?? "");
    const text =
      collapseSpaces(textContent(el)) ||
      imgAlt ||
      collapseSpaces(el.attribs["aria-label"] ?? el.attribs.value ?? el.attribs.alt ?? "");
    const title = collapseSpaces(
      el.attribs.title ?? firstDescendant(el, (e) => e.attribs.title != null)?.attribs.title ?? "",
    );
    const attrs = [
      el.attribs.class,
      el.attribs.id,
      el.attribs.onclick,
      el.attribs["data-target"],
      firstDescendant(el, (e) => ICON_TAGS.has(e.name))?.attribs.class,
      img?.attribs.src,
    ]
      .filter(Boolean)
      .join(" ");
    const href = el.attribs.href?.trim() ?? "";
    const cued =
      TEXT_CUE.test(text) ||
      TEXT_CUE.test(title) ||
      TEXT_CUE.test(imgAlt) ||
      ATTR_CUE.test(attrs) ||
      HREF_CUE.test(href);
    if (!cued) continue;
    // A toggle without a target switches the current page in place; the page's own URL stands for it.
    const url = href && !/^(?:javascript:|#$)/i.test(href) ? (resolveUrl(href, baseUrl) ?? baseUrl) : baseUrl;
    links.push({ url, text, ...(title ? { title } : {}), inNav: false });
  }
  const scripts: string[] = [];
  for (const el of all.filter((e) => e.name === "script")) {
    const src = el.attribs.src?.trim();
    if (src) {
      if (SCRIPT_CUE.test(src)) scripts.push(resolveUrl(src, baseUrl) ?? src);
      continue;
    }
    const body = textContent(el);
    for (const [re, name] of INLINE_SCRIPT_CUE)
      if (re.test(body) && !scripts.includes(name)) scripts.push(name);
  }
  for (const el of all.filter((e) => e.name === "link" && e.attribs.href != null)) {
    const href = el.attribs.href ?? "";
    if (/stylesheet/i.test(el.attribs.rel ?? "") && SCRIPT_CUE.test(href))
      scripts.push(resolveUrl(href, baseUrl) ?? href);
  }
  return { links, scripts };
}

import type { CheerioAPI } from "cheerio";
import * as cheerio from "cheerio";
import type { Element } from "domhandler";
import { textContent } from "../../util/dom-query.ts";

/**
 * The one heuristic for "this static HTML needs a browser": the crawl's render policy (`--render auto`) and the
 * extract stage's `scriptShell` flag both ask it, so the two can never disagree.
 */

/** Below these, a page with scripts looks like a shell whose content is built in the browser. */
export const SHELL_THRESHOLDS = { minLinks: 5, minTextChars: 200 };

/** Counters and analytics run on nearly every Russian government site and build no content. */
const ANALYTICS =
  /mc\.yandex\.ru|metrika|googletagmanager|google-analytics|top-fwz1\.mail\.ru|top\.mail\.ru|liveinternet|openstat|counter\.yadro|\bym\(|gtag\(|_tmr\b|GoogleAnalyticsObject/i;

/** Mount points of the common SPA frameworks: a shell when they are empty. */
const SPA_ROOTS = [
  "#app",
  "#root",
  "#__next",
  "#__nuxt",
  "#___gatsby",
  "#q-app",
  "app-root",
  "[ng-version]",
  "[ng-app]",
  "[data-reactroot]",
];

/** «Включите JavaScript» notices: the site itself says the content needs scripts. */
const NOSCRIPT_NOTICE = /javascript|включите|включить|enable/i;

/** Elements whose content is no visible text here. */
const HIDDEN = new Set(["script", "style", "noscript", "template", "svg"]);

const JS_TYPES = /^(|text\/javascript|application\/javascript|module|text\/babel)$/i;

/**
 * E-mail cloaking: Joomla's `cloak` span + `document.write`/innerHTML script, Cloudflare's email protection, and
 * hand-written `document.write('<a href="mailto:' + …)`. The address exists only after the script ran.
 */
const CLOAK_TEXT =
  /защищ[её]н от спам-ботов|being protected from spambots|должен быть включен JavaScript для просмотра/i;
const CLOAK_SCRIPT =
  /getElementById\(\s*['"]cloak|document\.write\([^)]*(?:mailto|&#64;|@)|addy\d+|__cf_email__/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

export interface RenderVerdict {
  render: boolean;
  /** Why, in Russian (recorded as the page's renderDecision). */
  reason: string;
}

/**
 * Does this static HTML need a browser? True for an empty SPA mount point or a framework data blob
 * (`__NEXT_DATA__`, `__NUXT__`), a «включите JavaScript» notice over little text, an e-mail address written by
 * script (cloaking) with none readable in the HTML, or few links or little visible text while content scripts are
 * present. The HTML need not be decoded with the right charset: only tags, links and the amount of text count.
 * A parsed document is not modified.
 */
export function needsRendering(html: string | CheerioAPI): RenderVerdict {
  const $ = typeof html === "string" ? cheerio.load(html) : html;
  // Attributes and text read off the nodes: wrapping each node in a Cheerio object cost more than the test.
  const scripts = $("script").filter((_, el) => {
    const attribs = (el as Element).attribs;
    if (!JS_TYPES.test((attribs.type ?? "").trim())) return attribs.id === "__NEXT_DATA__";
    return !ANALYTICS.test(attribs.src ?? "") && !ANALYTICS.test(textContent(el));
  });
  if (scripts.length === 0) return { render: false, reason: "на странице нет скриптов, строящих содержимое" };

  if ($("script#__NEXT_DATA__").length > 0)
    return { render: true, reason: "приложение Next.js (__NEXT_DATA__)" };
  const code = scripts
    .toArray()
    .map((el) => textContent(el))
    .join("\n");
  if (/window\.__NUXT__/.test(code)) return { render: true, reason: "приложение Nuxt (__NUXT__)" };
  for (const selector of SPA_ROOTS) {
    const root = $(selector).first();
    if (root.length && root.children().length === 0 && root.text().trim() === "") {
      return { render: true, reason: `пустой корневой элемент приложения (${selector})` };
    }
  }

  const links = $("a[href]").filter((_, el) => {
    const href = ((el as Element).attribs.href ?? "").trim();
    return href !== "" && !href.startsWith("#") && !/^javascript:/i.test(href);
  }).length;
  const noscriptNotice = $("noscript")
    .toArray()
    .some((el) => NOSCRIPT_NOTICE.test(textContent(el)));
  // The body's text without what never shows; read in place instead of cloning the body and removing them.
  const body = $("body").get(0);
  const text = body
    ? textContent(body, (el) => HIDDEN.has(el.name))
        .replace(/\s+/g, " ")
        .trim()
    : "";

  const cloaked =
    CLOAK_SCRIPT.test(code) ||
    ($("[id^='cloak']").length > 0 && CLOAK_TEXT.test(text)) ||
    $(".__cf_email__, a[href*='/cdn-cgi/l/email-protection']").length > 0;
  const readableEmail = $("a[href^='mailto:']").length > 0 || EMAIL.test(text);
  if (cloaked && !readableEmail) {
    return { render: true, reason: "адрес e-mail записывается скриптом (защита от спам-ботов)" };
  }
  if (noscriptNotice && text.length < 1000) {
    return { render: true, reason: "страница просит включить JavaScript (noscript) и почти без текста" };
  }
  if (links < SHELL_THRESHOLDS.minLinks) {
    return { render: true, reason: `мало ссылок (${links}) при ${scripts.length} скриптах` };
  }
  if (text.length < SHELL_THRESHOLDS.minTextChars) {
    return {
      render: true,
      reason: `мало видимого текста (${text.length} симв.) при ${scripts.length} скриптах`,
    };
  }
  return { render: false, reason: `достаточно ссылок (${links}) и текста (${text.length} симв.)` };
}

import type { Document, Element } from "domhandler";
import { hasClass, isTag, pageElements, textContent } from "../../util/dom-query.ts";
import { parseHtmlDocument } from "../../util/parse-html.ts";

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
const SPA_ROOTS: [string, (e: Element) => boolean][] = [
  ...["app", "root", "__next", "__nuxt", "___gatsby", "q-app"].map(
    (id): [string, (e: Element) => boolean] => [`#${id}`, (e) => e.attribs.id === id],
  ),
  ["app-root", (e) => e.name === "app-root"],
  ...["ng-version", "ng-app", "data-reactroot"].map((attr): [string, (e: Element) => boolean] => [
    `[${attr}]`,
    (e) => e.attribs[attr] != null,
  ]),
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
export function needsRendering(html: string | Document): RenderVerdict {
  const doc = typeof html === "string" ? parseHtmlDocument(html) : html;
  // One list of the page's elements, read off the nodes: a selector per question walked the tree each time
  // and wrapping each node in a Cheerio object cost more than the test.
  const all = pageElements(doc);
  const scripts = all.filter((el) => {
    if (el.name !== "script") return false;
    if (!JS_TYPES.test((el.attribs.type ?? "").trim())) return el.attribs.id === "__NEXT_DATA__";
    return !ANALYTICS.test(el.attribs.src ?? "") && !ANALYTICS.test(textContent(el));
  });
  if (scripts.length === 0) return { render: false, reason: "на странице нет скриптов, строящих содержимое" };

  if (all.some((e) => e.name === "script" && e.attribs.id === "__NEXT_DATA__"))
    return { render: true, reason: "приложение Next.js (__NEXT_DATA__)" };
  const code = scripts.map((el) => textContent(el)).join("\n");
  if (/window\.__NUXT__/.test(code)) return { render: true, reason: "приложение Nuxt (__NUXT__)" };
  for (const [selector, matches] of SPA_ROOTS) {
    const root = all.find(matches);
    if (root && !root.children.some(isTag) && textContent(root).trim() === "") {
      return { render: true, reason: `пустой корневой элемент приложения (${selector})` };
    }
  }

  const anchors = all.filter((e) => e.name === "a" && e.attribs.href != null);
  const links = anchors.filter((el) => {
    const href = (el.attribs.href ?? "").trim();
    return href !== "" && !href.startsWith("#") && !/^javascript:/i.test(href);
  }).length;
  const noscriptNotice = all.some((el) => el.name === "noscript" && NOSCRIPT_NOTICE.test(textContent(el)));
  // The body's text without what never shows; read in place instead of cloning the body and removing them.
  const body = all.find((e) => e.name === "body");
  const text = body
    ? textContent(body, (el) => HIDDEN.has(el.name))
        .replace(/\s+/g, " ")
        .trim()
    : "";

  const cloaked =
    CLOAK_SCRIPT.test(code) ||
    (all.some((e) => e.attribs.id?.startsWith("cloak")) && CLOAK_TEXT.test(text)) ||
    all.some(
      (e) =>
        hasClass(e, "__cf_email__") ||
        (e.name === "a" && e.attribs.href?.includes("/cdn-cgi/l/email-protection")),
    );
  const readableEmail = anchors.some((e) => e.attribs.href?.startsWith("mailto:")) || EMAIL.test(text);
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

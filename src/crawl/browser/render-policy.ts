import * as cheerio from "cheerio";
import type { FetchedPage, Fetcher, FetchOptions } from "../../types/crawl.ts";
import { CHROMIUM_INSTALL_HINT } from "./find-chromium.ts";

export type RenderMode = "never" | "auto" | "always";

/** Below these, a page with scripts looks like a shell whose content is built in the browser. */
export const SHELL_THRESHOLDS = { minLinks: 5, minTextChars: 200 };

/** Counters and analytics run on nearly every Russian government site and build no content. */
const ANALYTICS =
  /mc\.yandex\.ru|metrika|googletagmanager|google-analytics|top-fwz1\.mail\.ru|top\.mail\.ru|liveinternet|openstat|counter\.yadro|\bym\(|gtag\(|_tmr\b|GoogleAnalyticsObject/i;

/** Empty mount points of the common SPA frameworks. */
const SPA_ROOTS = ["#app", "#root", "#__next", "#__nuxt", "#___gatsby", "#q-app", "app-root", "[ng-version]"];

/** «Включите JavaScript» notices: the site itself says the content needs scripts. */
const NOSCRIPT_NOTICE = /javascript|включите|включить|enable/i;

const JS_TYPES = /^(|text\/javascript|application\/javascript|module|text\/babel)$/i;

/**
 * Does this static HTML look like a script-built shell? True for an empty SPA mount point or a
 * framework data blob (`__NEXT_DATA__`, `__NUXT__`), or for few links or little visible text while
 * content scripts are present. The HTML need not be decoded with the right charset: only tags, links
 * and the amount of text are looked at.
 */
export function needsRendering(staticHtml: string): { render: boolean; reason: string } {
  const $ = cheerio.load(staticHtml);
  const scripts = $("script").filter((_, el) => {
    const s = $(el);
    if (!JS_TYPES.test((s.attr("type") ?? "").trim())) return s.attr("id") === "__NEXT_DATA__";
    return !ANALYTICS.test(s.attr("src") ?? "") && !ANALYTICS.test(s.text());
  });
  if (scripts.length === 0) return { render: false, reason: "на странице нет скриптов, строящих содержимое" };

  if ($("script#__NEXT_DATA__").length > 0)
    return { render: true, reason: "приложение Next.js (__NEXT_DATA__)" };
  if (scripts.toArray().some((el) => /window\.__NUXT__/.test($(el).text()))) {
    return { render: true, reason: "приложение Nuxt (__NUXT__)" };
  }
  for (const selector of SPA_ROOTS) {
    const root = $(selector).first();
    if (root.length && root.children().length === 0 && root.text().trim() === "") {
      return { render: true, reason: `пустой корневой элемент приложения (${selector})` };
    }
  }

  const links = $("a[href]").filter((_, el) => {
    const href = ($(el).attr("href") ?? "").trim();
    return href !== "" && !href.startsWith("#") && !/^javascript:/i.test(href);
  }).length;
  const noscriptNotice = $("noscript")
    .toArray()
    .some((el) => NOSCRIPT_NOTICE.test($(el).text()));
  $("script, style, noscript, template, svg").remove();
  const textChars = $("body").text().replace(/\s+/g, " ").trim().length;
  if (noscriptNotice && textChars < 1000) {
    return { render: true, reason: "страница просит включить JavaScript (noscript) и почти без текста" };
  }
  if (links < SHELL_THRESHOLDS.minLinks) {
    return { render: true, reason: `мало ссылок (${links}) при ${scripts.length} скриптах` };
  }
  if (textChars < SHELL_THRESHOLDS.minTextChars) {
    return {
      render: true,
      reason: `мало видимого текста (${textChars} симв.) при ${scripts.length} скриптах`,
    };
  }
  return { render: false, reason: `достаточно ссылок (${links}) и текста (${textChars} симв.)` };
}

export interface RenderingFetcherOptions {
  http: Fetcher;
  browser: Fetcher | null;
  mode: RenderMode;
  /** Receives the one warning about a missing browser (default: stderr). */
  warn?: (message: string) => void;
}

/**
 * Static first, the browser only where it pays: in `auto` an HTML page is re-fetched with the browser
 * when `needsRendering` says so; in `always` every HTML page is. Non-HTML, errors and 304s stay static.
 * When rendering fails the static page is kept, with the reason in `renderDecision`.
 */
export function createRenderingFetcher(options: RenderingFetcherOptions): Fetcher {
  const { http, browser, mode } = options;
  const warn = options.warn ?? ((m: string) => console.warn(m));
  if (mode === "always" && !browser) {
    throw new Error(
      `Режим рендеринга «always» требует браузер, но Chromium не найден. ${CHROMIUM_INSTALL_HINT}`,
    );
  }
  let warned = false;
  const decoder = new TextDecoder("utf-8");

  const keepStatic = (page: FetchedPage, reason: string): FetchedPage => ({
    ...page,
    renderDecision: `static: ${reason}`,
  });

  return {
    name: browser && mode !== "never" ? "browser" : "http",

    async fetch(url: string, fetchOptions?: FetchOptions): Promise<FetchedPage> {
      const page = await http.fetch(url, fetchOptions);
      if (mode === "never") return keepStatic(page, "рендеринг отключён");
      if (page.notModified) return keepStatic(page, "не изменилась (304)");
      if (page.error || !page.body) return keepStatic(page, "статическая загрузка не удалась");
      if (page.contentKind !== "html") return keepStatic(page, `не HTML (${page.contentKind})`);

      let reason = "режим always";
      if (mode === "auto") {
        const verdict = needsRendering(decoder.decode(page.body));
        if (!verdict.render) return keepStatic(page, verdict.reason);
        reason = verdict.reason;
      }
      if (!browser) {
        if (!warned) {
          warned = true;
          warn(
            `Chromium не найден: страницы, которые строятся скриптами, проверяются без рендеринга (впервые: ${url}). ${CHROMIUM_INSTALL_HINT}`,
          );
        }
        return keepStatic(page, `нужен браузер (${reason}), но Chromium не найден`);
      }

      // Render the URL the static fetch ended on, so the browser does not walk the redirects again.
      const rendered = await browser.fetch(
        page.finalUrl,
        fetchOptions?.signal ? { signal: fetchOptions.signal } : {},
      );
      if (rendered.error || !rendered.body) {
        const why = rendered.error ? `${rendered.error.code}: ${rendered.error.message}` : "пустой ответ";
        return keepStatic(page, `рендеринг не удался (${why}); причина рендеринга: ${reason}`);
      }
      return {
        ...rendered,
        url,
        redirects: [...page.redirects, ...rendered.redirects],
        renderDecision: `rendered: ${reason}`,
      };
    },

    async close() {
      await Promise.all([http.close?.(), browser?.close?.()]);
    },
  };
}

import type { FetchedPage, Fetcher, FetchOptions, SiteCookies } from "../../types/crawl.ts";
import { markBotWall } from "../bot-wall.ts";
import { CHROMIUM_INSTALL_HINT } from "./find-chromium.ts";
import { needsRendering } from "./needs-rendering.ts";

export { needsRendering, type RenderVerdict, SHELL_THRESHOLDS } from "./needs-rendering.ts";

export type RenderMode = "never" | "auto" | "always";

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
  /** Sites (by their cookie jar) whose wall the browser already failed to pass: never tried twice. */
  const unpassed = new WeakSet<SiteCookies>();

  /**
   * A bot wall: one attempt through the browser, whose cookies (the challenge's clearance) go into the site's jar
   * and so into every static fetch that follows. A challenge that sets its cookie and reloads may need the
   * page loaded once more with that cookie; after that the page stays `bot-wall`.
   */
  async function passBotWall(
    page: FetchedPage,
    url: string,
    fetchOptions?: FetchOptions,
  ): Promise<FetchedPage> {
    const jar = fetchOptions?.cookies;
    if (!browser) return keepStatic(page, "защита от ботов, а браузер не найден");
    if (jar && unpassed.has(jar))
      return keepStatic(page, "защита от ботов; браузер её на этом сайте не прошёл");
    let rendered: FetchedPage | null = null;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (fetchOptions?.signal?.aborted) break;
      rendered = markBotWall(await browser.fetch(page.finalUrl, browserOptions(fetchOptions)));
      if (rendered.error?.code !== "bot-wall" || !jar) break;
    }
    if (!rendered || rendered.error || !rendered.body) {
      if (jar) unpassed.add(jar);
      const why = rendered?.error ? `${rendered.error.code}: ${rendered.error.message}` : "нет ответа";
      return keepStatic(page, `защита от ботов не пройдена в браузере (${why})`);
    }
    return {
      ...rendered,
      url,
      redirects: [...page.redirects, ...rendered.redirects],
      renderDecision: "rendered: защита от ботов пройдена в браузере",
    };
  }

  return {
    name: browser && mode !== "never" ? "browser" : "http",

    async fetch(url: string, fetchOptions?: FetchOptions): Promise<FetchedPage> {
      const page = await http.fetch(url, fetchOptions);
      if (mode === "never") return keepStatic(page, "рендеринг отключён");
      if (page.notModified) return keepStatic(page, "не изменилась (304)");
      if (page.error?.code === "bot-wall") return passBotWall(page, url, fetchOptions);
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
      const rendered = markBotWall(await browser.fetch(page.finalUrl, browserOptions(fetchOptions)));
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

/** What the browser gets of a fetch's options: the abort signal and the site's cookie jar. */
function browserOptions(fetchOptions?: FetchOptions): FetchOptions {
  return {
    ...(fetchOptions?.signal ? { signal: fetchOptions.signal } : {}),
    ...(fetchOptions?.cookies ? { cookies: fetchOptions.cookies } : {}),
  };
}

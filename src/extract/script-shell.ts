import type { CheerioAPI } from "cheerio";

/**
 * Does the static HTML look built by scripts (so the browser fetcher should render it)? An SPA mount point
 * with nothing in it, a «включите JavaScript» notice, or scripts with almost no text or links.
 */
export interface ShellFacts {
  textLength: number;
  linkCount: number;
}

const SPA_ROOTS =
  "#root, #app, #__next, #__nuxt, #___gatsby, #q-app, [data-reactroot], [ng-app], [ng-version], app-root, [data-server-rendered]";
const NOSCRIPT_CUE = /javascript|включите|включить|enable/i;

export function looksScriptBuilt($: CheerioAPI, facts: ShellFacts): boolean {
  const scripts = $("script").length;
  if (scripts === 0) return false;
  const emptyRoot = $(SPA_ROOTS)
    .toArray()
    .some((el) => $(el).text().trim().length < 50);
  if (emptyRoot && facts.textLength < 1000) return true;
  const noscript = $("noscript")
    .toArray()
    .some((el) => NOSCRIPT_CUE.test($(el).text()));
  if (noscript && facts.textLength < 1000) return true;
  return facts.textLength < 200 || (facts.linkCount < 3 && facts.textLength < 600);
}

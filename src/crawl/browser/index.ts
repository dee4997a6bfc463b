export { browserError } from "./browser-error.ts";
export { type BrowserFetcherOptions, CHROMIUM_ARGS, createBrowserFetcher } from "./browser-fetcher.ts";
export { CHROMIUM_INSTALL_HINT, type FindChromiumOptions, findChromium } from "./find-chromium.ts";
export { type LookupProxy, startLookupProxy } from "./lookup-proxy.ts";
export {
  createRenderingFetcher,
  needsRendering,
  type RenderingFetcherOptions,
  type RenderMode,
  SHELL_THRESHOLDS,
} from "./render-policy.ts";

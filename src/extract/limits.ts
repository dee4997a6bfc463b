/** Limits for one extraction; a page or document over a limit is cut and marked truncated, never fatal. */
export interface ExtractLimits {
  /** Visible text kept per page or document (characters). */
  maxTextChars: number;
  /**
   * Visible text kept per HTML page (characters), at most maxTextChars. Real pages carry well under 100,000;
   * a page past this is generated filler, and every character of it is indexed again by the rules.
   */
  maxPageTextChars: number;
  /** HTML parsed per page (characters); the rest is dropped before parsing. */
  maxHtmlChars: number;
  /** Pages read from a PDF. */
  maxPages: number;
  /** Document bytes accepted at all; a bigger document is not parsed. */
  maxBytes: number;
  /** Wall time for one document (ms). */
  timeMs: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxTextChars: 2_000_000,
  maxPageTextChars: 500_000,
  maxHtmlChars: 8_000_000,
  maxPages: 300,
  maxBytes: 30 * 1024 * 1024,
  timeMs: 20_000,
};

export function withDefaults(limits?: Partial<ExtractLimits>): ExtractLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

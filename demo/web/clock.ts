/** The demo's fixed reference dates: verdicts are asserted as of DEMO_AS_OF; no content is dated later. */
export const DEMO_AS_OF = "2026-11-01";
/** The newest date any generated page or document carries. */
export const DEMO_CONTENT_UNTIL = "2026-10-30";

/** Public entry of the demo web (see web.ts for the server, catalogue.ts for the hand-made sites). */
export { DEMO_AS_OF, DEMO_SPECS } from "./catalogue.ts";
export { DEMO_CONTENT_UNTIL } from "./clock.ts";
export { type ExpectedVerdicts, expectedFor } from "./expected.ts";
export { DEMO_REGIONS } from "./regions.ts";
export { AUTHORITY_RULE_IDS, type AuthorityRuleId } from "./rule-ids.ts";
export type { DemoSpec, ItemsSpec, RegionInfo, ShapeId, SiteSpec } from "./types.ts";
export { buildDemoSite, type DemoSite, type DemoWeb, type DemoWebOptions, startDemoWeb } from "./web.ts";

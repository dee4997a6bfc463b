/** Public entry of the demo web (see web.ts for the server, catalogue.ts for the hand-made sites). */

export { type ExpectedVerdicts, expectedFor } from "./harness/expected.ts";
export { DEMO_AS_OF, DEMO_SPECS } from "./web/catalogue.ts";
export { DEMO_CONTENT_UNTIL } from "./web/clock.ts";
export { DEMO_REGIONS } from "./web/regions.ts";
export { AUTHORITY_RULE_IDS, type AuthorityRuleId } from "./web/rule-ids.ts";
export type { DemoSpec, ItemsSpec, RegionInfo, ShapeId, SiteSpec } from "./web/types.ts";
export { buildDemoSite, type DemoSite, type DemoWeb, type DemoWebOptions, startDemoWeb } from "./web/web.ts";

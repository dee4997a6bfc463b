/** Public entry of the institution demo web. */
export { institutionAgencies } from "./agencies.ts";
export { INSTITUTION_SPECS } from "./catalogue.ts";
export type { ChannelId, InstitutionDemoSite, InstitutionSpec } from "./types.ts";
export { DEMO_AS_OF, type InstitutionWeb, type InstitutionWebOptions, startInstitutionWeb } from "./web.ts";

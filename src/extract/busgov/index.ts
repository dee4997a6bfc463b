/** bus.gov.ru answers read into our types: what is asked, the JSON schemas, the mapping, the plans export. */
export type { BusGovClient } from "./client.ts";
export { infoCardUrl, mapPlan, searchUrl } from "./endpoints.ts";
export { loadPlansExport, type PlansExport, withPlansExport } from "./plans-export.ts";
export { busgovQuestions, isRealBusGov, LIVE_PLANS_UNKNOWN } from "./questions.ts";
export { plansSchema } from "./schemas.ts";

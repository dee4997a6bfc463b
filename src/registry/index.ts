/** The registry stage: who is checked. */

export {
  type BusgovImportOptions,
  type BusgovImportSummary,
  type ImportIssue,
  importBusgov,
} from "./busgov/import-busgov.ts";
export * from "./fields.ts";
export { isValidInn, withInnChecksum } from "./inn.ts";
export { loadRegistry, type RegistryLoadResult } from "./load.ts";
export { createRegionLookup, type RegionLookup, regionKey } from "./region-lookup.ts";
export { DEFAULT_REGIONS_FILE, loadRegions, RegionsFileError } from "./regions.ts";
export * from "./schema.ts";
export { parseSiteUrl, siteUrlKey } from "./site-url.ts";
export {
  TEMPLATE_FIELDS,
  TEMPLATE_ROWS,
  templateCsv,
  templateWorkbook,
  templateYaml,
  writeTemplateXlsx,
} from "./template.ts";
export {
  type VerifyOptions,
  type VerifyResult,
  type VerifyRow,
  verifyRegistry,
} from "./verify/verify-registry.ts";

/** What the bus.gov.ru mock must know of the institution demo sites (same INN, id, name and site URL). */
import type { MockAgency } from "../busgov-mock/types.ts";
import { INSTITUTION_SPECS } from "./catalogue.ts";
import type { InstitutionDemoSite } from "./types.ts";

/** One MockAgency per served institution site, for `startBusGovMock(institutionAgencies(web.sites))`. */
export function institutionAgencies(sites: readonly InstitutionDemoSite[]): MockAgency[] {
  return sites.map((site) => {
    const spec = INSTITUTION_SPECS.find((s) => s.id === site.id);
    if (!spec) throw new Error(`unknown institution demo site ${site.id}`);
    return {
      id: site.busgovId,
      inn: site.inn,
      name: site.name,
      region: site.region,
      sphere: site.sphere,
      website: site.url,
      results: spec.agency.results,
      plans: spec.agency.plans,
      ...(spec.agency.quirk ? { quirk: spec.agency.quirk } : {}),
    };
  });
}

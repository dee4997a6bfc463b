/** Demo sites as pipeline targets. */
import type { SiteTarget } from "../src/pipeline/site.ts";
import type { ServedDemoSite } from "./serve-demo.ts";

export function targetOf(site: ServedDemoSite): SiteTarget {
  return { url: site.url, kind: "authority", sphere: site.sphere, region: site.region, name: site.name };
}

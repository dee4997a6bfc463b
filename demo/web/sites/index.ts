/** Shape registry: a SiteSpec's `shape` picks the function that lays its model out as a site. */
import type { SiteModel } from "../model.ts";
import type { ShapeId } from "../types.ts";
import { bitrixSite } from "./bitrix.ts";
import type { DocFiles, SiteBuild } from "./builder.ts";
import { councilSite } from "./council.ts";
import { goswebSite } from "./gosweb.ts";
import { legacySite } from "./legacy.ts";

export const SHAPES: Record<ShapeId, (model: SiteModel, files: DocFiles) => SiteBuild> = {
  bitrix: bitrixSite,
  gosweb: goswebSite,
  legacy: legacySite,
  council: councilSite,
};

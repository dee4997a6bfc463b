/** The hand-made institution sites, each built from a variety real institution sites show. */
import { cultureHouse } from "./sites/culture-house.ts";
import { kindergarten } from "./sites/kindergarten.ts";
import { library } from "./sites/library.ts";
import { polyclinic } from "./sites/polyclinic.ts";
import { school } from "./sites/school.ts";
import { socialCentre } from "./sites/social-centre.ts";
import type { InstitutionSpec } from "./types.ts";

export const INSTITUTION_SPECS: readonly InstitutionSpec[] = [
  school,
  polyclinic,
  socialCentre,
  cultureHouse,
  library,
  kindergarten,
];

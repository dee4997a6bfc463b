/** What every text generator of one site needs. */
import type { AuthorityNames } from "../authority.ts";
import type { Institution, Person } from "../names.ts";
import type { Rng } from "../random.ts";
import type { SiteSpec } from "../types.ts";
import type { NokVocab } from "./vocab.ts";

export interface TextCtx {
  spec: SiteSpec;
  names: AuthorityNames;
  vocab: NokVocab;
  rng: Rng;
  /** The authority's head, who signs orders. */
  head: Person;
  /** Institutions subject to NOK in this region and sphere. */
  orgs: Institution[];
  /** The NOK council's chair and secretary (also used in minutes). */
  chair: Person;
  secretary: Person;
}

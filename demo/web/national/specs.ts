/**
 * The national demo web: one authority site per region × sphere (89 × 4 by default), the hand-made catalogue's
 * sites kept in their places, the rest stamped out with a seeded spread of gaps whose per-sphere shares follow
 * Минтруд's 2015 analysis (targets.ts), a few sites unreachable and a few slow.
 */
import type { Sphere } from "../../../src/types/index.ts";
import { DEMO_SPECS } from "../catalogue.ts";
import { createRng, hashSeed, type Rng } from "../random.ts";
import type { ItemsSpec, RegionInfo, ShapeId, SiteSpec } from "../types.ts";
import { authorityTitle } from "./authority-names.ts";
import { type Profile, profileItems, profileWording } from "./profiles.ts";
import { nationalRegions, regionSlug } from "./regions.ts";
import { sphereTargets, targetCount } from "./targets.ts";

export const NATIONAL_SPHERES: readonly Sphere[] = ["social", "health", "culture", "education"];
export const DEFAULT_NATIONAL_SEED = 2026;
/** Extra latency of the slow stamped-out sites (the hand-made slow site keeps its own). */
export const SLOW_LATENCY_MS = 800;
/** Stamped-out sites that refuse connections and that answer slowly (the hand-made ones come on top). */
const UNREACHABLE_COUNT = 3;
const SLOW_COUNT = 3;
/** Compact sites carry at most this many documents, so the whole national run stays within minutes. */
export const COMPACT_MAX_DOCUMENTS = 6;

export interface NationalSpecsOptions {
  seed?: number;
  spheres?: readonly Sphere[];
  /** Few documents per site (≤ COMPACT_MAX_DOCUMENTS): one year of lists/results, one set of minutes. */
  compact?: boolean;
}

/** A stamped-out or hand-made national site spec, with the profile it was drawn from. */
export interface NationalSpec extends SiteSpec {
  /** `hand-made` for the catalogue's sites. */
  profile: Profile | "hand-made";
}

/** Gaps the 2015 analysis names: council regulations without NOK powers (Калмыкия: соц. обслуживание, спорт). */
const NAMED_GENERIC: Partial<Record<Sphere, string[]>> = { social: ["08"], sport: ["08"] };
/** Regions the analysis found not naming their operator (Магаданская, Архангельская, Костромская, Карелия, Удмуртия, Кировская). */
const OPERATOR_NOT_NAMED = ["49", "29", "44", "10", "18", "43"];

const SHAPE_ORDER: readonly ShapeId[] = ["bitrix", "gosweb", "council", "legacy"];

const key = (code: string, sphere: Sphere): string => `${code}/${sphere}`;

function isBranch(items: ItemsSpec): boolean {
  return items.section === "branch";
}
function isNokoOnly(items: ItemsSpec): boolean {
  return items.noko && items.section === "none";
}

/** Profiles for the free (not hand-made) regions of one sphere, with the target counts met exactly. */
function allocate(sphere: Sphere, regions: RegionInfo[], fixed: SiteSpec[], rng: Rng): Map<string, Profile> {
  const total = regions.length;
  const t = sphereTargets(sphere);
  const fixedCodes = new Set(fixed.map((s) => s.region.code));
  const remaining = (share: number, have: (it: ItemsSpec) => boolean): number =>
    Math.max(0, targetCount(share, total) - fixed.filter((s) => have(s.items)).length);
  let sections = remaining(t.section, isBranch);
  let generic = remaining(t.genericCouncil, (it) => it.council.kind === "generic");
  const noko = remaining(t.nokoOnly, isNokoOnly);

  const out = new Map<string, Profile>();
  for (const code of NAMED_GENERIC[sphere] ?? []) {
    if (fixedCodes.has(code) || !regions.some((r) => r.code === code) || generic === 0) continue;
    out.set(code, "generic");
    generic--;
  }
  const order = rng.shuffle(regions.map((r) => r.code).filter((c) => !fixedCodes.has(c) && !out.has(c)));
  const take = (n: number, profile: Profile): void => {
    for (const code of order.splice(0, Math.max(0, n))) out.set(code, profile);
  };
  // A third of the councils without NOK powers sit behind a dedicated section (the section alone is not enough).
  const genericBranch = Math.min(sections, Math.floor(generic / 3));
  take(genericBranch, "branch-generic");
  sections -= genericBranch;
  take(generic - genericBranch, "generic");
  take(noko, "noko-only");
  const legacy = Math.min(sections, sections >= 20 ? 2 : 1);
  const stale = Math.round((sections - legacy) * 0.2);
  const partial = Math.round((sections - legacy) * 0.4);
  take(legacy, "legacy");
  take(stale, "stale");
  take(partial, "partial");
  take(sections - legacy - stale - partial, "model");
  // Without a section: NOK material inside the council's pages, or nothing.
  take(Math.round(order.length * 0.45), "council-only");
  take(order.length, "absent");
  return out;
}

/**
 * Documents a site's model will hold (as modelDocuments counts them; the test checks the two agree): counted
 * here from the items because building 356 models several times over would slow every start.
 */
export function documentCount(it: ItemsSpec): number {
  const c = it.council;
  const own = c.kind !== "none";
  return (
    it.orgLists.length +
    (it.operator.form === "none" ? 0 : 1) +
    it.results.years.length +
    // Proposals folded into the results are no document of their own (model.ts).
    (it.proposals.inResults ? 0 : it.proposals.years.length) +
    it.plans.years.length +
    (own && c.regulation !== "none" ? 1 : 0) +
    (own && c.composition === "scan" ? 1 : 0) +
    (own && c.workPlan ? 1 : 0) +
    (own ? c.minutes.length : 0) +
    (it.noko ? 4 : 0)
  );
}

/** Drops the least telling documents until a compact site carries at most `max`. */
function fitDocuments(spec: SiteSpec, max: number): SiteSpec {
  const count = (s: SiteSpec): number => documentCount(s.items);
  const newest = (xs: number[]): number[] => (xs.length ? [Math.max(...xs)] : []);
  const steps: ((it: ItemsSpec) => ItemsSpec)[] = [
    (it) => ({ ...it, council: { ...it.council, workPlan: false } }),
    (it) => ({ ...it, council: { ...it.council, minutes: [...it.council.minutes].sort().slice(-1) } }),
    (it) => ({ ...it, orgLists: newest(it.orgLists) }),
    (it) => ({ ...it, results: { ...it.results, years: newest(it.results.years) } }),
    (it) =>
      it.proposals.presence === "text" && it.proposals.years.every((y) => it.results.years.includes(y))
        ? { ...it, proposals: { ...it.proposals, inResults: true } }
        : it,
    (it) => ({ ...it, operator: { ...it.operator, form: "none" } }),
  ];
  let out = spec;
  for (const step of steps) {
    if (count(out) <= max) break;
    out = { ...out, items: step(out.items) };
  }
  return out;
}

function shapeFor(profile: Profile, items: ItemsSpec, rotation: number): ShapeId {
  if (profile === "legacy") return "legacy";
  const shape = SHAPE_ORDER[rotation % SHAPE_ORDER.length]!;
  // Only the Bitrix and Госвеб shapes lay out НОКО pages.
  if (items.noko && (shape === "legacy" || shape === "council"))
    return shape === "legacy" ? "bitrix" : "gosweb";
  return shape;
}

/**
 * One authority site spec per region × sphere, deterministic for a seed. The hand-made catalogue's sites keep
 * their ids and specs; all others get ids `<region slug>-<sphere>` (e.g. `tatarstan-health`).
 */
export function nationalSpecs(options: NationalSpecsOptions = {}): NationalSpec[] {
  const seed = options.seed ?? DEFAULT_NATIONAL_SEED;
  const spheres = options.spheres ?? NATIONAL_SPHERES;
  const compact = options.compact ?? true;
  const regions = nationalRegions();
  const handMade = new Map(DEMO_SPECS.map((s) => [key(s.region.code, s.sphere), s]));

  const specs: NationalSpec[] = [];
  for (const [si, sphere] of spheres.entries()) {
    const fixed = DEMO_SPECS.filter((s) => s.sphere === sphere);
    const profiles = allocate(sphere, regions, fixed, createRng(hashSeed(`${seed}/allocate/${sphere}`)));
    for (const [ri, region] of regions.entries()) {
      const own = handMade.get(key(region.code, sphere));
      if (own) {
        const { story: _story, ...spec } = own;
        specs.push({ ...spec, profile: "hand-made" });
        continue;
      }
      const profile = profiles.get(region.code);
      if (!profile) throw new Error(`no profile for ${region.code}/${sphere}`);
      const rng = createRng(hashSeed(`${seed}/${region.code}/${sphere}`));
      let items = profileItems(profile, sphere, rng, compact);
      if (sphere === "social" && OPERATOR_NOT_NAMED.includes(region.code))
        items = { ...items, operator: { ...items.operator, form: "none" } };
      const shape = shapeFor(profile, items, ri + si);
      // The legacy shape's switch is a relative «?blind=1» link: on «news.php?id=N» it leads to another page,
      // so a fake switch there looks real to any checker. Legacy sites get a real switch or none.
      if (shape === "legacy" && items.accessible === "fake") items = { ...items, accessible: "none" };
      let spec: SiteSpec = {
        id: `${regionSlug(region.code)}-${sphere}`,
        shape,
        sphere,
        region,
        authorityName: authorityTitle(region, sphere, rng),
        wording: profileWording(profile, rng),
        reachable: true,
        items,
        seed: hashSeed(`${seed}/site/${region.code}/${sphere}`),
      };
      if (spec.authorityName === undefined) delete spec.authorityName;
      if (compact) spec = fitDocuments(spec, COMPACT_MAX_DOCUMENTS);
      specs.push({ ...spec, profile });
    }
  }
  markNetwork(specs, seed);
  return specs;
}

/** A few stamped-out sites refuse connections and a few answer slowly (their items still count in the shares). */
function markNetwork(specs: NationalSpec[], seed: number): void {
  const rng = createRng(hashSeed(`${seed}/network`));
  const pool = rng.shuffle(specs.filter((s) => s.profile !== "hand-made"));
  for (const s of pool.slice(0, UNREACHABLE_COUNT)) s.reachable = false;
  for (const s of pool.slice(UNREACHABLE_COUNT, UNREACHABLE_COUNT + SLOW_COUNT))
    s.latencyMs = SLOW_LATENCY_MS;
}

/**
 * What a stamped-out authority site publishes, by profile: the kinds of site Минтруд's analysis describes
 * (a full NOK section, a section with gaps, one left stale, a 2014-era section, NOK material only inside council
 * pages, a council without NOK powers, НОКО instead of НОК, nothing at all). Dates are drawn around DEMO_AS_OF
 * so each profile's verdicts (demo/harness/expected.ts) are what the profile means: fresh → pass, stale → warn.
 */
import type { Sphere } from "../../../src/types/index.ts";
import { DEMO_AS_OF } from "../clock.ts";
import type { Rng } from "../random.ts";
import type { ItemsSpec, Presence, Wording } from "../types.ts";

export const PROFILES = [
  "model",
  "partial",
  "stale",
  "legacy",
  "branch-generic",
  "council-only",
  "generic",
  "noko-only",
  "absent",
] as const;
export type Profile = (typeof PROFILES)[number];

const YEAR = Number(DEMO_AS_OF.slice(0, 4));

export const NOTHING: ItemsSpec = {
  section: "none",
  legalActs: "none",
  council: { kind: "none", regulation: "none", composition: "none", minutes: [], workPlan: false },
  orgLists: [],
  operator: { form: "none", year: YEAR },
  results: { years: [], format: "pdf" },
  proposals: { years: [], presence: "text" },
  plans: { years: [], presence: "text", form: "plans" },
  ratingLink: "none",
  accessible: "none",
  noko: false,
  nokInNews: false,
};

const pad = (n: number): string => String(n).padStart(2, "0");
const date = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

/** Minutes dates, newest within 12 months of DEMO_AS_OF (fresh) or all before that (stale). */
function minutes(rng: Rng, count: number, fresh: boolean): string[] {
  const out = new Set<string>();
  // Fresh: the newest meeting falls in Jan–Oct of the as-of year; stale: in the two years before the cutoff.
  const newest = fresh
    ? date(YEAR, rng.int(1, 10), rng.int(10, 28))
    : date(YEAR - rng.int(1, 2), rng.int(2, 9), rng.int(10, 28));
  out.add(newest);
  const [ny, nm] = newest.split("-").map(Number) as [number, number];
  for (let i = 1; out.size < count && i < 8; i++) {
    const back = ny * 12 + (nm - 1) - i * rng.int(3, 5);
    out.add(date(Math.floor(back / 12), (back % 12) + 1, rng.int(10, 28)));
  }
  return [...out].sort();
}

function ratingLink(rng: Rng, sphere: Sphere, allowNone: boolean): ItemsSpec["ratingLink"] {
  const r = rng.next();
  if (allowNone && r < 0.12) return "none";
  return sphere === "health" && r < 0.45 ? "anketa" : "busgov";
}

function resultsFormat(rng: Rng): ItemsSpec["results"]["format"] {
  return rng.pick(["xlsx", "xlsx", "pdf", "xls"] as const);
}

/** A fully published cycle for `year`'s results (lists for the as-of year), before gaps are cut. */
function fullCycle(rng: Rng, sphere: Sphere, compact: boolean): ItemsSpec {
  const resultYear = YEAR - 1;
  return {
    section: "branch",
    legalActs: "current",
    council: {
      kind: "nok",
      regulation: "text",
      composition: "text",
      minutes: minutes(rng, compact ? 1 : rng.int(2, 4), true),
      workPlan: !compact && rng.chance(0.5),
    },
    orgLists: compact ? [YEAR] : [YEAR - 1, YEAR],
    operator: { form: rng.chance(0.7) ? "contract" : "report", year: rng.chance(0.6) ? YEAR : YEAR - 1 },
    results: { years: compact ? [resultYear] : [resultYear - 1, resultYear], format: resultsFormat(rng) },
    proposals: { years: [resultYear], presence: "text", inResults: compact || rng.chance(0.3) },
    plans: { years: [resultYear], presence: "text", form: rng.chance(0.7) ? "plans" : "measures" },
    ratingLink: ratingLink(rng, sphere, false),
    accessible: "real",
    noko: false,
    nokInNews: rng.chance(0.3),
  };
}

/**
 * Two or three of the gaps regional sites commonly show: items missing, or one item only as a scan. A scan is
 * never combined with a missing document: the checker rightly leaves an item it cannot find `unknown` while
 * unreadable scans sit in the NOK material (the item may be inside), which expected.ts does not model.
 */
function cutGaps(rng: Rng, items: ItemsSpec, sphere: Sphere, compact: boolean): ItemsSpec {
  type Gap = (it: ItemsSpec) => ItemsSpec;
  const missing: Gap[] = [
    (it) => ({ ...it, operator: { ...it.operator, form: "none" } }),
    (it) => ({ ...it, proposals: { years: [], presence: "text" } }),
    (it) => ({ ...it, plans: { ...it.plans, years: [] } }),
    (it) => ({ ...it, council: { ...it.council, composition: "none" as Presence } }),
    (it) => ({ ...it, council: { ...it.council, minutes: [], workPlan: false } }),
    // No «legal acts» gap here: the regulation, contract and reports cite 392-ФЗ and 344н, and whether those
    // citations publish the legal basis is a question expected.ts does not model (it says fail, the checker pass).
  ];
  const scanned: Gap[] = [
    (it) => ({ ...it, plans: { ...it.plans, presence: "scan" as Presence } }),
    (it) => ({ ...it, council: { ...it.council, regulation: "scan" as Presence } }),
    // A scanned composition is a document of its own (text compositions are pages): too many for a compact site.
    ...(compact
      ? []
      : [(it: ItemsSpec) => ({ ...it, council: { ...it.council, composition: "scan" as Presence } })]),
  ];
  const siteWide: Gap[] = [
    (it) => ({ ...it, ratingLink: "none" }),
    (it) => ({ ...it, accessible: rng.chance(0.4) ? "fake" : "none" }),
  ];
  const chosen = rng.chance(0.3)
    ? [rng.pick(scanned), ...rng.shuffle(siteWide).slice(0, rng.int(0, 1))]
    : rng.shuffle([...missing, ...siteWide]).slice(0, rng.int(2, 3));
  let out = items;
  for (const gap of chosen) out = gap(out);
  return { ...out, ratingLink: out.ratingLink === "none" ? "none" : ratingLink(rng, sphere, false) };
}

/** Lists, results or minutes left behind: each of them at least a year old (two or three of the three). */
function makeStale(rng: Rng, items: ItemsSpec, compact: boolean): ItemsSpec {
  const which = rng.shuffle(["lists", "results", "minutes"] as const).slice(0, rng.int(2, 3));
  let out = items;
  for (const w of which) {
    if (w === "lists") {
      const last = YEAR - rng.int(1, 2);
      out = { ...out, orgLists: compact ? [last] : [last - 1, last] };
    } else if (w === "results") {
      const last = YEAR - rng.int(2, 3);
      out = {
        ...out,
        results: { ...out.results, years: compact ? [last] : [last - 1, last] },
        proposals: { ...out.proposals, years: out.proposals.years.length ? [last] : [] },
        plans: { ...out.plans, years: out.plans.years.length ? [last] : [] },
        operator: { ...out.operator, year: last },
      };
    } else {
      out = { ...out, council: { ...out.council, minutes: minutes(rng, compact ? 1 : 2, false) } };
    }
  }
  return out;
}

/** The items a site of `profile` publishes. */
export function profileItems(profile: Profile, sphere: Sphere, rng: Rng, compact: boolean): ItemsSpec {
  const full = fullCycle(rng, sphere, compact);
  switch (profile) {
    case "model":
      // Non-compact education ministries sometimes run НОКО next to НОК (a decoy the checker must skip).
      return { ...full, noko: !compact && sphere === "education" && rng.chance(0.3) };
    case "partial":
      return cutGaps(rng, full, sphere, compact);
    case "stale":
      return makeStale(rng, rng.chance(0.4) ? cutGaps(rng, full, sphere, compact) : full, compact);
    case "legacy": {
      // A 2014-era «независимая система оценки качества» section untouched since 2016.
      const last = 2016;
      return {
        ...NOTHING,
        section: "branch",
        legalActs: "legacy",
        council: {
          kind: "nok",
          regulation: "text",
          composition: "text",
          minutes: compact ? [date(last, 11, rng.int(10, 28))] : [date(last - 1, 12, 8), date(last, 11, 24)],
          workPlan: false,
        },
        orgLists: compact ? [last] : [last - 1, last],
        results: { years: compact ? [last] : [last - 1, last], format: "xls" },
        ratingLink: rng.chance(0.5) ? "busgov" : "none",
      };
    }
    case "branch-generic": {
      // The section is there, but the council's regulation never received the NOK powers.
      const base = rng.chance(0.5) ? cutGaps(rng, full, sphere, compact) : full;
      return {
        ...base,
        council: {
          ...base.council,
          kind: "generic",
          regulation: "text",
          minutes: minutes(rng, 1, rng.chance(0.6)),
        },
      };
    }
    case "council-only": {
      // NOK material published only in the public council's pages (no dedicated section).
      const base = rng.chance(0.5) ? cutGaps(rng, full, sphere, compact) : full;
      return {
        ...base,
        section: "none",
        council: { ...base.council, kind: "nok", regulation: "text" },
        nokInNews: rng.chance(0.4),
      };
    }
    case "generic":
      return {
        ...NOTHING,
        council: {
          kind: "generic",
          regulation: "text",
          composition: rng.chance(0.8) ? "text" : "none",
          minutes: rng.chance(0.5) ? minutes(rng, 1, rng.chance(0.5)) : [],
          workPlan: false,
        },
        ratingLink: rng.chance(0.5) ? "busgov" : "none",
        accessible: rng.chance(0.8) ? "real" : "none",
        nokInNews: rng.chance(0.4),
      };
    case "noko-only":
      return {
        ...NOTHING,
        ratingLink: rng.chance(0.5) ? "busgov" : "none",
        accessible: rng.chance(0.8) ? "real" : "fake",
        noko: true,
        nokInNews: rng.chance(0.3),
      };
    case "absent":
      return {
        ...NOTHING,
        council: rng.chance(0.3)
          ? {
              kind: "foreign",
              regulation: "text",
              composition: "text",
              minutes: minutes(rng, 1, true),
              workPlan: false,
            }
          : NOTHING.council,
        ratingLink: rng.chance(0.3) ? "busgov" : "none",
        accessible: rng.chance(0.7) ? "real" : rng.chance(0.5) ? "fake" : "none",
        nokInNews: rng.chance(0.3),
      };
  }
}

/** How the site names the regime: mostly the law's full wording, some abbreviations. */
export function profileWording(profile: Profile, rng: Rng): Wording {
  if (profile === "legacy") return "legacy2014";
  const r = rng.next();
  return r < 0.6 ? "full" : r < 0.85 ? "nok" : "noku";
}

/**
 * The verdicts a correct checker must give for a site spec, derived from what the spec publishes.
 * Deriving (rather than hand-typing) keeps hand-made and future stamped-out sites consistent;
 * test/demo/expected.test.ts pins the hand-made matrix so a change here is deliberate.
 */
import type { Status } from "../../src/types/index.ts";
import { AUTHORITY_RULE_IDS, type AuthorityRuleId } from "../web/rule-ids.ts";
import type { Expectation, Presence, SiteSpec } from "../web/types.ts";

export type ExpectedVerdicts = Record<AuthorityRuleId, Expectation>;

const e = (status: Status, reason: string): Expectation => ({ status, reason });

/** The date twelve months before `asOf` (YYYY-MM-DD); minutes on or after it are fresh. */
export function monthsBefore(asOf: string, months: number): string {
  const [y, m, d] = asOf.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  return `${yy}-${String(mm).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const maxOf = (xs: number[]): number | null => (xs.length ? Math.max(...xs) : null);

function scanOr(presence: Presence, what: string, present: Expectation, absent: Expectation): Expectation {
  if (presence === "scan") return e("unknown", `${what} exists only as a scanned PDF without a text layer`);
  return presence === "text" ? present : absent;
}

export function expectedFor(spec: SiteSpec, asOf: string): ExpectedVerdicts {
  if (!spec.reachable) {
    const down = e("unknown", "the site refuses connections, so nothing can be decided");
    return Object.fromEntries(AUTHORITY_RULE_IDS.map((id) => [id, down])) as ExpectedVerdicts;
  }
  const it = spec.items;
  const asOfYear = Number(asOf.slice(0, 4));
  const c = it.council;
  const ownCouncil = c.kind === "nok" || c.kind === "generic";
  const notOwn =
    c.kind === "foreign"
      ? "only the council of an unrelated body (roads) is published; it is not the NOK council"
      : "no public council material is published";

  // Without a dedicated section, NOK material scattered over general documents is no section (fail);
  // the council's page stands in (design §5 warn) only when it holds NOK material beyond its own
  // papers — the «council» shape; the engines' council pages hold only the council's papers.
  const scattered =
    it.legalActs !== "none" ||
    it.orgLists.length + it.results.years.length + it.proposals.years.length + it.plans.years.length > 0 ||
    it.operator.form !== "none";
  const section =
    it.section === "branch"
      ? e("pass", "a dedicated NOK menu branch/page exists")
      : c.kind === "nok" && spec.shape === "council"
        ? e("warn", "no dedicated NOK section: the NOK material sits inside the public council's pages")
        : c.kind === "nok"
          ? // The engines' council pages list only the council's own papers (regulation, composition,
            // minutes, work plan); the NOK material sits among general documents: no section on real sites.
            e("fail", "no dedicated NOK section: the council's page holds only its own papers")
          : scattered
            ? e("fail", "no dedicated NOK section: NOK documents are scattered over general pages")
            : it.noko
              ? e("fail", "only an НОКО (quality of education) section exists; it is a different regime")
              : e("fail", "no NOK material at all (a news item in passing is not a section)");

  const legal =
    it.legalActs === "current"
      ? e("pass", "the federal and regional acts on NOK are listed (392-ФЗ, the sector article, 344н/675н)")
      : it.legalActs === "legacy"
        ? e(
            "pass",
            "the legacy section lists 256-ФЗ, ПП 286 and the sector order: still the legal basis of NOK",
          )
        : e(
            "fail",
            it.noko ? "only НОКО acts (273-ФЗ ст. 95) are listed" : "no legal acts on NOK are published",
          );

  const regulation = !ownCouncil
    ? e("fail", notOwn)
    : scanOr(
        c.regulation,
        "the council regulation",
        e(
          "pass",
          c.kind === "nok"
            ? "the council regulation is published"
            : "the ministry's public council regulation is published (generic, without NOK wording)",
        ),
        e("fail", "the council regulation is not published"),
      );

  const powers = !ownCouncil
    ? e("fail", `${notOwn}; no act gives a council NOK powers`)
    : scanOr(
        c.regulation,
        "the council regulation",
        c.kind === "nok"
          ? e("pass", "the regulation has a section on conducting NOK (lists, operator, results, proposals)")
          : e("fail", "the regulation is found but says nothing of independent quality assessment"),
        e("fail", "no regulation is published, so nothing shows the council holds NOK powers"),
      );

  const composition = !ownCouncil
    ? e("fail", notOwn)
    : scanOr(
        c.composition,
        "the council composition",
        e("pass", "the council composition (names and organisations) is published"),
        e("fail", "the council composition is not published"),
      );

  let minutes: Expectation;
  if (!ownCouncil) minutes = e("fail", c.kind === "foreign" ? `${notOwn}; its minutes do not count` : notOwn);
  else if (c.minutes.length === 0)
    minutes = e("fail", "no minutes or decisions of council meetings are published");
  else {
    const newest = [...c.minutes].sort().at(-1)!;
    const cutoff = monthsBefore(asOf, 12);
    minutes =
      newest >= cutoff
        ? e("pass", `the newest minutes are dated ${newest}, within 12 months of ${asOf}`)
        : e("warn", `the newest minutes are dated ${newest}, older than 12 months at ${asOf}`);
  }

  const listYear = maxOf(it.orgLists);
  const nokoDecoy = it.noko ? " (the НОКО participant list does not count)" : "";
  const orgList =
    listYear === null
      ? e("fail", `no list of organisations subject to NOK is published${nokoDecoy}`)
      : listYear >= asOfYear
        ? e("pass", `a list of organisations for ${listYear} is published${nokoDecoy}`)
        : e("warn", `the newest list of organisations is for ${listYear}, before ${asOfYear}${nokoDecoy}`);

  const operator =
    it.operator.form === "contract"
      ? e("pass", `the state contract with the operator (${it.operator.year}) is published`)
      : it.operator.form === "report"
        ? e("pass", `the operator's analytical report (${it.operator.year}) names the operator organisation`)
        : e(
            "fail",
            it.noko
              ? "no NOK operator is named (the НОКО operator does not count)"
              : "no operator organisation, contract or report is published",
          );

  const resYear = maxOf(it.results.years);
  const results =
    resYear === null
      ? e("fail", `no NOK results are published${it.noko ? " (НОКО results do not count)" : ""}`)
      : resYear >= asOfYear - 1
        ? e("pass", `NOK results for ${resYear} (${it.results.format}) are published`)
        : e(
            "warn",
            `the newest NOK results are for ${resYear}, older than ${asOfYear - 1}${it.noko ? " (newer НОКО results do not count)" : ""}`,
          );

  const proposals =
    it.proposals.years.length === 0
      ? e("fail", "no council proposals for improving quality are published")
      : scanOr(
          it.proposals.presence,
          "the proposals",
          e(
            "pass",
            it.proposals.inResults
              ? "proposals for improvement are a section inside the results document"
              : "the council's proposals for improving quality are published",
          ),
          e("fail", "no proposals are published"),
        );

  const plans =
    it.plans.years.length === 0
      ? e("fail", "no improvement plans or information on measures taken are published")
      : scanOr(
          it.plans.presence,
          "the improvement plans",
          e(
            "pass",
            it.plans.form === "plans"
              ? "institutions' plans to eliminate the shortcomings are published"
              : "information on the measures taken on the results is published",
          ),
          e("fail", "no plans are published"),
        );

  const rating =
    it.ratingLink === "busgov"
      ? e("pass", "a link to bus.gov.ru independent rating lets citizens rate institutions")
      : it.ratingLink === "anketa"
        ? e("pass", "links to the Минздрав survey portal anketa.rosminzdrav.ru are published")
        : e("fail", "no link to bus.gov.ru or a survey portal");

  const accessible =
    it.accessible === "real"
      ? e("pass", "the «Версия для слабовидящих» switch renders a different stylesheet and body class")
      : it.accessible === "fake"
        ? e("fail", "the «Версия для слабовидящих» link returns the identical page: there is no such version")
        : e("fail", "no version for the visually impaired");

  return {
    "authority/nok-section": section,
    "authority/legal-acts": legal,
    "authority/council-regulation": regulation,
    "authority/council-nok-powers": powers,
    "authority/council-composition": composition,
    "authority/council-minutes": minutes,
    "authority/org-list": orgList,
    "authority/operator": operator,
    "authority/results": results,
    "authority/proposals": proposals,
    "authority/improvement-plans": plans,
    "authority/rating-link": rating,
    "authority/accessible-version": accessible,
  };
}

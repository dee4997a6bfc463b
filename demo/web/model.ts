/**
 * The shape-independent content of one authority site, built from its SiteSpec: which documents exist,
 * what they say, when they were dated. Shapes (demo/web/sites/) decide URLs, menus and markup.
 */
import { type AuthorityNames, authorityNames } from "./authority.ts";
import { DEMO_CONTENT_UNTIL } from "./clock.ts";
import type { DocBody, DocFormat } from "./docs/body.ts";
import { type Institution, institutions, people } from "./names.ts";
import { createRng, hashSeed } from "./random.ts";
import type { AuthorityRuleId } from "./rule-ids.ts";
import type { TextCtx } from "./texts/context.ts";
import {
  compositionApproval,
  compositionBody,
  councilMembers,
  type Member,
  minutesBody,
  workPlanBody,
} from "./texts/council-docs.ts";
import {
  contractBody,
  contractNumber,
  operatorName,
  operatorReportBody,
  orgListBody,
  plansBody,
  proposalsBody,
  resultRows,
  resultsBody,
} from "./texts/cycle.ts";
import { minDate, ruDate } from "./texts/dates.ts";
import { aboutParagraphs, type Contacts, contacts, type GeneralDoc, generalDocs } from "./texts/general.ts";
import { currentActs, type LegalAct, legacyActs, nokoActs } from "./texts/legal.ts";
import { type NewsItem, newsFeed } from "./texts/news.ts";
import {
  NOKO_TITLE,
  nokoIntro,
  nokoListBody,
  nokoRecommendationsBody,
  nokoResultsBody,
} from "./texts/noko.ts";
import { councilName, regulationBody } from "./texts/regulation.ts";
import { type NokVocab, nokVocab } from "./texts/vocab.ts";
import type { CouncilKind, ShapeId, SiteSpec } from "./types.ts";

export interface DocItem {
  /** Stable within the site; shapes derive file names and ids from it. */
  key: string;
  /** The document's own title. */
  title: string;
  /** What a listing shows; for scans and some cards an opaque act reference. */
  linkText: string;
  date: string;
  year?: number;
  format: DocFormat;
  body: DocBody;
  /** Rules this document is evidence for. */
  rules: AuthorityRuleId[];
  /** Rules it resembles evidence for but must not count toward (НОКО, another body's council). */
  decoyFor: AuthorityRuleId[];
  /** Transliterated base name for shapes that keep meaningful file names. */
  fileName: string;
}

export interface Link {
  href: string;
  text: string;
}

export interface CouncilModel {
  kind: Exclude<CouncilKind, "none">;
  name: string;
  intro: string[];
  regulation: DocItem | null;
  /** Members when the composition is published as text; `doc` when it is only a scan. */
  composition: { members: Member[]; approval: string; doc: DocItem | null } | null;
  minutes: DocItem[];
  workPlan: DocItem | null;
}

export interface YearDocs {
  year: number;
  docs: DocItem[];
}

export interface SiteModel {
  spec: SiteSpec;
  names: AuthorityNames;
  vocab: NokVocab;
  head: TextCtx["head"];
  /** Institutions subordinate to the authority (the ones NOK assesses). */
  institutions: Institution[];
  contacts: Contacts;
  about: string[];
  /** NOK section intro paragraphs (used when the spec has a section). */
  nokIntro: string[];
  legalActs: LegalAct[];
  /** Cycle documents grouped by NOK year, newest first. */
  years: YearDocs[];
  ratingLinks: Link[];
  /** Link to the operator's purchase on zakupki.gov.ru, when the contract is published. */
  zakupkiLink: Link | null;
  council: CouncilModel | null;
  noko: { title: string; intro: string[]; acts: LegalAct[]; docs: DocItem[] } | null;
  news: NewsItem[];
  generalDocs: GeneralDoc[];
}

type Topic =
  | "regulation"
  | "composition"
  | "minutes"
  | "workPlan"
  | "orgList"
  | "contract"
  | "report"
  | "results"
  | "proposals"
  | "plans"
  | "noko";

/** Document formats each CMS family tends to carry (results format comes from the spec). */
const FORMATS: Record<ShapeId, Record<Exclude<Topic, "results">, DocFormat>> = {
  bitrix: {
    regulation: "pdf",
    composition: "pdf",
    minutes: "pdf",
    workPlan: "docx",
    orgList: "docx",
    contract: "pdf",
    report: "pdf",
    proposals: "docx",
    plans: "pdf",
    noko: "pdf",
  },
  gosweb: {
    regulation: "pdf",
    composition: "pdf",
    minutes: "pdf",
    workPlan: "pdf",
    orgList: "docx",
    contract: "docx",
    report: "pdf",
    proposals: "pdf",
    plans: "pdf",
    noko: "xlsx",
  },
  legacy: {
    regulation: "doc",
    composition: "doc",
    minutes: "pdf",
    workPlan: "doc",
    orgList: "doc",
    contract: "doc",
    report: "pdf",
    proposals: "doc",
    plans: "doc",
    noko: "pdf",
  },
  council: {
    regulation: "pdf",
    composition: "pdf",
    minutes: "pdf",
    workPlan: "docx",
    orgList: "xlsx",
    contract: "pdf",
    report: "pdf",
    proposals: "pdf",
    plans: "docx",
    noko: "pdf",
  },
};

const clamp = (iso: string): string => minDate(iso, DEMO_CONTENT_UNTIL);

export function buildSiteModel(spec: SiteSpec): SiteModel {
  const rng = createRng(spec.seed);
  const names = authorityNames(spec);
  const vocab = nokVocab(spec.sphere, spec.wording);
  const [head, chair, secretary] = people(rng, 3, spec.region) as [
    TextCtx["head"],
    TextCtx["head"],
    TextCtx["head"],
  ];
  const ctx: TextCtx = {
    spec,
    names,
    vocab,
    rng,
    head,
    chair,
    secretary,
    orgs: institutions(rng, spec.sphere, spec.region, rng.int(12, 16)),
  };
  const it = spec.items;
  const legacy = spec.wording === "legacy2014";
  const fmt = (topic: Exclude<Topic, "results">): DocFormat => FORMATS[spec.shape][topic];
  const opaque = (date: string): string => `Приказ от ${ruDate(date)} № ${rng.int(20, 400)}-о`;

  const doc = (
    d: Omit<DocItem, "linkText" | "decoyFor"> & { linkText?: string; decoyFor?: AuthorityRuleId[] },
  ): DocItem => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) throw new Error(`bad demo date ${d.date} for ${d.key}`);
    return { ...d, date: clamp(d.date), linkText: d.linkText ?? d.title, decoyFor: d.decoyFor ?? [] };
  };

  // Council.
  let council: CouncilModel | null = null;
  const c = it.council;
  if (c.kind !== "none") {
    const kind = c.kind;
    const name = councilName(ctx, kind);
    const members = councilMembers(ctx, kind);
    const regDate = kind === "nok" ? "2023-02-20" : kind === "generic" ? "2019-04-11" : "2022-06-07";
    const regNo = String(rng.int(40, 380));
    const ownRules: AuthorityRuleId[] =
      kind === "foreign"
        ? []
        : kind === "nok"
          ? ["authority/council-regulation", "authority/council-nok-powers"]
          : ["authority/council-regulation"];
    const regulation =
      c.regulation === "none"
        ? null
        : doc({
            key: "regulation",
            title: `Положение ${name.replace(/^Общественный совет/, "об Общественном совете")}`,
            linkText:
              c.regulation === "scan"
                ? opaque(regDate)
                : spec.shape === "gosweb"
                  ? `Приказ ${names.gen} от ${ruDate(regDate)} № ${regNo}`
                  : undefined,
            date: regDate,
            format: c.regulation === "scan" ? "scan" : fmt("regulation"),
            body: regulationBody(ctx, kind, regDate, regNo),
            rules: ownRules,
            decoyFor:
              kind === "foreign" ? ["authority/council-regulation", "authority/council-nok-powers"] : [],
            fileName: "polozhenie-ob-obshchestvennom-sovete",
          });
    const compDate = kind === "foreign" ? "2022-07-01" : "2024-03-18";
    const approval = compositionApproval(ctx, kind, compDate, String(rng.int(2, 40)));
    const composition =
      c.composition === "none"
        ? null
        : {
            members,
            approval,
            doc:
              c.composition === "scan"
                ? doc({
                    key: "composition-scan",
                    title: "Состав общественного совета (скан-копия приказа)",
                    linkText: opaque("2025-02-17"),
                    date: "2025-02-17",
                    format: "scan" as const,
                    body: compositionBody(ctx, kind, members, approval),
                    rules: ["authority/council-composition" as const],
                    fileName: "prikaz-sostav",
                  })
                : null,
          };
    // Protocols are numbered from 1 within each calendar year.
    const numbers = new Map<string, number>();
    const countByYear = new Map<string, number>();
    for (const d of [...c.minutes].sort()) {
      const n = (countByYear.get(d.slice(0, 4)) ?? 0) + 1;
      countByYear.set(d.slice(0, 4), n);
      numbers.set(d, n);
    }
    const sorted = [...c.minutes].sort().reverse();
    const minutes = sorted.map((d) => {
      const no = numbers.get(d) ?? 1;
      return doc({
        key: `minutes-${d}`,
        title: `Протокол № ${no} заседания ${name.replace(/^Общественный совет/, "Общественного совета")} от ${ruDate(d)}`,
        linkText: `Протокол № ${no} заседания общественного совета от ${ruDate(d)}`,
        date: d,
        year: Number(d.slice(0, 4)),
        format: fmt("minutes"),
        body: minutesBody(ctx, kind, d, no, members),
        rules: kind === "foreign" ? [] : ["authority/council-minutes"],
        decoyFor: kind === "foreign" ? ["authority/council-minutes"] : [],
        fileName: `protokol-${no}-ot-${ruDate(d).replaceAll(".", "-")}`,
      });
    });
    const planYear = Number(DEMO_CONTENT_UNTIL.slice(0, 4));
    council = {
      kind,
      name,
      intro:
        kind === "foreign"
          ? [
              `${name} создан в целях обеспечения общественного участия в планировании и контроле дорожной деятельности.`,
            ]
          : kind === "nok"
            ? [`${name} сформирован Общественной палатой ${spec.region.genitive} по обращению ${names.gen}.`]
            : [
                `${name} создан в целях обеспечения взаимодействия граждан и общественных объединений с ${names.ins}.`,
              ],
      regulation,
      composition,
      minutes,
      workPlan: c.workPlan
        ? doc({
            key: `work-plan-${planYear}`,
            title: `План работы ${name.replace(/^Общественный совет/, "Общественного совета")} на ${planYear} год`,
            date: `${planYear}-01-27`,
            year: planYear,
            format: fmt("workPlan"),
            body: workPlanBody(ctx, kind, planYear),
            rules: [],
            fileName: `plan-raboty-${planYear}`,
          })
        : null,
    };
  }

  /**
   * «Приложение к протоколу … от … № …» only when that protocol is itself published (an autumn meeting of
   * the results year): a stamp citing unpublished minutes would blur "the newest minutes" for a checker.
   */
  const approvingProtocol = (year: number): string | undefined => {
    const m =
      council?.kind === "foreign"
        ? undefined
        : council?.minutes.find((d) => d.year === year && d.date.slice(5, 7) >= "09");
    return m ? `от ${ruDate(m.date)} № ${m.title.match(/№ (\d+)/)?.[1] ?? "1"}` : undefined;
  };

  // The annual cycle.
  const allYears = new Set<number>([
    ...it.orgLists,
    ...it.results.years,
    ...it.proposals.years,
    ...it.plans.years,
    ...(it.operator.form === "none" ? [] : [it.operator.year]),
  ]);
  const years: YearDocs[] = [...allYears]
    .sort((a, b) => b - a)
    .map((year) => {
      const docs: DocItem[] = [];
      const rows = resultRows(ctx, year);
      if (it.orgLists.includes(year)) {
        const approvedOn = clamp(
          year > Number(DEMO_CONTENT_UNTIL.slice(0, 4))
            ? `${year - 1}-10-15`
            : `${year}-02-${rng.int(10, 27)}`,
        );
        docs.push(
          doc({
            key: `org-list-${year}`,
            title: legacy
              ? `Перечень ${vocab.providersGen} для проведения независимой оценки качества в ${year} году`
              : `Перечень ${vocab.providersGen}, в отношении которых проводится ${vocab.abbr} в ${year} году`,
            date: approvedOn,
            year,
            format: fmt("orgList"),
            body: orgListBody(ctx, year, approvedOn, legacy),
            rules: ["authority/org-list"],
            fileName: `perechen-organizatsiy-${year}`,
          }),
        );
      }
      if (it.operator.form !== "none" && it.operator.year === year) {
        const contract = it.operator.form === "contract";
        docs.push(
          doc({
            key: `operator-${year}`,
            title: contract
              ? `Государственный контракт № ${contractNumber(ctx, year)} на оказание услуг по сбору и обобщению информации о качестве условий оказания услуг ${vocab.providers}`
              : `Аналитический отчет организации-оператора ${operatorName(ctx)} по итогам сбора и обобщения информации в ${year} году`,
            date: contract ? `${year}-04-${rng.int(10, 28)}` : `${year}-09-${rng.int(10, 25)}`,
            year,
            format: contract ? fmt("contract") : fmt("report"),
            body: contract ? contractBody(ctx, year, `${year}-04-10`) : operatorReportBody(ctx, year, rows),
            rules: ["authority/operator"],
            fileName: contract ? `goskontrakt-${year}` : `otchet-operatora-${year}`,
          }),
        );
      }
      if (it.results.years.includes(year)) {
        const withProposals = !!it.proposals.inResults && it.proposals.years.includes(year);
        docs.push(
          doc({
            key: `results-${year}`,
            title: legacy
              ? `Результаты независимой оценки качества оказания услуг ${vocab.providers} в ${year} году`
              : spec.wording === "nok" || spec.wording === "noku"
                ? `Итоги ${vocab.abbr}-${year}: рейтинг организаций`
                : `Результаты ${vocab.gen} в ${year} году`,
            linkText: spec.shape === "gosweb" ? `Итоги независимой оценки качества ${year} года` : undefined,
            date:
              year >= Number(DEMO_CONTENT_UNTIL.slice(0, 4))
                ? DEMO_CONTENT_UNTIL
                : `${year}-12-${rng.int(10, 20)}`,
            year,
            format: it.results.format,
            body: resultsBody(ctx, year, rows, {
              legacy,
              withProposals,
              approvedBy: approvingProtocol(year),
            }),
            rules: withProposals ? ["authority/results", "authority/proposals"] : ["authority/results"],
            fileName: `rezultaty-${year}`,
          }),
        );
      }
      if (it.proposals.years.includes(year) && !it.proposals.inResults) {
        const date = `${year}-12-${rng.int(21, 28)}`;
        docs.push(
          doc({
            key: `proposals-${year}`,
            title: `Предложения об улучшении качества деятельности ${vocab.providersGen} по итогам ${vocab.abbr} ${year} года`,
            linkText: it.proposals.presence === "scan" ? opaque(date) : undefined,
            date,
            year,
            format: it.proposals.presence === "scan" ? "scan" : fmt("proposals"),
            body: proposalsBody(ctx, year, rows),
            rules: ["authority/proposals"],
            fileName: `predlozheniya-${year}`,
          }),
        );
      }
      if (it.plans.years.includes(year)) {
        const date = `${year + 1}-02-${rng.int(10, 26)}`;
        const measures = it.plans.form === "measures";
        docs.push(
          doc({
            key: `plans-${year}`,
            title: measures
              ? `Информация о принятых мерах по результатам ${vocab.abbr} ${year} года`
              : `Планы по устранению недостатков, выявленных в ходе ${vocab.abbr} в ${year} году`,
            linkText: it.plans.presence === "scan" ? opaque(clamp(date)) : undefined,
            date,
            year,
            format: it.plans.presence === "scan" ? "scan" : fmt("plans"),
            body: plansBody(ctx, year, rows, it.plans.form, clamp(date)),
            rules: ["authority/improvement-plans"],
            fileName: measures ? `prinyatye-mery-${year}` : `plany-ustraneniya-nedostatkov-${year}`,
          }),
        );
      }
      return { year, docs };
    });

  const ratingLinks: Link[] =
    it.ratingLink === "busgov"
      ? [
          {
            href: "https://bus.gov.ru/pub/independentRating/list",
            text: "Оценить качество условий оказания услуг организациями на официальном сайте bus.gov.ru",
          },
        ]
      : it.ratingLink === "anketa"
        ? [
            {
              href: `https://anketa.rosminzdrav.ru/staticogvjustank/${spec.region.code}/1`,
              text: "Анкета для оценки качества условий оказания услуг медицинскими организациями в амбулаторных условиях",
            },
            {
              href: `https://anketa.rosminzdrav.ru/staticogvjustank/${spec.region.code}/2`,
              text: "Анкета для оценки качества условий оказания услуг медицинскими организациями в стационарных условиях",
            },
          ]
        : [];

  const contractYear = it.operator.form === "contract" ? it.operator.year : null;

  let noko: SiteModel["noko"] = null;
  if (it.noko) {
    const y = Number(DEMO_CONTENT_UNTIL.slice(0, 4));
    noko = {
      title: NOKO_TITLE,
      intro: nokoIntro(ctx),
      acts: nokoActs(ctx),
      docs: [
        doc({
          key: `noko-list-${y}`,
          title: `Перечень общеобразовательных организаций, в отношении которых проводится независимая оценка качества образования в ${y} году`,
          date: `${y - 1}-12-18`,
          year: y,
          format: fmt("noko"),
          body: nokoListBody(ctx, y),
          rules: [],
          decoyFor: ["authority/org-list"],
          fileName: `noko-perechen-${y}`,
        }),
        doc({
          key: `noko-results-${y - 1}`,
          title: `Результаты независимой оценки качества образования (НОКО) в ${y - 1} году`,
          date: `${y - 1}-11-28`,
          year: y - 1,
          format: fmt("noko"),
          body: nokoResultsBody(ctx, y - 1),
          rules: [],
          decoyFor: ["authority/results"],
          fileName: `noko-rezultaty-${y - 1}`,
        }),
        doc({
          key: `noko-results-${y}`,
          title: `Результаты независимой оценки качества образования (НОКО) в ${y} году: региональные диагностические работы`,
          date: `${y}-10-12`,
          year: y,
          format: fmt("noko"),
          body: nokoResultsBody(ctx, y),
          rules: [],
          decoyFor: ["authority/results"],
          fileName: `noko-rezultaty-${y}`,
        }),
        doc({
          key: `noko-recommendations-${y - 1}`,
          title: `Адресные рекомендации по результатам независимой оценки качества образования в ${y - 1} году`,
          date: `${y - 1}-12-20`,
          year: y - 1,
          format: "pdf",
          body: nokoRecommendationsBody(ctx, y - 1),
          rules: [],
          decoyFor: ["authority/proposals"],
          fileName: `noko-rekomendatsii-${y - 1}`,
        }),
      ],
    };
  }

  const newsRng = createRng(hashSeed(`${spec.id}/news`));
  const newsCtx = { ...ctx, rng: newsRng };
  return {
    spec,
    names,
    vocab,
    head,
    institutions: ctx.orgs,
    contacts: contacts(ctx),
    about: aboutParagraphs(ctx),
    nokIntro: nokIntro(ctx, legacy),
    legalActs:
      it.legalActs === "current"
        ? currentActs(ctx, "2019-03-14")
        : it.legalActs === "legacy"
          ? legacyActs(ctx)
          : [],
    years,
    ratingLinks,
    zakupkiLink: contractYear
      ? {
          href: `https://zakupki.gov.ru/epz/contract/contractCard/common-info.html?reestrNumber=${contractNumber(ctx, contractYear)}`,
          text: `Информация о контракте в единой информационной системе в сфере закупок (zakupki.gov.ru)`,
        }
      : null,
    council,
    noko,
    news: newsFeed(newsCtx, 36, DEMO_CONTENT_UNTIL),
    generalDocs: generalDocs(newsCtx, DEMO_CONTENT_UNTIL),
  };
}

function nokIntro(ctx: TextCtx, legacy: boolean): string[] {
  const v = ctx.vocab;
  if (legacy)
    return [
      `В соответствии с постановлением Правительства Российской Федерации от 30.03.2013 № 286 «О формировании независимой системы оценки качества работы организаций, оказывающих социальные услуги» в ${ctx.spec.region.prepositional} формируется ${v.nom}.`,
      "В разделе размещаются нормативные документы, перечни организаций, результаты и рейтинги.",
    ];
  return [
    `${v.nom.charAt(0).toUpperCase()}${v.nom.slice(1)} (далее — ${v.abbr}) является одной из форм общественного контроля и проводится в целях предоставления получателям услуг информации о качестве условий оказания услуг, а также в целях повышения качества их деятельности.`,
    `${v.abbr} проводится Общественным советом не чаще чем один раз в год и не реже чем один раз в три года в отношении каждой организации.`,
  ];
}

/** How a site names the NOK regime, per sphere and wording (current law, abbreviations, 2014 legacy). */
import type { Sphere } from "../../../src/types/index.ts";
import type { Wording } from "../types.ts";

export interface NokVocab {
  /** Menu/section title. */
  title: string;
  /** Lower-case phrase in three cases («о …» takes the prepositional). */
  nom: string;
  gen: string;
  prep: string;
  /** The 2014–2018 (256-ФЗ) wording without «условий», used in old documents. */
  r256Gen: string;
  abbr: string;
  /** Year sub-page title, e.g. «НОК 2025». */
  yearTitle(year: number): string;
  /** «организациями социального обслуживания» (instrumental, after «оказания услуг»). */
  providers: string;
  /** «организаций социального обслуживания» (genitive, after «перечень»). */
  providersGen: string;
  /** The sector law article on NOK. */
  lawArticle: string;
  /** The sector order on NOK indicators. */
  sectorOrder: string;
}

interface Sector {
  providers: string;
  providersGen: string;
  legacyGen: string;
  lawArticle: string;
  sectorOrder: string;
}

const SECTORS: Record<Sphere, Sector> = {
  social: {
    providers: "организациями социального обслуживания",
    providersGen: "организаций социального обслуживания",
    legacyGen: "организаций, оказывающих социальные услуги",
    lawArticle:
      "статья 23.1 Федерального закона от 28.12.2013 № 442-ФЗ «Об основах социального обслуживания граждан в Российской Федерации»",
    sectorOrder:
      "приказ Минтруда России от 23.05.2018 № 317н «Об утверждении показателей, характеризующих общие критерии оценки качества условий оказания услуг организациями социального обслуживания»",
  },
  health: {
    providers: "медицинскими организациями",
    providersGen: "медицинских организаций",
    legacyGen: "медицинских организаций",
    lawArticle:
      "статья 79.1 Федерального закона от 21.11.2011 № 323-ФЗ «Об основах охраны здоровья граждан в Российской Федерации»",
    sectorOrder:
      "приказ Минздрава России от 04.05.2018 № 201н «Об утверждении показателей, характеризующих общие критерии оценки качества условий оказания услуг медицинскими организациями, в отношении которых проводится независимая оценка»",
  },
  culture: {
    providers: "организациями культуры",
    providersGen: "организаций культуры",
    legacyGen: "учреждений культуры",
    lawArticle:
      "статья 36.1 Закона Российской Федерации от 09.10.1992 № 3612-1 «Основы законодательства Российской Федерации о культуре»",
    sectorOrder:
      "приказ Минкультуры России от 27.04.2018 № 599 «Об утверждении показателей, характеризующих общие критерии оценки качества условий оказания услуг организациями культуры»",
  },
  education: {
    providers: "организациями, осуществляющими образовательную деятельность",
    providersGen: "организаций, осуществляющих образовательную деятельность",
    legacyGen: "образовательных организаций",
    lawArticle:
      "статья 95.2 Федерального закона от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»",
    sectorOrder:
      "приказ Минпросвещения России от 13.03.2019 № 114 «Об утверждении показателей, характеризующих общие критерии оценки качества условий осуществления образовательной деятельности»",
  },
  sport: {
    providers: "организациями в сфере физической культуры и спорта",
    providersGen: "организаций в сфере физической культуры и спорта",
    legacyGen: "учреждений физической культуры и спорта",
    lawArticle: "постановление Правительства Российской Федерации от 30.03.2013 № 286",
    sectorOrder: "распоряжение Правительства Российской Федерации от 30.03.2013 № 487-р",
  },
};

export function sector(sphere: Sphere): Sector {
  return SECTORS[sphere];
}

export function nokVocab(sphere: Sphere, wording: Wording): NokVocab {
  const s = SECTORS[sphere];
  const edu = sphere === "education";
  const what = edu ? "условий осуществления образовательной деятельности" : "условий оказания услуг";
  const tail = `${what} ${s.providers}`;
  const base = {
    nom: `независимая оценка качества ${tail}`,
    gen: `независимой оценки качества ${tail}`,
    prep: `независимой оценке качества ${tail}`,
    r256Gen: `независимой оценки качества оказания услуг ${s.providers}`,
    providers: s.providers,
    providersGen: s.providersGen,
    lawArticle: s.lawArticle,
    sectorOrder: s.sectorOrder,
  };
  switch (wording) {
    case "legacy2014":
      return {
        ...base,
        title: `Независимая система оценки качества работы ${s.legacyGen}`,
        nom: `независимая система оценки качества работы ${s.legacyGen}`,
        gen: `независимой системы оценки качества работы ${s.legacyGen}`,
        prep: `независимой системе оценки качества работы ${s.legacyGen}`,
        abbr: "НСОК",
        yearTitle: (y) => `Независимая оценка ${y} года`,
      };
    case "noku":
      return {
        ...base,
        title: "Независимая оценка качества условий оказания услуг (НОКУ)",
        abbr: "НОКУ",
        yearTitle: (y) => `НОКУ в ${y} году`,
      };
    case "nok":
      return {
        ...base,
        title: edu ? "НОК УООД" : "НОК",
        abbr: edu ? "НОК УООД" : "НОК",
        yearTitle: (y) => `${edu ? "НОК УООД" : "НОК"}-${y}`,
      };
    default:
      return {
        ...base,
        title: edu
          ? "Независимая оценка качества условий осуществления образовательной деятельности"
          : "Независимая оценка качества условий оказания услуг",
        abbr: edu ? "НОК УООД" : "НОК",
        yearTitle: (y) => `${edu ? "НОК УООД" : "НОК"} ${y}`,
      };
  }
}

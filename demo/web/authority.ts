/** The authority's name in the cases Russian texts need («при Министерстве …», «приказ Министерства …»). */
import type { Sphere } from "../../src/types/index.ts";
import type { SiteSpec } from "./types.ts";

export interface AuthorityNames {
  nom: string;
  gen: string;
  /** Prepositional, for «при …» / «в …». */
  prep: string;
  /** Instrumental, for «с …». */
  ins: string;
  /** Lower-case head noun: «министерство», «департамент». */
  short: string;
  shortGen: string;
  shortPrep: string;
  shortDat: string;
  /** Capitalised head noun used as a defined term: «(далее — Министерство)». */
  term: string;
  termGen: string;
  termIns: string;
  /** Title of its head: «Министр …», «Директор Департамента …». */
  headTitle: string;
}

const DEFAULT_TITLES: Record<Sphere, string> = {
  social: "Министерство социального развития",
  health: "Министерство здравоохранения",
  culture: "Министерство культуры",
  education: "Министерство образования",
  sport: "Министерство спорта",
};

/** Declension of the head nouns regional authorities use. */
const HEADS: Record<string, [gen: string, prep: string, dat: string, ins: string, head: string]> = {
  Министерство: ["Министерства", "Министерстве", "Министерству", "Министерством", "Министр"],
  Департамент: ["Департамента", "Департаменте", "Департаменту", "Департаментом", "Директор Департамента"],
  Комитет: ["Комитета", "Комитете", "Комитету", "Комитетом", "Председатель Комитета"],
  Управление: ["Управления", "Управлении", "Управлению", "Управлением", "Начальник Управления"],
};

export function authorityNames(spec: Pick<SiteSpec, "sphere" | "region" | "authorityName">): AuthorityNames {
  const nom = spec.authorityName ?? `${DEFAULT_TITLES[spec.sphere]} ${spec.region.genitive}`;
  const [head, ...rest] = nom.split(" ");
  const forms = HEADS[head ?? ""];
  if (!forms) throw new Error(`unknown authority head noun in «${nom}»`);
  const tail = rest.join(" ");
  const [gen, prep, dat, ins, headTitle] = forms;
  const lower = (s: string): string => s.toLowerCase();
  return {
    nom,
    gen: `${gen} ${tail}`,
    prep: `${prep} ${tail}`,
    ins: `${ins} ${tail}`,
    short: lower(head!),
    shortGen: lower(gen),
    shortPrep: lower(prep),
    shortDat: lower(dat),
    term: head!,
    termGen: gen,
    termIns: ins,
    // «Министр здравоохранения Тульской области»: the head title keeps the sphere part of the name.
    headTitle: `${headTitle} ${tail}`,
  };
}

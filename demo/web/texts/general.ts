/** The ordinary rest of a ministry site: contacts, «Документы» unrelated to NOK, «О министерстве». */
import type { Sphere } from "../../../src/types/index.ts";
import type { TextCtx } from "./context.ts";
import { addDays, ruDate } from "./dates.ts";

export interface Contacts {
  address: string;
  phone: string;
  fax: string;
  email: string;
  hours: string;
  hotline: string;
}

const STREETS = ["пр. Ленина", "ул. Советская", "ул. Пушкина", "пл. Победы", "ул. Кирова", "ул. Горького"];
const MAIL_PREFIX: Record<Sphere, string> = {
  social: "minsoc",
  health: "minzdrav",
  culture: "minkult",
  education: "minobr",
  sport: "minsport",
};

export function contacts(ctx: TextCtx): Contacts {
  const r = ctx.spec.region;
  const code = r.phoneCode;
  const num = (): string => `${ctx.rng.int(20, 79)}-${ctx.rng.int(10, 99)}-${ctx.rng.int(10, 99)}`;
  return {
    address: `${r.postcode}${String(ctx.rng.int(0, 999)).padStart(3, "0")}, г. ${r.cities[0]}, ${ctx.rng.pick(STREETS)}, д. ${ctx.rng.int(1, 60)}`,
    phone: `+7 (${code}) ${num()}`,
    fax: `+7 (${code}) ${num()}`,
    email: `${MAIL_PREFIX[ctx.spec.sphere]}@${r.domain}`,
    hours: "Пн–Чт: 9:00–18:00, Пт: 9:00–17:00, перерыв 13:00–13:48",
    hotline: `8-800-${ctx.rng.int(100, 999)}-${ctx.rng.int(10, 99)}-${ctx.rng.int(10, 99)}`,
  };
}

const PROGRAMME: Record<Sphere, string> = {
  social: "Социальная поддержка граждан",
  health: "Развитие здравоохранения",
  culture: "Развитие культуры",
  education: "Развитие образования",
  sport: "Развитие физической культуры и спорта",
};

export interface GeneralDoc {
  id: number;
  date: string;
  title: string;
  paragraphs: string[];
}

export function generalDocs(ctx: TextCtx, newest: string): GeneralDoc[] {
  const r = ctx.spec.region;
  const no = (): number => ctx.rng.int(10, 950);
  const titles = [
    `Приказ ${ctx.names.gen} «Об утверждении плана мероприятий по противодействию коррупции на 2025–2027 годы»`,
    `Государственная программа ${r.genitive} «${PROGRAMME[ctx.spec.sphere]}»`,
    "Доклад о результатах и основных направлениях деятельности за 2025 год",
    "Ведомственный перечень государственных услуг и работ",
    "Порядок рассмотрения обращений граждан",
    `Положение о ${ctx.names.prep.replace(/^(\S+)/, (w) => w.toLowerCase())}`,
    "Государственные задания подведомственным учреждениям на 2026 год и плановый период",
    "Административный регламент предоставления государственной услуги по выдаче справок",
    "Обзор обращений граждан за первое полугодие 2026 года",
    "Антимонопольный комплаенс: карта рисков на 2026 год",
  ];
  let date = newest;
  return titles.map((title, i) => {
    date = addDays(date, -ctx.rng.int(9, 40));
    const withNo = title.startsWith("Приказ")
      ? `${title.replace("«", `от ${ruDate(date)} № ${no()} «`)}`
      : title;
    return {
      id: 5000 + i * 13 + ctx.spec.seed,
      date,
      title: withNo,
      paragraphs: [
        `Документ принят в соответствии с действующим законодательством и размещен в целях информирования граждан и организаций.`,
        `Контроль за исполнением возложен на заместителя ${ctx.names.headTitle.replace(/^Министр/, "министра").replace(/^Директор/, "директора")}.`,
      ],
    };
  });
}

export function aboutParagraphs(ctx: TextCtx): string[] {
  return [
    `${ctx.names.nom} является исполнительным органом ${ctx.spec.region.genitive}, осуществляющим функции по выработке и реализации государственной политики и нормативному правовому регулированию в установленной сфере деятельности.`,
    `${ctx.names.term} осуществляет координацию деятельности подведомственных государственных учреждений, контроль за качеством и доступностью предоставляемых ими услуг.`,
    `${ctx.names.headTitle} — ${ctx.head.full}.`,
  ];
}

/** A public council's composition, minutes and work plan. */
import type { DocBody } from "../docs/body.ts";
import { type Person, PUBLIC_ORGS, people } from "../names.ts";
import type { CouncilKind } from "../types.ts";
import type { TextCtx } from "./context.ts";
import { ruDate, ruLongDate } from "./dates.ts";
import { councilName, foreignBody } from "./regulation.ts";

export interface Member {
  person: Person;
  role: string;
  org: string;
}

const ROAD_ORGS = [
  "директор ООО «Дорожно-строительная компания»",
  "координатор регионального отделения общественного движения «Синие ведерки»",
  "председатель региональной общественной организации автомобилистов",
  "инженер-проектировщик АО «Дорпроект»",
  "член Общественной палаты, ветеран службы ГИБДД",
  "преподаватель кафедры автомобильных дорог технического университета",
];

export function councilMembers(ctx: TextCtx, kind: CouncilKind): Member[] {
  const count = kind === "foreign" ? 7 : ctx.rng.int(7, 10);
  const rest = people(ctx.rng, count - 2, ctx.spec.region);
  const all = [ctx.chair, ...rest.slice(0, 1), ctx.secretary, ...rest.slice(1)];
  const positions = ["председатель", "заместитель председателя", "член правления", "руководитель", "эксперт"];
  return all.map((person, i) => ({
    person,
    role:
      i === 0 ? "председатель" : i === 1 ? "заместитель председателя" : i === 2 ? "секретарь" : "член совета",
    org:
      kind === "foreign"
        ? ctx.rng.pick(ROAD_ORGS)
        : `${ctx.rng.pick(positions)} ${ctx.rng.pick(PUBLIC_ORGS)} ${ctx.spec.region.genitive}`,
  }));
}

/** Who approved the composition (392-ФЗ: the public chamber for NOK councils). */
export function compositionApproval(ctx: TextCtx, kind: CouncilKind, date: string, no: string): string {
  if (kind === "nok")
    return `Состав утвержден решением Совета Общественной палаты ${ctx.spec.region.genitive} от ${ruDate(date)} № ${no}`;
  const by = kind === "foreign" ? foreignBody(ctx).gen : ctx.names.gen;
  return `Состав утвержден приказом ${by} от ${ruDate(date)} № ${no}`;
}

export function compositionBody(
  ctx: TextCtx,
  kind: CouncilKind,
  members: Member[],
  approval: string,
): DocBody {
  return {
    stamp: ["Приложение"],
    title: "СОСТАВ",
    subtitle: councilName(ctx, kind).replace(/^Общественный совет/, "Общественного совета"),
    blocks: [
      { t: "p", text: approval },
      {
        t: "table",
        head: ["№ п/п", "Фамилия, имя, отчество", "Место работы, должность", "Статус в совете"],
        rows: members.map((m, i) => [String(i + 1), m.person.full, m.org, m.role]),
        widths: [0.07, 0.28, 0.45, 0.2],
      },
    ],
  };
}

/**
 * Agenda of a NOK council meeting, by the month it is held in (the annual cycle). An item about a list,
 * contract, results, proposals or plans appears only when the site publishes that document for the year:
 * minutes must never be the only trace of an item the spec says is absent.
 */
function nokAgenda(ctx: TextCtx, iso: string): { items: string[]; decisions: string[] } {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const v = ctx.vocab;
  const it = ctx.spec.items;
  const items: string[] = [];
  const decisions: string[] = [];
  const add = (item: string, decision: string): void => {
    items.push(item);
    decisions.push(decision);
  };
  if (m <= 3) {
    add(
      `Об утверждении плана работы Общественного совета на ${y} год.`,
      `Утвердить план работы Общественного совета на ${y} год.`,
    );
    if (it.orgLists.includes(y))
      add(
        `Об определении перечня ${v.providersGen}, в отношении которых проводится ${v.nom} в ${y} году.`,
        `Определить перечень ${v.providersGen}, в отношении которых в ${y} году проводится независимая оценка качества, и направить его в ${ctx.names.term}.`,
      );
  } else if (m <= 6) {
    if (it.operator.form === "contract" && it.operator.year === y)
      add(
        `О рассмотрении проекта технического задания и проекта государственного контракта на оказание услуг по сбору и обобщению информации о качестве условий оказания услуг ${v.providers} в ${y} году.`,
        "Одобрить проект технического задания с учетом замечаний членов Общественного совета.",
      );
    add(
      "Об обеспечении доступности услуг для инвалидов в подведомственных организациях.",
      "Рекомендовать руководителям организаций продолжить работу по адаптации помещений.",
    );
  } else if (m <= 9) {
    if (it.operator.form !== "none" && it.operator.year === y)
      add(
        "О ходе сбора и обобщения информации организацией-оператором.",
        "Принять к сведению информацию оператора о ходе работ.",
      );
    if (it.results.years.includes(y))
      add(
        `О результатах ${v.gen} в ${y} году.`,
        `Утвердить результаты ${v.gen} в ${y} году и направить их в ${ctx.names.term} для размещения на официальном сайте.`,
      );
    add(
      "Об информационной открытости подведомственных организаций.",
      "Рекомендовать организациям актуализировать информацию на официальных сайтах.",
    );
  } else {
    if (it.results.years.includes(y))
      add(`Об итогах ${v.gen} в ${y} году.`, `Утвердить результаты независимой оценки качества в ${y} году.`);
    if (it.proposals.years.includes(y))
      add(
        `О предложениях об улучшении качества деятельности ${v.providersGen}.`,
        "Одобрить предложения об улучшении качества деятельности организаций.",
      );
    if (it.plans.years.includes(y - 1))
      add(
        `О рассмотрении информации о выполнении планов по устранению недостатков, выявленных в ходе независимой оценки в ${y - 1} году.`,
        "Принять к сведению информацию о выполнении планов по устранению недостатков.",
      );
    add(
      `О плане работы Общественного совета на ${y + 1} год.`,
      "Подготовить проект плана работы на следующий год.",
    );
  }
  return { items, decisions };
}

const ROAD_AGENDA = [
  "О проекте программы ремонта автомобильных дорог регионального значения на следующий год.",
  "О результатах общественного мониторинга качества ремонта дорог.",
  "О рассмотрении обращений граждан о состоянии улично-дорожной сети.",
  "Об организации дорожного движения в районах новой застройки.",
];

export function minutesBody(
  ctx: TextCtx,
  kind: CouncilKind,
  iso: string,
  no: number,
  members: Member[],
): DocBody {
  const agenda =
    kind === "foreign"
      ? {
          items: ctx.rng.shuffle(ROAD_AGENDA).slice(0, 2),
          decisions: ["Принять информацию к сведению.", "Направить рекомендации в Управление."],
        }
      : nokAgenda(ctx, iso);
  const present = members.slice(0, Math.max(5, members.length - ctx.rng.int(0, 2)));
  const blocks: DocBody["blocks"] = [
    { t: "p", text: `г. ${ctx.spec.region.cities[0]}`, align: "right" },
    { t: "p", text: ruLongDate(iso), align: "right" },
    {
      t: "p",
      text: `Председательствовал: ${members[0]?.person.full ?? ""}, председатель Общественного совета.`,
    },
    {
      t: "p",
      text: `Присутствовали члены Общественного совета: ${present.map((m) => m.person.short).join(", ")}.`,
    },
    {
      t: "p",
      text:
        kind === "foreign"
          ? "Приглашены: представители Управления, подрядных организаций."
          : `Приглашены: ${ctx.head.short} — ${ctx.names.headTitle}; руководители подведомственных организаций.`,
    },
    { t: "h", text: "ПОВЕСТКА ДНЯ:" },
    { t: "list", items: agenda.items, ordered: true },
  ];
  agenda.items.forEach((item, i) => {
    blocks.push({ t: "h", text: `${i + 1}. ${item}` });
    blocks.push({
      t: "p",
      text: `СЛУШАЛИ: ${ctx.rng.pick(present).person.short} — информация по вопросу повестки.`,
    });
    blocks.push({ t: "p", text: `РЕШИЛИ: ${agenda.decisions[i] ?? agenda.decisions[0]}` });
  });
  blocks.push({ t: "p", text: `Голосовали: «за» — ${present.length}, «против» — 0, «воздержались» — 0.` });
  return {
    title: `ПРОТОКОЛ № ${no}`,
    subtitle: `заседания ${councilName(ctx, kind).replace(/^Общественный совет/, "Общественного совета")}`,
    blocks,
    signature: `Председатель ${members[0]?.person.short ?? ""}    Секретарь ${members[2]?.person.short ?? ""}`,
  };
}

export function workPlanBody(ctx: TextCtx, kind: CouncilKind, year: number): DocBody {
  const v = ctx.vocab;
  const rows =
    kind === "nok"
      ? [
          [
            `Определение перечня ${v.providersGen} для проведения независимой оценки в ${year} году`,
            "I квартал",
          ],
          [
            "Рассмотрение проекта технического задания и государственного контракта с оператором",
            "II квартал",
          ],
          ["Рассмотрение аналитического отчета организации-оператора", "III квартал"],
          ["Утверждение результатов независимой оценки и предложений об улучшении качества", "IV квартал"],
          ["Рассмотрение информации о выполнении планов по устранению недостатков", "IV квартал"],
        ]
      : [
          ["Рассмотрение проекта доклада о результатах деятельности", "I квартал"],
          ["Обсуждение проектов нормативных правовых актов", "в течение года"],
          ["Участие в работе аттестационной комиссии", "по графику"],
          ["Подведение итогов работы за год", "IV квартал"],
        ];
  return {
    stamp: ["УТВЕРЖДЕН", "на заседании Общественного совета"],
    title: `ПЛАН РАБОТЫ`,
    subtitle: `${councilName(ctx, kind).replace(/^Общественный совет/, "Общественного совета")} на ${year} год`,
    blocks: [
      {
        t: "table",
        head: ["№ п/п", "Мероприятие", "Срок", "Ответственный"],
        rows: rows.map(([what, when], i) => [
          String(i + 1),
          what!,
          when!,
          i === 0 ? "председатель совета" : "члены совета",
        ]),
        widths: [0.08, 0.56, 0.16, 0.2],
      },
    ],
  };
}

/** Documents of one annual NOK cycle: list, operator contract/report, results, proposals, plans. */
import type { DocBody } from "../docs/body.ts";
import type { Institution } from "../names.ts";
import type { TextCtx } from "./context.ts";
import { ruDate, ruLongDate } from "./dates.ts";

const OPERATORS = [
  "ООО «Институт социальных исследований и мониторинга»",
  "АНО «Центр независимых социологических исследований»",
  "ООО «Региональный центр мониторинга качества»",
  "ООО «Научно-исследовательский центр «Аналитика»",
  "ФГБОУ ВО «Государственный университет экономики и управления»",
];

export function operatorName(ctx: TextCtx): string {
  return OPERATORS[ctx.spec.seed % OPERATORS.length]!;
}

/** The organisations assessed in a year: a third of the network each year (once per three years). */
export function orgsOfYear(ctx: TextCtx, year: number): Institution[] {
  const n = ctx.orgs.length;
  const per = Math.max(4, Math.ceil(n / 3));
  const start = ((year % 3) * per) % n;
  return Array.from({ length: per }, (_, i) => ctx.orgs[(start + i) % n]!);
}

export function orgListBody(ctx: TextCtx, year: number, approvedOn: string, legacy: boolean): DocBody {
  const v = ctx.vocab;
  const orgs = orgsOfYear(ctx, year);
  return {
    // Fixed by the authority's order: a stamp citing a council protocol would hint at minutes the site may not publish.
    stamp: legacy
      ? ["Приложение", `к приказу ${ctx.names.gen}`, `от ${ruDate(approvedOn)} № ${ctx.rng.int(100, 700)}`]
      : ["УТВЕРЖДЕН", `приказом ${ctx.names.gen}`, `от ${ruDate(approvedOn)} № ${ctx.rng.int(100, 700)}`],
    title: "ПЕРЕЧЕНЬ",
    subtitle: legacy
      ? `${v.providersGen}, в отношении которых проводится независимая оценка качества оказания услуг в ${year} году`
      : `${v.providersGen}, в отношении которых проводится ${v.nom} в ${year} году`,
    blocks: [
      {
        t: "table",
        head: ["№ п/п", "Наименование организации", "ИНН", "Адрес официального сайта"],
        rows: orgs.map((o, i) => [String(i + 1), o.name, o.inn, `www.org${o.inn.slice(-5)}.ru`]),
        widths: [0.08, 0.52, 0.18, 0.22],
      },
    ],
  };
}

export function contractNumber(ctx: TextCtx, year: number): string {
  return `0${ctx.spec.region.code}${String(200_000_000 + ((ctx.spec.seed * 7919 + year) % 99_999_999)).slice(0, 9)}${String(year).slice(2)}000${(ctx.spec.seed % 90) + 10}`;
}

export function contractBody(ctx: TextCtx, year: number, signedOn: string): DocBody {
  const v = ctx.vocab;
  const op = operatorName(ctx);
  const price = ctx.rng.int(4, 19) * 75_000;
  const priceText = `${price.toLocaleString("ru-RU")} рублей 00 копеек, НДС не облагается`;
  return {
    title: `ГОСУДАРСТВЕННЫЙ КОНТРАКТ № ${contractNumber(ctx, year)}`,
    subtitle: `на оказание услуг по сбору и обобщению информации о качестве условий оказания услуг ${v.providers} в ${year} году`,
    blocks: [
      { t: "p", text: `г. ${ctx.spec.region.cities[0]}    ${ruLongDate(signedOn)}` },
      {
        t: "p",
        text: `${ctx.names.nom}, именуемое в дальнейшем «Заказчик», в лице ${ctx.names.headTitle.replace(/^Министр/, "министра")} ${ctx.head.full}, действующего на основании Положения, с одной стороны, и ${op}, именуемое в дальнейшем «Исполнитель», с другой стороны, по результатам электронного аукциона (протокол подведения итогов размещен в единой информационной системе в сфере закупок) заключили настоящий контракт о нижеследующем.`,
      },
      { t: "h", text: "1. Предмет контракта" },
      {
        t: "p",
        text: `1.1. Исполнитель обязуется оказать услуги по сбору и обобщению информации о качестве условий оказания услуг ${v.providers}, в отношении которых в ${year} году проводится независимая оценка качества (далее — услуги), в соответствии с техническим заданием (приложение № 1), а Заказчик обязуется принять и оплатить услуги.`,
      },
      {
        t: "p",
        text: "1.2. Услуги оказываются в соответствии с Правилами сбора и обобщения информации о качестве условий оказания услуг, утвержденными постановлением Правительства Российской Федерации от 31.05.2018 № 638, и Единым порядком расчета показателей (приказ Минтруда России от 31.05.2018 № 344н).",
      },
      { t: "h", text: "2. Цена контракта" },
      { t: "p", text: `2.1. Цена контракта составляет ${priceText}.` },
      { t: "h", text: "3. Сроки оказания услуг" },
      {
        t: "p",
        text: `3.1. Услуги оказываются с даты заключения контракта по 30 сентября ${year} года. Результатом оказания услуг является аналитический отчет, представляемый Заказчику и Общественному совету.`,
      },
      { t: "h", text: "4. Реквизиты сторон" },
      {
        t: "table",
        head: ["Заказчик", "Исполнитель (организация-оператор)"],
        rows: [
          [ctx.names.nom, op],
          [
            `ИНН ${ctx.spec.region.code}${String(ctx.spec.seed).padStart(8, "7").slice(0, 8)}`,
            `ИНН 77${String(ctx.spec.seed * 31)
              .padStart(8, "3")
              .slice(0, 8)}`,
          ],
          [`${ctx.names.headTitle} ____________ ${ctx.head.short}`, "Генеральный директор ____________"],
        ],
      },
    ],
  };
}

export function operatorReportBody(ctx: TextCtx, year: number, results: ResultRow[]): DocBody {
  const v = ctx.vocab;
  const avg = results.reduce((s, r) => s + r.total, 0) / Math.max(1, results.length);
  return {
    title: "АНАЛИТИЧЕСКИЙ ОТЧЕТ",
    subtitle: `организации-оператора ${operatorName(ctx)} о результатах сбора и обобщения информации о качестве условий оказания услуг ${v.providers} ${ctx.spec.region.genitive} в ${year} году`,
    blocks: [
      { t: "h", text: "1. Общие сведения" },
      {
        t: "p",
        text: `Сбор и обобщение информации проведены в отношении ${results.length} организаций в соответствии с государственным контрактом, заключенным с ${ctx.names.ins}. Информация собиралась путем анализа официальных сайтов и информационных стендов организаций, обследования помещений и опроса получателей услуг.`,
      },
      { t: "h", text: "2. Выявленные недостатки" },
      {
        t: "list",
        items: [
          "на официальных сайтах отсутствует часть информации, предусмотренной нормативными актами;",
          "не во всех организациях обеспечены условия доступности для инвалидов (поручни, расширенные дверные проемы, дублирование надписей шрифтом Брайля);",
          "не обеспечена техническая возможность выражения мнения о качестве условий оказания услуг на сайтах части организаций.",
        ],
      },
      { t: "h", text: "3. Итоги" },
      {
        t: "p",
        text: `Среднее значение интегрального показателя по ${ctx.spec.region.prepositional.startsWith("Республике") ? "республике" : "региону"} составило ${avg.toFixed(2)} балла.`,
      },
    ],
  };
}

export interface ResultRow {
  org: string;
  k: [number, number, number, number, number];
  total: number;
}

export function resultRows(ctx: TextCtx, year: number): ResultRow[] {
  return orgsOfYear(ctx, year)
    .map((o) => {
      // K3 (accessibility for the disabled) is the criterion that lags everywhere.
      const k = Array.from(
        { length: 5 },
        (_, i) => (i === 2 ? ctx.rng.int(420, 900) : ctx.rng.int(780, 1000)) / 10,
      ) as ResultRow["k"];
      const total = Math.round((k.reduce((s, x) => s + x, 0) / 5) * 100) / 100;
      return { org: o.name, k, total };
    })
    .sort((a, b) => b.total - a.total);
}

const K_HEAD = [
  "К1 Открытость и доступность информации",
  "К2 Комфортность условий",
  "К3 Доступность услуг для инвалидов",
  "К4 Доброжелательность, вежливость работников",
  "К5 Удовлетворенность условиями",
];
/** The 256-ФЗ criteria set (2014–2018), for legacy ratings. */
const R256_HEAD = [
  "Открытость и доступность информации",
  "Комфортность условий и доступность получения услуг",
  "Время ожидания",
  "Доброжелательность, вежливость, компетентность работников",
  "Удовлетворенность качеством оказания услуг",
];

export function resultsHead(legacy: boolean): string[] {
  return [
    "№",
    "Наименование организации",
    ...(legacy ? R256_HEAD : K_HEAD),
    legacy ? "Сумма баллов" : "Итоговый балл",
    "Место в рейтинге",
  ];
}

export function resultsTable(rows: ResultRow[], legacy: boolean): string[][] {
  return rows.map((r, i) => [
    String(i + 1),
    r.org,
    // Russian documents write decimals with a comma.
    ...r.k.map((x) => (legacy ? (x / 10).toFixed(1) : x.toFixed(2)).replace(".", ",")),
    (legacy ? (r.k.reduce((s, x) => s + x, 0) / 10).toFixed(1) : r.total.toFixed(2)).replace(".", ","),
    String(i + 1),
  ]);
}

const PROPOSALS = [
  "обеспечить полноту и актуальность информации о деятельности организации на официальном сайте и информационных стендах;",
  "обеспечить функционирование раздела «Часто задаваемые вопросы» и электронной формы обращений на официальном сайте;",
  "оборудовать входные группы пандусами, выделить стоянку для автотранспортных средств инвалидов;",
  "обеспечить дублирование звуковой и зрительной информации, надписей знаками, выполненными рельефно-точечным шрифтом Брайля;",
  "организовать обучение работников по вопросам сопровождения инвалидов в помещениях организации;",
  "обеспечить техническую возможность выражения получателями услуг мнения о качестве условий оказания услуг;",
  "сократить время ожидания предоставления услуги, оптимизировать график приема;",
  "провести разъяснительную работу с персоналом по вопросам этики и деонтологии.",
];

export function proposalsBlocks(ctx: TextCtx, year: number, rows: ResultRow[]): DocBody["blocks"] {
  return [
    { t: "h", text: `Предложения об улучшении качества деятельности ${ctx.vocab.providersGen}` },
    {
      t: "p",
      text: `По итогам независимой оценки качества в ${year} году Общественный совет рекомендует организациям:`,
    },
    ...rows.slice(-3).flatMap((r) => [
      { t: "p" as const, text: `${r.org}:` },
      { t: "list" as const, items: ctx.rng.shuffle(PROPOSALS).slice(0, 3) },
    ]),
  ];
}

export function resultsBody(
  ctx: TextCtx,
  year: number,
  rows: ResultRow[],
  opts: { legacy: boolean; withProposals: boolean; approvedBy?: string },
): DocBody {
  const v = ctx.vocab;
  return {
    stamp: opts.approvedBy
      ? ["Приложение", "к протоколу заседания Общественного совета", opts.approvedBy]
      : undefined,
    title: opts.legacy ? "РЕЙТИНГ" : "РЕЗУЛЬТАТЫ",
    subtitle: opts.legacy
      ? `${v.providersGen} ${ctx.spec.region.genitive} по результатам ${v.r256Gen.replace(` ${v.providers}`, "")} в ${year} году`
      : `${v.gen} в ${year} году`,
    blocks: [
      {
        t: "table",
        head: resultsHead(opts.legacy),
        rows: resultsTable(rows, opts.legacy),
        widths: [0.03, 0.23, 0.12, 0.12, 0.12, 0.12, 0.12, 0.07, 0.07],
      },
      ...(opts.withProposals ? proposalsBlocks(ctx, year, rows) : []),
    ],
  };
}

export function proposalsBody(ctx: TextCtx, year: number, rows: ResultRow[]): DocBody {
  const [head, ...rest] = proposalsBlocks(ctx, year, rows);
  return {
    title: "ПРЕДЛОЖЕНИЯ",
    subtitle: `об улучшении качества деятельности ${ctx.vocab.providersGen} по результатам ${ctx.vocab.gen} в ${year} году`,
    blocks: head ? rest : [],
  };
}

export function plansBody(
  ctx: TextCtx,
  year: number,
  rows: ResultRow[],
  form: "plans" | "measures",
  date: string,
): DocBody {
  const v = ctx.vocab;
  if (form === "measures")
    return {
      title: "ИНФОРМАЦИЯ",
      subtitle: `о принятых мерах по результатам ${v.gen} в ${year} году`,
      blocks: [
        {
          t: "p",
          text: `Результаты независимой оценки качества рассмотрены на совещании в ${ctx.names.shortPrep} ${ruDate(date)}. Руководителям организаций поручено разработать и утвердить планы по устранению выявленных недостатков, результаты учтены при оценке эффективности деятельности руководителей.`,
        },
        {
          t: "table",
          head: ["Организация", "Принятые меры", "Срок", "Отметка о выполнении"],
          rows: rows
            .slice(-4)
            .map((r) => [
              r.org,
              ctx.rng
                .pick(PROPOSALS)
                .replace(
                  /^обеспечить|^оборудовать|^организовать|^провести|^сократить/,
                  (w) => `${w.slice(0, 1).toUpperCase()}${w.slice(1)}`,
                ),
              `до ${ruDate(`${year + 1}-06-30`)}`,
              ctx.rng.pick(["выполнено", "в работе", "выполнено частично"]),
            ]),
        },
      ],
    };
  return {
    stamp: ["УТВЕРЖДАЮ", ctx.names.headTitle, `${ctx.head.short}`, ruDate(date)],
    title: "ПЛАНЫ",
    subtitle: `по устранению недостатков, выявленных в ходе ${v.gen} в ${year} году`,
    blocks: rows.slice(-3).flatMap((r) => [
      { t: "h" as const, text: r.org },
      {
        t: "table" as const,
        head: [
          "Недостатки, выявленные в ходе независимой оценки качества",
          "Наименование мероприятия по устранению недостатков",
          "Плановый срок реализации",
          "Ответственный исполнитель",
          "Сведения о ходе реализации",
        ],
        rows: ctx.rng
          .shuffle(PROPOSALS)
          .slice(0, 2)
          .map((p) => [
            `Не обеспечено: ${p.replace(/^\S+\s/, "").replace(/;$|\.$/, "")}`,
            p.replace(/;$|\.$/, ""),
            ruDate(`${year + 1}-${ctx.rng.pick(["03", "06", "09", "12"])}-${ctx.rng.pick(["15", "30"])}`),
            "директор организации",
            ctx.rng.pick(["выполнено", "в процессе реализации"]),
          ]),
      },
    ]),
  };
}

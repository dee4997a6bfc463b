/**
 * НОКО — «независимая оценка качества образования» (273-ФЗ ст. 95): pupils' results and programmes.
 * Its documents read almost like NOK ones (lists, ratings, operator, recommendations) but must not count.
 */
import type { DocBody } from "../docs/body.ts";
import { institutions } from "../names.ts";
import type { TextCtx } from "./context.ts";
import { ruDate } from "./dates.ts";

export const NOKO_TITLE = "Независимая оценка качества образования";

export function nokoIntro(ctx: TextCtx): string[] {
  return [
    `Независимая оценка качества образования (НОКО) проводится в соответствии со статьей 95 Федерального закона от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации» в целях получения сведений об образовательной деятельности, о качестве подготовки обучающихся и реализации образовательных программ.`,
    `Региональным оператором оценочных процедур является ГАУ ДПО «Центр оценки качества образования ${ctx.spec.region.genitive}». В рамках НОКО проводятся всероссийские проверочные работы, региональные диагностические работы и мониторинг результатов государственной итоговой аттестации.`,
  ];
}

function nokoSchools(ctx: TextCtx) {
  return institutions(ctx.rng, "education", ctx.spec.region, 8).filter(
    (o) => !o.name.includes("Детский сад"),
  );
}

export function nokoListBody(ctx: TextCtx, year: number): DocBody {
  return {
    stamp: [
      "Приложение",
      `к приказу ${ctx.names.gen}`,
      `от ${ruDate(`${year - 1}-12-18`)} № ${ctx.rng.int(900, 1400)}`,
    ],
    title: "ПЕРЕЧЕНЬ",
    subtitle: `общеобразовательных организаций, в отношении которых проводится независимая оценка качества образования в ${year} году (региональные диагностические работы)`,
    blocks: [
      {
        t: "table",
        head: ["№", "Общеобразовательная организация", "Параллель", "Предмет"],
        rows: nokoSchools(ctx).map((o, i) => [
          String(i + 1),
          o.name,
          ctx.rng.pick(["5", "7", "8"]),
          ctx.rng.pick(["математика", "русский язык", "естественнонаучная грамотность"]),
        ]),
      },
    ],
  };
}

export function nokoResultsBody(ctx: TextCtx, year: number): DocBody {
  return {
    title: "РЕЗУЛЬТАТЫ",
    subtitle: `независимой оценки качества образования (НОКО) в ${year} году: рейтинг общеобразовательных организаций по итогам оценочных процедур`,
    blocks: [
      {
        t: "table",
        head: [
          "№",
          "Общеобразовательная организация",
          "Средний балл ВПР (математика)",
          "Средний балл ВПР (русский язык)",
          "Доля подтвердивших отметки, %",
          "Рейтинговый балл",
        ],
        rows: nokoSchools(ctx).map((o, i) => [
          String(i + 1),
          o.name,
          (ctx.rng.int(300, 470) / 100).toFixed(2),
          (ctx.rng.int(300, 470) / 100).toFixed(2),
          String(ctx.rng.int(55, 92)),
          String(ctx.rng.int(60, 98)),
        ]),
      },
    ],
  };
}

export function nokoRecommendationsBody(ctx: TextCtx, year: number): DocBody {
  return {
    title: "АДРЕСНЫЕ РЕКОМЕНДАЦИИ",
    subtitle: `по результатам независимой оценки качества образования в ${year} году`,
    blocks: [
      {
        t: "list",
        items: [
          "включить в планы методических объединений анализ типичных ошибок обучающихся по результатам ВПР;",
          "организовать курсы повышения квалификации учителей математики по формированию функциональной грамотности;",
          "обеспечить объективность проведения оценочных процедур, организовать общественное наблюдение;",
          "руководителям общеобразовательных организаций с признаками необъективных результатов провести внутренний аудит.",
        ],
      },
      {
        t: "p",
        text: `Рекомендации подготовлены ГАУ ДПО «Центр оценки качества образования ${ctx.spec.region.genitive}».`,
      },
    ],
  };
}

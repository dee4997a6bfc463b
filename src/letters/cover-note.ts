/**
 * The national cover note: the summary in the wording of the ministry's 2015 analysis (seed 001) — sections per
 * sphere, councils without NOK powers, what else is missing, what could not be checked — and the letters prepared.
 */
import type { Document, Paragraph } from "docx";
import {
  formatRegionWithSpheres,
  MINISTRY_SPHERE_ORDER,
  type NationalSummaryExt,
  type RegionSpheres,
  ruleOrder,
  SPHERE_IN_PHRASES,
  sortRules,
} from "../findings/index.ts";
import { ruleFailureTitle } from "../report/labels.ts";
import type { RunResult } from "../types/result.ts";
import { plural } from "../util/ru.ts";
import { blank, centred, item, letterDocument, para } from "./docx-parts.ts";
import { longDate, NBSP } from "./typography.ts";

const NOK = "authority/nok-section";
const POWERS = "authority/council-nok-powers";
const SUBJECTS_PREP = ["субъекте", "субъектах", "субъектах"] as const;
const SUBJECTS = ["субъект", "субъекта", "субъектов"] as const;

export interface CoverNoteLetter {
  code: string;
  name: string;
  gapCount: number;
}

/** Ministry list items: «Республика Калмыкия (здравоохранение, социальное обслуживание, спорт);», the last with «.». */
function ministryItems(entries: readonly { name: string; spheres: RegionSpheres["spheres"] }[]): Paragraph[] {
  return entries.map((e, i) =>
    item("·", `${formatRegionWithSpheres(e.name, e.spheres)}${i === entries.length - 1 ? "." : ";"}`),
  );
}

export function coverNote(run: RunResult, letters: readonly CoverNoteLetter[]): Document {
  const national = run.national as NationalSummaryExt | null;
  const body: Paragraph[] = [
    centred("СПРАВКА", { bold: true }),
    centred(
      "о результатах мониторинга официальных сайтов органов исполнительной власти субъектов Российской Федерации в части размещения информации о независимой оценке качества",
      { bold: true, after: 240 },
    ),
  ];
  const authorities = run.sites.filter((s) => s.kind === "authority");
  const regionsChecked = new Set(authorities.map((s) => s.region).filter(Boolean)).size;
  let n = 0;
  body.push(
    para(
      `${++n}. Минтрудом России проведён анализ сайтов органов исполнительной власти в части размещения информации о независимой оценке качества условий оказания услуг организациями социальной сферы (далее — НОК) по состоянию на ${longDate(run.asOf)} Проверено сайтов органов исполнительной власти: ${authorities.length} в ${regionsChecked}${NBSP}${plural(regionsChecked, SUBJECTS_PREP)} Российской Федерации.`,
    ),
  );
  if (national) {
    const spheres = MINISTRY_SPHERE_ORDER.filter((s) => {
      const c = national.bySphere[s]?.[NOK];
      return c !== undefined && c.pass + c.warn + c.fail + c.unknown > 0;
    });
    if (spheres.length) {
      body.push(
        para(`${++n}. Специальные разделы о независимой оценке качества созданы на официальных сайтах:`),
      );
      spheres.forEach((s, i) => {
        const k = national.bySphere[s]?.[NOK]?.pass ?? 0;
        body.push(
          item(
            "·",
            `${SPHERE_IN_PHRASES[s]} — в ${k}${NBSP}${plural(k, SUBJECTS_PREP)} Российской Федерации${i === spheres.length - 1 ? "." : ";"}`,
          ),
        );
      });
    }
    const powers = national.failing[POWERS] ?? [];
    if (powers.length) {
      body.push(
        para(
          `${++n}. Анализ положений об общественных советах показал, что в некоторых регионах полномочия по проведению НОК общественным советам не переданы. В размещённых на сайтах положениях об общественных советах нет позиций по проведению независимой оценки:`,
        ),
        ...ministryItems(powers),
      );
    }
    const order = ruleOrder(run.sites, run.rules ?? []);
    const others = sortRules(Object.keys(national.failing), order)
      .filter((rule) => rule !== POWERS && rule !== NOK)
      .map((rule) => [rule, national.failing[rule] ?? []] as const)
      .filter(([, list]) => list.length > 0);
    if (others.length) {
      body.push(para(`${++n}. На официальных сайтах органов исполнительной власти не размещены:`));
      for (const [rule, list] of others) {
        body.push(
          para(
            { text: `${ruleFailureTitle(run, rule)}`, bold: true },
            ` — ${list.length}${NBSP}${plural(list.length, SUBJECTS)}: `,
            list.map((e) => formatRegionWithSpheres(e.name, e.spheres)).join("; "),
            ".",
          ),
        );
      }
    }
    const unknownRegions = new Map<string, string>();
    for (const list of Object.values(national.unknown))
      for (const e of list) unknownRegions.set(e.code, e.name);
    if (unknownRegions.size) {
      body.push(
        para(
          `${++n}. Не удалось проверить (сайт недоступен, доступ заблокирован или проверка не завершена) часть сведений в ${unknownRegions.size}${NBSP}${plural(unknownRegions.size, SUBJECTS_PREP)}: ${[...unknownRegions.values()].join(", ")}. Нарушениями такие случаи не считаются; сайты будут проверены повторно.`,
        ),
      );
    }
  }
  const changes = run.compare?.changes ?? [];
  if (run.compare) {
    const count = (c: string) => changes.filter((x) => x.change === c).length;
    body.push(
      para(
        `${++n}. По сравнению с предыдущим мониторингом (по состоянию на ${longDate(run.compare.asOf)}): выявлено новых недостатков — ${count("new-gap")}, устранено — ${count("fixed")}, по-прежнему не размещено — ${count("still-missing")}.`,
      ),
    );
  }
  body.push(
    para(
      letters.length
        ? `${++n}. Подготовлены письма в ${letters.length}${NBSP}${plural(letters.length, SUBJECTS)} Российской Федерации с перечнем недостатков по каждой сфере:`
        : `${++n}. Недостатков, требующих направления писем в субъекты Российской Федерации, не выявлено.`,
    ),
    ...letters.map((l, i) =>
      item(
        "·",
        `${l.name} — ${l.gapCount}${NBSP}${plural(l.gapCount, ["позиция", "позиции", "позиций"])}${i === letters.length - 1 ? "." : ";"}`,
      ),
    ),
    blank(),
  );
  return letterDocument("Справка о результатах мониторинга официальных сайтов (НОК)", body, {
    description: `Прогон ${run.runId}, по состоянию на ${run.asOf}`,
  });
}

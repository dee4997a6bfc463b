/** One region's letter: the monitoring, what is missing per sphere, what could not be checked, the request. */
import type { Document, Paragraph, Table } from "docx";
import { SPHERE_IN_PHRASES } from "../findings/sphere-names.ts";
import { capitalize } from "../report/format.ts";
import { plural } from "../util/ru.ts";
import { blank, detail, heading, item, letterDocument, line, para, twoColumns } from "./docx-parts.ts";
import { addresseeBlock, senderBlock } from "./letterhead.ts";
import type { LetterSphere, LetterUnchecked, RegionLetterModel } from "./region-letter-model.ts";
import { longDate, NBSP } from "./typography.ts";

export interface LetterOptions {
  /** Date (YYYY-MM-DD) by which the region is asked to answer. */
  deadline: string;
  /** The region's addressee from registry/regions.yaml (lines separated by "\n"), if any. */
  addressee?: string;
}

export const MONITORING_SUBJECT = "О результатах мониторинга официальных сайтов";

/** Builds the DOCX of one region's letter. */
export function regionLetter(model: RegionLetterModel, opts: LetterOptions): Document {
  const body: (Paragraph | Table)[] = [
    twoColumns(senderBlock(), addresseeBlock(model.name, opts.addressee), 0.5),
    blank(),
    line(MONITORING_SUBJECT, { size: 24 }),
    blank(),
    para(
      "Министерством труда и социальной защиты Российской Федерации проведён мониторинг официальных сайтов органов исполнительной власти субъектов Российской Федерации в информационно-телекоммуникационной сети «Интернет» в части размещения информации о независимой оценке качества условий оказания услуг организациями в сфере культуры, охраны здоровья, образования и социального обслуживания (далее — независимая оценка качества) по состоянию на ",
      `${longDate(model.asOf)}`,
    ),
    para(
      `По результатам мониторинга на официальных сайтах органов исполнительной власти субъекта Российской Федерации (${model.name}) и подведомственных им организаций не размещена информация, необходимая для проведения независимой оценки качества, — ${model.gapCount}${NBSP}${plural(model.gapCount, ["позиция", "позиции", "позиций"])}. По каждой позиции указаны сайт и адреса страниц, просмотренных при проверке.`,
    ),
  ];
  model.spheres.forEach((sphere, i) => {
    body.push(...sphereBlock(sphere, i + 1));
  });
  if (model.unchecked.length) body.push(...uncheckedBlock(model.unchecked));
  body.push(
    blank(),
    para(
      "Прошу обеспечить размещение указанной информации на официальных сайтах в сети «Интернет» и о принятых мерах проинформировать Минтруд России до ",
      // longDate() ends with «г.», which also ends the sentence.
      { text: longDate(opts.deadline), bold: true },
    ),
    para(
      "Если информация размещена, но не была найдена при мониторинге, прошу сообщить адрес страницы (документа) в сети «Интернет»: сайт будет проверен повторно с этой страницы, и результат повторной проверки будет учтён.",
    ),
    blank(),
    blank(),
    twoColumns([line("[Должность]")], [line("[И.О.\u00a0Фамилия]", { align: "left" })], 0.6),
    blank(),
    blank(),
    line("Исп.: [Фамилия Имя Отчество]", { size: 20 }),
    line("тел.: [номер телефона]", { size: 20 }),
  );
  return letterDocument(`${MONITORING_SUBJECT} — ${model.name}`, body, {
    description: `Прогон ${model.runId}, по состоянию на ${model.asOf}`,
  });
}

function sphereBlock(sphere: LetterSphere, n: number): Paragraph[] {
  const out: Paragraph[] = [
    heading(`${n}. ${sphere.sphere ? capitalize(SPHERE_IN_PHRASES[sphere.sphere]) : "Прочие сайты"}`),
  ];
  let k = 0;
  for (const authority of sphere.authorities) {
    if (!authority.gaps.length && !authority.stale.length) continue;
    out.push(
      para(
        "Официальный сайт органа исполнительной власти: ",
        authority.name ? `${authority.name}, ` : "",
        { text: authority.url, italic: true },
        ".",
      ),
    );
    if (authority.gaps.length) out.push(para("Не размещено:"));
    for (const gap of authority.gaps) {
      k++;
      out.push(item(`${n}.${k}.`, `${gap.title}.`));
      out.push(detail(gap.message));
      out.push(detail({ text: "Просмотрено: ", italic: true }, gap.urls.join("; ")));
    }
    if (authority.stale.length) {
      out.push(para("Размещено, но требует обновления или дополнения:"));
      for (const gap of authority.stale) {
        k++;
        out.push(item(`${n}.${k}.`, `${gap.title}.`));
        out.push(detail(gap.message));
        out.push(detail({ text: "Найдено: ", italic: true }, gap.urls.join("; ")));
      }
    }
  }
  if (sphere.institutions.length) {
    out.push(para("Сайты организаций и сведения на официальном сайте bus.gov.ru:"));
    for (const group of sphere.institutions) {
      k++;
      const count = group.sites.length;
      out.push(
        item(
          `${n}.${k}.`,
          `${group.title} — ${count}${NBSP}${plural(count, ["организация", "организации", "организаций"])}:`,
        ),
      );
      for (const site of group.sites) {
        out.push(detail(`— ${site.name ?? site.url}`, site.name ? `, ${site.url}` : "", ";"));
      }
    }
  }
  return out;
}

function uncheckedBlock(list: readonly LetterUnchecked[]): Paragraph[] {
  const out: Paragraph[] = [
    heading("Не удалось проверить"),
    para(
      "Следующие сведения не удалось проверить; недостатками они не считаются и будут проверены при следующем мониторинге:",
    ),
  ];
  for (const entry of list) {
    const where = `${entry.sphere ? `${capitalize(SPHERE_IN_PHRASES[entry.sphere])}: ` : ""}${entry.name ? `${entry.name}, ` : ""}${entry.url}`;
    if (entry.siteReason) {
      out.push(item("—", `${where} — ${entry.siteReason}; не проверено требований: ${entry.rules.length}.`));
      continue;
    }
    out.push(item("—", `${where}:`));
    for (const r of entry.rules) out.push(detail(`${r.title} — ${r.reason}`));
  }
  return out;
}

/** One raw row → a RegistrySite, or the reasons it cannot be one (errors drop the row, warnings keep it). */
import {
  FIELD_TITLES,
  type Field,
  KIND_TITLES,
  parseKind,
  parseRender,
  parseSphere,
  SPHERE_TITLES,
} from "./fields.ts";
import { isValidInn } from "./inn.ts";
import type { RawRow } from "./raw-row.ts";
import type { RegionLookup } from "./region-lookup.ts";
import { type RegistryIssue, type RegistrySite, RegistrySiteSchema } from "./schema.ts";
import { parseSiteUrl } from "./site-url.ts";

export interface RowResult {
  site: RegistrySite | null;
  issues: RegistryIssue[];
}

const SPHERE_LIST = Object.values(SPHERE_TITLES)
  .map((t) => `«${t}»`)
  .join(", ");

/** ИНН cell → digits. Excel stores 0105… as the number 105…: a missing leading zero is restored if the checksum agrees. */
function parseInn(text: string, numeric: boolean): { inn?: string; error?: string; warning?: string } {
  const digits = text.replace(/[\s\u00a0-]/g, "");
  if (!/^\d+$/.test(digits)) return { error: `ИНН «${text}» должен состоять из цифр` };
  if (digits.length === 9 || digits.length === 11) {
    const padded = `0${digits}`;
    if (isValidInn(padded)) {
      return {
        inn: padded,
        warning: `ИНН ${digits} записан ${numeric ? "числом" : "без ведущего нуля"}: восстановлен ${padded} (храните ИНН как текст)`,
      };
    }
  }
  if (digits.length !== 10 && digits.length !== 12) {
    return {
      error: `ИНН ${digits}: должно быть 10 цифр (организация) или 12 (физическое лицо), а не ${digits.length}`,
    };
  }
  if (!isValidInn(digits)) return { error: `ИНН ${digits}: неверная контрольная сумма (опечатка?)` };
  return { inn: digits };
}

/** bus.gov.ru agency id: digits; a pasted card link (…/agency/123456) yields its number. */
function parseBusgovId(text: string): { id?: string; error?: string; warning?: string } {
  if (/^\d+$/.test(text)) return { id: text };
  const fromLink = /bus\.gov\.ru\/\S*?(\d{3,})\D*$/i.exec(text);
  if (fromLink?.[1])
    return { id: fromLink[1], warning: `Из ссылки взят идентификатор bus.gov.ru ${fromLink[1]}` };
  return { error: `ID bus.gov.ru «${text}» должен состоять из цифр` };
}

export function validateRow(raw: RawRow, regions: RegionLookup): RowResult {
  const issues: RegistryIssue[] = [];
  const report = (severity: "error" | "warning", field: Field | null, message: string) => {
    const cell = field ? raw.cells[field] : undefined;
    issues.push({
      file: raw.file,
      line: cell?.line ?? raw.line,
      row: raw.row,
      ...(field ? { column: cell?.column ?? FIELD_TITLES[field] } : {}),
      message,
      severity,
    });
  };
  const text = (field: Field) => raw.cells[field]?.text ?? "";

  let region: string | undefined;
  if (!text("region")) report("error", "region", "Не указан регион (код или наименование субъекта)");
  else {
    const found = regions.resolve(text("region"));
    if (found) region = found.code;
    else
      report(
        "error",
        "region",
        `Неизвестный регион «${text("region")}»: укажите код (например, 71) или наименование субъекта`,
      );
  }

  const sphere = text("sphere") ? parseSphere(text("sphere")) : null;
  if (!text("sphere")) report("error", "sphere", `Не указана сфера (${SPHERE_LIST})`);
  else if (!sphere)
    report("error", "sphere", `Неизвестная сфера «${text("sphere")}»: допустимо ${SPHERE_LIST}`);

  let kind = text("kind") ? parseKind(text("kind")) : null;
  if (text("kind") && !kind) {
    report(
      "error",
      "kind",
      `Неизвестный вид «${text("kind")}»: «${KIND_TITLES.authority}» или «${KIND_TITLES.institution}»`,
    );
  } else if (!text("kind")) {
    // A list of institutions often has no "Вид" column; an ИНН or bus.gov.ru id says which it is.
    if (text("inn") || text("busgovId")) {
      kind = "institution";
      report(
        "warning",
        "kind",
        `Не указан вид: считается «${KIND_TITLES.institution}» (указан ИНН или ID bus.gov.ru)`,
      );
    } else
      report("error", "kind", `Не указан вид: «${KIND_TITLES.authority}» или «${KIND_TITLES.institution}»`);
  }

  let url: string | undefined;
  const urlCell = raw.cells.url;
  // An Excel hyperlink titled «Сайт министерства» carries the address in its target.
  const urlText =
    urlCell && !/[./]/.test(urlCell.text) && urlCell.hyperlink ? urlCell.hyperlink : (urlCell?.text ?? "");
  const parsedUrl = parseSiteUrl(urlText);
  if (!parsedUrl.ok) report("error", "url", `Сайт: ${parsedUrl.reason}`);
  else {
    url = parsedUrl.url;
    if (parsedUrl.addedScheme) report("warning", "url", `В адресе сайта нет протокола: используется ${url}`);
  }

  let inn: string | undefined;
  if (text("inn")) {
    const r = parseInn(text("inn"), raw.cells.inn?.numeric ?? false);
    if (r.error) report("error", "inn", r.error);
    if (r.warning) report("warning", "inn", r.warning);
    inn = r.inn;
  }

  let busgovId: string | undefined;
  if (text("busgovId")) {
    const r = parseBusgovId(text("busgovId"));
    if (r.error) report("error", "busgovId", r.error);
    if (r.warning) report("warning", "busgovId", r.warning);
    busgovId = r.id;
  }

  const render = text("render") ? parseRender(text("render")) : undefined;
  if (render === null)
    report("error", "render", `Неизвестное значение «${text("render")}»: «авто», «всегда» или «никогда»`);

  let name = text("name");
  if (!name && kind === "institution") report("error", "name", "Не указано наименование учреждения");

  if (issues.some((i) => i.severity === "error") || !region || !sphere || !kind || !url) {
    return { site: null, issues };
  }
  if (!name) name = `Орган власти: ${SPHERE_TITLES[sphere]}, ${regions.byCode(region)?.name ?? region}`;
  const site: RegistrySite = {
    kind,
    region,
    sphere,
    name,
    url,
    ...(inn ? { inn } : {}),
    ...(busgovId ? { busgovId } : {}),
    ...(render ? { render } : {}),
  };
  // The schema is the published contract: a row our parsers let through must still satisfy it.
  const checked = RegistrySiteSchema.safeParse(site);
  if (!checked.success) {
    report(
      "error",
      null,
      `Строка не прошла проверку схемы: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
    return { site: null, issues };
  }
  return { site: checked.data, issues };
}

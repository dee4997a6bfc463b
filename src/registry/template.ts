/** Templates for the people who keep the lists: the same columns and two example rows as CSV, YAML and XLSX. */
import ExcelJS from "exceljs";
import { stringify } from "yaml";
import { FIELD_TITLES, type Field, KIND_TITLES, SPHERE_TITLES } from "./fields.ts";
import type { RegionInfo } from "./schema.ts";

/** Column order of the templates. "Рендеринг" is accepted by the loaders but left out: few users need it. */
export const TEMPLATE_FIELDS: readonly Field[] = [
  "kind",
  "region",
  "sphere",
  "name",
  "url",
  "inn",
  "busgovId",
];

/** Example rows, in the words users type (Russian values); both load without errors or warnings. */
export const TEMPLATE_ROWS: readonly Partial<Record<Field, string>>[] = [
  {
    kind: KIND_TITLES.authority,
    region: "71",
    sphere: SPHERE_TITLES.health,
    name: "Министерство здравоохранения Тульской области",
    url: "https://minzdrav.tularegion.ru",
  },
  {
    kind: KIND_TITLES.institution,
    region: "Тульская область",
    sphere: SPHERE_TITLES.social,
    name: "ГУ ТО «Комплексный центр социального обслуживания населения № 1» (пример)",
    url: "https://kcson1.tula.example",
    // Made-up number with a valid checksum.
    inn: "7107012347",
    busgovId: "123456",
  },
];

const HINTS: Record<Field, string> = {
  kind: `«${KIND_TITLES.authority}» (сайт органа власти в сфере) или «${KIND_TITLES.institution}»`,
  region: "код субъекта (71) или наименование (Тульская область)",
  sphere: Object.values(SPHERE_TITLES).join(", "),
  name: "полное наименование органа или учреждения",
  url: "адрес официального сайта, с https://",
  inn: "10 цифр (для учреждений; храните как текст, чтобы не терялся ведущий 0)",
  busgovId: "номер карточки учреждения на bus.gov.ru (если известен)",
  render: "авто, всегда или никогда: открывать ли страницы в браузере",
};

function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** UTF-8 with BOM, ";"-separated, CRLF: what Excel in Russian opens correctly by double-click. */
export function templateCsv(): string {
  const lines = [TEMPLATE_FIELDS.map((f) => FIELD_TITLES[f])];
  for (const row of TEMPLATE_ROWS) lines.push(TEMPLATE_FIELDS.map((f) => row[f] ?? ""));
  return `\ufeff${lines.map((cells) => cells.map(csvCell).join(";")).join("\r\n")}\r\n`;
}

export function templateYaml(): string {
  const header = [
    "# Реестр сайтов nok-monitor: шаблон.",
    "# Каждая запись списка sites — один сайт. Поля:",
    ...[...TEMPLATE_FIELDS, "render" as const].map((f) => `#   ${f} (${FIELD_TITLES[f]}): ${HINTS[f]}`),
    "# Можно писать значения по-русски (как ниже) или кодами: kind: authority|institution,",
    "# sphere: social|health|culture|education|sport.",
    "",
  ].join("\n");
  const sites = TEMPLATE_ROWS.map((row) =>
    Object.fromEntries(TEMPLATE_FIELDS.filter((f) => row[f]).map((f) => [f, row[f]])),
  );
  return `${header}${stringify({ sites }, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN" })}`;
}

const DATA_ROWS = 1000;

/** Build the XLSX template: sheet «Сайты» with drop-down lists, a «Регионы» reference sheet, and instructions. */
export function templateWorkbook(regions: readonly RegionInfo[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "nok-monitor";
  // Fixed dates keep the generated file stable between runs.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;

  const sites = wb.addWorksheet("Сайты", { views: [{ state: "frozen", ySplit: 1 }] });
  sites.columns = TEMPLATE_FIELDS.map((f) => ({
    header: FIELD_TITLES[f],
    key: f,
    width: f === "name" ? 60 : f === "url" ? 38 : f === "sphere" ? 26 : 18,
    // Text format: Excel would otherwise turn 0105001234 into 105001234 and 01 into 1.
    style: f === "inn" || f === "busgovId" || f === "region" ? { numFmt: "@" } : {},
  }));
  const head = sites.getRow(1);
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  TEMPLATE_FIELDS.forEach((f, i) => {
    head.getCell(i + 1).note = HINTS[f];
  });
  for (const row of TEMPLATE_ROWS)
    sites.addRow(Object.fromEntries(TEMPLATE_FIELDS.map((f) => [f, row[f] ?? ""])));

  const list = (values: string[]) => `"${values.join(",")}"`;
  const column = (f: Field) => TEMPLATE_FIELDS.indexOf(f) + 1;
  for (let r = 2; r <= DATA_ROWS; r++) {
    sites.getCell(r, column("kind")).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [list(Object.values(KIND_TITLES))],
      showErrorMessage: true,
      errorTitle: "Вид",
      error: "Выберите из списка",
    };
    sites.getCell(r, column("sphere")).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [list(Object.values(SPHERE_TITLES))],
      showErrorMessage: true,
      errorTitle: "Сфера",
      error: "Выберите из списка",
    };
    // A hint list only: a code typed by hand is fine too, so no error message.
    sites.getCell(r, column("region")).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`'Регионы'!$B$2:$B$${regions.length + 1}`],
      showErrorMessage: false,
    };
  }

  const ref = wb.addWorksheet("Регионы", { views: [{ state: "frozen", ySplit: 1 }] });
  ref.columns = [
    { header: "Код", key: "code", width: 8, style: { numFmt: "@" } },
    { header: "Наименование", key: "name", width: 48 },
    { header: "Кратко", key: "short", width: 24 },
    { header: "Федеральный округ", key: "district", width: 18 },
  ];
  ref.getRow(1).font = { bold: true };
  for (const r of regions) ref.addRow({ code: r.code, name: r.name, short: r.short, district: r.district });

  const help = wb.addWorksheet("Как заполнять");
  help.getColumn(1).width = 20;
  help.getColumn(2).width = 100;
  help.addRow(["Столбец", "Что писать"]).font = { bold: true };
  for (const f of [...TEMPLATE_FIELDS, "render" as const]) help.addRow([FIELD_TITLES[f], HINTS[f]]);
  help.addRow([]);
  help.addRow(["", "Одна строка — один сайт. Сайт органа власти указывается один раз на регион и сферу."]);
  help.addRow(["", "Файл можно сохранить и как CSV (UTF-8 или «CSV (разделители — точка с запятой)»)."]);
  return wb;
}

export async function writeTemplateXlsx(file: string, regions: readonly RegionInfo[]): Promise<void> {
  await templateWorkbook(regions).xlsx.writeFile(file);
}

/**
 * Builds open-data fixtures in the structure of bus.gov.ru's «Общая информация об учреждениях»
 * (namespace http://bus.gov.ru/external/1, one institution per body/position; see
 * src/registry/busgov/position.ts for where the structure is known from). Zips are made with jszip.
 */
import JSZip from "jszip";
import { withInnChecksum } from "../../src/registry/inn.ts";

export interface FixturePosition {
  inn?: string;
  kpp?: string;
  fullName?: string;
  okvedMain?: string;
  okvedOther?: string[];
  institutionType?: string;
  founder?: string;
  subjectCode?: string;
  subjectName?: string;
  www?: string;
  /** Raw text inserted inside <main> (to break the XML on purpose). */
  rawMain?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const el = (name: string, v: string | undefined) => (v === undefined ? "" : `<${name}>${esc(v)}</${name}>`);

export function positionXml(p: FixturePosition, n: number): string {
  const okved = [
    ...(p.okvedMain
      ? [`<okved><code>${p.okvedMain}</code><name>Вид деятельности</name><type>C</type></okved>`]
      : []),
    ...(p.okvedOther ?? []).map((c) => `<okved><code>${c}</code><name>Доп. вид</name><type>S</type></okved>`),
  ].join("");
  return `<ns2:position>
<positionId>${n}</positionId><changeDate>2026-01-15T10:00:00</changeDate>
<initiator>${el("regNum", `71${String(n).padStart(6, "0")}`)}${el("fullName", p.fullName)}${el("inn", p.inn)}${el("kpp", p.kpp)}</initiator>
<versionNumber>1</versionNumber>
<main>${el("shortName", p.fullName)}<ogrn>1027100000000</ogrn><orgType>03</orgType>
<classifier><okfs><code>14</code><name>Собственность субъектов РФ</name></okfs>${okved}</classifier>
<complexAddress><address><zip>300000</zip><subject>${el("code", p.subjectCode)}${el("name", p.subjectName)}</subject><locality><name>Тула</name></locality></address></complexAddress>${p.rawMain ?? ""}</main>
<additional><institutionType><code>03</code>${el("name", p.institutionType ?? "Бюджетное учреждение")}</institutionType><ppo><name>Тульская область</name></ppo><phone>+7 4872 000000</phone>${el("www", p.www)}<eMail>info@example.test</eMail></additional>
<other><chief><lastName>Иванова</lastName><firstName>Мария</firstName><position>Директор</position></chief>${p.founder ? `<founder><regNum>71000001</regNum>${el("fullName", p.founder)}</founder>` : ""}</other>
</ns2:position>`;
}

export function documentXml(positions: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ns2:generalInfo xmlns="http://bus.gov.ru/types/1" xmlns:ns2="http://bus.gov.ru/external/1">
<header><id>00000000-0000-0000-0000-000000000001</id><createDateTime>2026-01-15T10:00:00</createDateTime></header>
<ns2:body>
${positions.join("\n")}
</ns2:body>
</ns2:generalInfo>
`;
}

/** A valid Tula institution of the given sphere's main OKVED, with a distinct INN. */
export function typical(n: number, okvedMain = "85.14"): FixturePosition {
  return {
    inn: withInnChecksum(`71${String(100_000 + n).padStart(7, "0")}`),
    kpp: "710701001",
    fullName: `Государственное учреждение Тульской области № ${n}`,
    okvedMain,
    subjectCode: "7100000000000",
    subjectName: "Тульская область",
    www: `school${n}.tula.example`,
  };
}

export async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

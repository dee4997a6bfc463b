/**
 * One institution of the bus.gov.ru open-data set «Общая информация об учреждениях»
 * (7710568760-Generalinformation), reduced to what a registry row needs. Both readers (XML and the
 * paged JSON) feed the same path-based collector, so the two forms cannot drift apart.
 *
 * Element names come from the dataset's structure (namespace http://bus.gov.ru/external/1, one
 * institution per body/position) as public import scripts read it: initiator{regNum, fullName, inn, kpp},
 * main{shortName, ogrn, classifier{okved[]{code, name, type}}, complexAddress{address{subject{code, name}}}},
 * additional{institutionType{code, name}, www, activity[]{okved{code, type}}}, other{founder[]{fullName}}.
 * okved type "C" marks the main activity in those scripts.
 */

export interface Okved {
  code: string;
  /** "C" — main activity; anything else — additional. */
  type?: string;
}

export interface BusgovPosition {
  /** "archive.zip/part1.xml" or "page-3.json": where a person finds the position. */
  source: string;
  /** 1-based line of `<position>` in the XML; for JSON, the item's number in `content`. */
  line: number;
  /** True when the position comes from JSON, so messages say «запись» rather than «строка». */
  json: boolean;
  positionId?: string;
  regNum?: string;
  fullName?: string;
  shortName?: string;
  inn?: string;
  kpp?: string;
  okved: Okved[];
  institutionType?: string;
  founders: string[];
  subjectCode?: string;
  subjectName?: string;
  www?: string;
  /** A parse problem met inside the position (the rest of it may be incomplete). */
  broken?: string;
}

export function emptyPosition(source: string, line: number, json: boolean): BusgovPosition {
  return { source, line, json, okved: [], founders: [] };
}

/**
 * Paths below `position` (local names, namespace prefixes dropped) and what they set. Arrays
 * (okved, founder) start a new element when their parent opens: see `openElement`.
 */
const FIELDS: Record<string, (p: BusgovPosition, v: string) => void> = {
  positionId: (p, v) => {
    p.positionId = v;
  },
  "initiator/regNum": (p, v) => {
    p.regNum = v;
  },
  "initiator/fullName": (p, v) => {
    p.fullName = v;
  },
  "initiator/inn": (p, v) => {
    p.inn = v;
  },
  "initiator/kpp": (p, v) => {
    p.kpp = v;
  },
  "main/shortName": (p, v) => {
    p.shortName = v;
  },
  "main/classifier/okved/code": okvedField("code"),
  "main/classifier/okved/type": okvedField("type"),
  "additional/activity/okved/code": okvedField("code"),
  "additional/activity/okved/type": okvedField("type"),
  "main/complexAddress/address/subject/code": (p, v) => {
    p.subjectCode = v;
  },
  "main/complexAddress/address/subject/name": (p, v) => {
    p.subjectName = v;
  },
  "additional/institutionType/name": (p, v) => {
    p.institutionType = v;
  },
  "additional/www": (p, v) => {
    p.www = v;
  },
  "other/founder/fullName": (p, v) => {
    p.founders.push(v);
  },
};

/** Sets a field of the okved element being read (opened by `openElement`). */
function okvedField(key: "code" | "type") {
  return (p: BusgovPosition, v: string) => {
    const o = p.okved.at(-1) ?? pushOkved(p);
    o[key] = v;
  };
}

function pushOkved(p: BusgovPosition): Okved {
  const o: Okved = { code: "" };
  p.okved.push(o);
  return o;
}

/** Called when an element opens at `path` (relative to position): starts array items. */
export function openElement(p: BusgovPosition, path: string): void {
  if (path === "main/classifier/okved" || path === "additional/activity/okved") pushOkved(p);
}

/** Called with an element's trimmed text at `path` (relative to position). */
export function setField(p: BusgovPosition, path: string, value: string): void {
  if (!value) return;
  FIELDS[path]?.(p, value);
}

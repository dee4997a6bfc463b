import iconv from "iconv-lite";
import type { ExtractLimits } from "../limits.ts";
import { asBuffer, type DocumentText, guarded, tidyDocumentText } from "./guard.ts";

/**
 * RTF → text, hand-written: npm has no maintained general RTF-to-text reader (rtf-stream-parser only
 * de-encapsulates Outlook's \fromtext/\fromhtml RTF, rtf-parser is unmaintained, officeparser drags in
 * tesseract.js and a second pdf.js). Handles groups, control words, `\'xx` bytes in the font's or the
 * document's code page (\fcharset / \cpg / \ansicpg — usually 1251), `\uN` with its `\ucN` fallback skipping,
 * `\bin`, and skips non-text destinations (\fonttbl, \colortbl, \stylesheet, \pict, \*\…, field instructions).
 */
export function extractRtf(bytes: Uint8Array, limits?: Partial<ExtractLimits>): Promise<DocumentText> {
  return guarded("RTF", bytes, limits, async (l) => {
    const head = asBuffer(bytes.subarray(0, 5)).toString("latin1");
    if (head !== "{\\rtf") return { text: "", meta: { error: "RTF: файл не начинается с {\\rtf" } };
    const { text, title } = rtfToText(asBuffer(bytes).toString("latin1"), l.maxTextChars);
    return { text: tidyDocumentText(text), meta: {}, ...(title ? { title } : {}) };
  });
}

interface State {
  /** Text here is not output (font table, pictures, ignorable destinations). */
  skip: boolean;
  /** Characters to skip after \uN. */
  uc: number;
  font: number | null;
  dest: "body" | "title" | "fonttbl";
}

/** Destinations without readable text. */
const SKIP_DESTINATIONS = new Set([
  "colortbl",
  "stylesheet",
  "pict",
  "objdata",
  "themedata",
  "colorschememapping",
  "datastore",
  "latentstyles",
  "listtable",
  "listoverridetable",
  "rsidtbl",
  "generator",
  "xmlnstbl",
  "mmathPr",
  "pgdsctbl",
  "fldinst",
  "bkmkstart",
  "bkmkend",
  "nonshppict",
  "filetbl",
  "revtbl",
  "pnseclvl",
  "xe",
  "tc",
  "author",
  "operator",
  "company",
  "category",
  "keywords",
  "comment",
  "doccomm",
  "subject",
  "manager",
  "hlinkbase",
  "userprops",
  "template",
  "sp",
  "sn",
  "sv",
  "atnid",
  "atnauthor",
  "annotation",
  "protusertbl",
  "wgrffmtfilter",
  "blipuid",
  "passwordhash",
  "docvar",
  "listpicture",
  "pn",
  "pntext",
  "pntxta",
  "pntxtb",
  "ftnsep",
  "ftnsepc",
  "aftnsep",
  "aftnsepc",
  "printim",
  "creatim",
  "revtim",
  "buptim",
  "fchars",
  "lchars",
  "mhtmltag",
  "htmltag",
  "factoidname",
]);

const SPECIAL: Record<string, string> = {
  par: "\n",
  line: "\n",
  sect: "\n",
  page: "\n",
  row: "\n",
  cell: "\t",
  nestcell: "\t",
  tab: "\t",
  emdash: "—",
  endash: "–",
  emspace: " ",
  enspace: " ",
  qmspace: " ",
  bullet: "•",
  lquote: "‘",
  rquote: "’",
  ldblquote: "“",
  rdblquote: "”",
};

/** \fcharset → Windows code page. */
const CHARSET_CP: Record<number, number> = {
  77: 10000,
  128: 932,
  129: 949,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  163: 1258,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  222: 874,
  238: 1250,
  255: 437,
};

export function rtfToText(src: string, maxChars = Number.POSITIVE_INFINITY): { text: string; title: string } {
  let ansiCp = 1252;
  const fontCp = new Map<number, number>();
  let fontDef: number | null = null;
  let state: State = { skip: false, uc: 1, font: null, dest: "body" };
  const stack: State[] = [];
  const body: string[] = [];
  const title: string[] = [];
  let bodyLength = 0;
  let bytes: number[] = [];
  let bytesCp = ansiCp;
  let pendingSkip = 0;
  /** The next control word opens a destination (after `{` or `{\*`). */
  let groupStart = false;
  let ignorable = false;

  const sink = (): string[] | null =>
    state.skip || state.dest === "fonttbl" ? null : state.dest === "title" ? title : body;
  const currentCp = (): number => (state.font !== null ? fontCp.get(state.font) : undefined) ?? ansiCp;
  const flush = (): void => {
    if (bytes.length === 0) return;
    const out = sink();
    if (out) {
      const s = decodeCp(bytes, bytesCp);
      out.push(s);
      if (out === body) bodyLength += s.length;
    }
    bytes = [];
  };
  const emit = (s: string): void => {
    flush();
    const out = sink();
    if (out) {
      out.push(s);
      if (out === body) bodyLength += s.length;
    }
  };
  const emitByte = (b: number): void => {
    const cp = currentCp();
    if (bytes.length && cp !== bytesCp) flush();
    bytesCp = cp;
    bytes.push(b);
  };

  const n = src.length;
  let i = 0;
  while (i < n && bodyLength < maxChars) {
    const ch = src[i]!;
    if (ch === "{") {
      flush();
      stack.push(state);
      state = { ...state };
      groupStart = true;
      ignorable = false;
      i++;
      continue;
    }
    if (ch === "}") {
      flush();
      state = stack.pop() ?? state;
      groupStart = false;
      pendingSkip = 0;
      i++;
      continue;
    }
    if (ch === "\\") {
      const next = src[i + 1] ?? "";
      if (/[a-zA-Z]/.test(next)) {
        const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i + 1, i + 48));
        const word = m?.[1] ?? next;
        const param = m?.[2] !== undefined ? Number(m[2]) : null;
        i += 1 + (m?.[0].length ?? 1);
        const opensGroup = groupStart;
        groupStart = false;
        if (word === "bin" && param !== null) {
          flush();
          i += Math.max(0, param);
          continue;
        }
        if (opensGroup && (ignorable || SKIP_DESTINATIONS.has(word))) {
          flush();
          state.skip = true;
        }
        ignorable = false;
        if (word === "u" && param !== null) {
          emit(String.fromCharCode(param < 0 ? param + 65536 : param));
          pendingSkip = state.uc;
          continue;
        }
        if (pendingSkip > 0) pendingSkip = 0;
        switch (word) {
          case "ansicpg":
            if (param !== null) ansiCp = param;
            break;
          case "uc":
            if (param !== null) state.uc = Math.max(0, param);
            break;
          case "fonttbl":
            flush();
            state.dest = "fonttbl";
            break;
          case "title":
            flush();
            state.dest = "title";
            break;
          case "f":
            if (param === null) break;
            if (state.dest === "fonttbl") fontDef = param;
            else {
              flush();
              state.font = param;
            }
            break;
          case "fcharset":
            if (state.dest === "fonttbl" && fontDef !== null && param !== null) {
              const cp = CHARSET_CP[param];
              if (cp && !fontCp.has(fontDef)) fontCp.set(fontDef, cp);
            }
            break;
          case "cpg":
            if (state.dest === "fonttbl" && fontDef !== null && param !== null) fontCp.set(fontDef, param);
            break;
          default: {
            const special = SPECIAL[word];
            if (special !== undefined) emit(special);
          }
        }
        continue;
      }
      // Control symbols.
      i += 2;
      if (next === "*") {
        ignorable = true;
        continue;
      }
      groupStart = false;
      if (next === "'") {
        const b = Number.parseInt(src.slice(i, i + 2), 16);
        i += 2;
        if (pendingSkip > 0) {
          pendingSkip--;
          continue;
        }
        if (!Number.isNaN(b)) emitByte(b);
        continue;
      }
      if (pendingSkip > 0) {
        pendingSkip--;
        continue;
      }
      if (next === "~") emit("\u00a0");
      else if (next === "_") emit("-");
      else if (next === "\n" || next === "\r") emit("\n");
      else if (next === "\\" || next === "{" || next === "}") emitByte(next.charCodeAt(0));
      // \- (optional hyphen), \| and others: nothing to show.
      continue;
    }
    i++;
    if (ch === "\n" || ch === "\r") continue;
    groupStart = false;
    if (pendingSkip > 0) {
      pendingSkip--;
      continue;
    }
    emitByte(ch.charCodeAt(0));
  }
  flush();
  return { text: body.join(""), title: title.join("").replace(/\s+/g, " ").trim() };
}

function decodeCp(bytes: number[], cp: number): string {
  const buf = Buffer.from(bytes);
  const name = cp === 10007 ? "maccyrillic" : cp === 10000 ? "macintosh" : `cp${cp}`;
  try {
    if (iconv.encodingExists(name)) return iconv.decode(buf, name);
  } catch {
    // Fall through to latin1: garbled beats lost.
  }
  return buf.toString("latin1");
}

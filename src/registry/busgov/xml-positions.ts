/**
 * Streams `body/position` elements out of an open-data XML file. The text is cut into positions first
 * (by matching `<position>`/`</position>` tags, nested ones such as `chief/position` counted) and each
 * piece is parsed on its own with saxes: a malformed position (a bare «&», a wrong closing tag) is
 * reported and cannot spoil the ones after it, and only one position is in memory at a time.
 * Namespace prefixes are dropped (the files use `ns2:` for http://bus.gov.ru/external/1).
 */
import type { Readable } from "node:stream";
import { SaxesParser } from "saxes";
import { type BusgovPosition, emptyPosition, openElement, setField } from "./position.ts";

/** A position larger than this is taken as unterminated: reported, and reading resumes after it. */
const MAX_POSITION_CHARS = 4 * 1024 * 1024;
const TAG = /<(\/?)(?:[\w.-]+:)?position(?=[\s>/])/g;

const local = (name: string) => name.slice(name.indexOf(":") + 1);
const countLines = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
};

/** Parses one position's text; `line` is the file line of its first character. */
export function parsePosition(xml: string, source: string, line: number): BusgovPosition {
  const p = emptyPosition(source, line, false);
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  let text = "";
  parser.on("opentag", (tag) => {
    stack.push(local(tag.name));
    text = "";
    if (stack.length > 1) openElement(p, stack.slice(1).join("/"));
  });
  parser.on("text", (t) => {
    text += t;
  });
  parser.on("cdata", (t) => {
    text += t;
  });
  parser.on("closetag", () => {
    if (stack.length > 1) setField(p, stack.slice(1).join("/"), text.trim());
    text = "";
    stack.pop();
  });
  parser.on("error", (err) => {
    const at = /^(\d+):(\d+): (.*)$/s.exec(err.message);
    const where = at ? ` (строка ${line + Number(at[1]) - 1})` : "";
    p.broken ??= `ошибка XML: ${at ? at[3] : err.message}${where}`;
  });
  parser.write(xml).close();
  return p;
}

export async function* xmlPositions(stream: Readable, source: string): AsyncGenerator<BusgovPosition> {
  let buf = "";
  /** File line of buf[0]. */
  let bufLine = 1;
  /** Where the current position starts in buf, or -1 when between positions. */
  let start = -1;
  let depth = 0;
  /** Where the tag scan resumes in buf. */
  let scan = 0;

  const drop = (upTo: number) => {
    bufLine += countLines(buf, 0, upTo);
    buf = buf.slice(upTo);
    scan -= upTo;
    if (start >= 0) start -= upTo;
  };

  function* cut(final: boolean): Generator<BusgovPosition> {
    for (;;) {
      TAG.lastIndex = scan;
      const m = TAG.exec(buf);
      // A tag may be split across chunks: keep a short tail for the next round.
      if (!m || (!final && m.index + m[0].length + 1 >= buf.length)) {
        const keep = Math.max(scan, buf.length - 64);
        scan = keep;
        if (start < 0) drop(keep);
        else if (buf.length - start > MAX_POSITION_CHARS) {
          const p = emptyPosition(source, bufLine + countLines(buf, 0, start), false);
          p.broken = "запись не закрыта (нет </position>) или длиннее 4 млн знаков";
          yield p;
          start = -1;
          depth = 0;
          drop(keep);
        }
        return;
      }
      scan = m.index + m[0].length;
      const closing = m[1] === "/";
      if (!closing) {
        if (depth === 0) start = m.index;
        depth++;
        continue;
      }
      if (depth === 0) continue; // a stray closing tag outside any position
      depth--;
      if (depth > 0) continue;
      const end = buf.indexOf(">", scan);
      if (end < 0 && !final) {
        depth++;
        scan = m.index;
        return;
      }
      const stop = end < 0 ? buf.length : end + 1;
      const line = bufLine + countLines(buf, 0, start);
      yield parsePosition(buf.slice(start, stop), source, line);
      start = -1;
      scan = stop;
      drop(stop);
    }
  }

  stream.setEncoding("utf8");
  for await (const chunk of stream) {
    buf += chunk as string;
    yield* cut(false);
  }
  yield* cut(true);
  if (start >= 0) {
    const p = parsePosition(buf.slice(start), source, bufLine + countLines(buf, 0, start));
    p.broken ??= "файл оборвался внутри записи";
    yield p;
  }
}

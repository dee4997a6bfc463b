import type { NationalProgress } from "../index.ts";
import { progressLine } from "../util/progress-line.ts";

/**
 * The national run's progress on stderr: a rewritten bar on a terminal; on a pipe or in a log, one plain line
 * every `everyMs` (and at each 10 % step), so stdout stays clean for --json.
 */
export function createRunProgress(
  stream: NodeJS.WriteStream = process.stderr,
  options: { quiet?: boolean; everyMs?: number } = {},
) {
  const tty = Boolean(stream.isTTY);
  const everyMs = options.everyMs ?? 30_000;
  let lastLen = 0;
  let lastPrinted = 0;
  let lastTenth = -1;
  let lastRender = 0;

  const clear = () => {
    if (tty && lastLen > 0) stream.write(`\r${" ".repeat(lastLen)}\r`);
    lastLen = 0;
  };

  return {
    update(p: NationalProgress) {
      if (options.quiet) return;
      const now = Date.now();
      if (tty) {
        // A terminal redraw per page event is wasteful: a few per second are enough.
        if (!p.completed && now - lastRender < 200) return;
        lastRender = now;
        const width = stream.columns ?? 120;
        let line = progressLine(p, 24);
        if (line.length > width - 1) line = `${line.slice(0, width - 2)}…`;
        stream.write(`\r${line}${" ".repeat(Math.max(0, lastLen - line.length))}`);
        lastLen = line.length;
        return;
      }
      const tenth = p.total > 0 ? Math.floor((p.done / p.total) * 10) : 0;
      if ((p.completed && tenth !== lastTenth) || now - lastPrinted >= everyMs) {
        lastTenth = tenth;
        lastPrinted = now;
        stream.write(`${progressLine(p, 0)}\n`);
      }
    },
    line(text: string) {
      if (options.quiet) return;
      clear();
      stream.write(`${text}\n`);
    },
    done() {
      if (!options.quiet) clear();
    },
  };
}

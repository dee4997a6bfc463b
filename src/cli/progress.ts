import type { SiteProgress } from "../index.ts";

/**
 * Progress on stderr: one rewritten line on a terminal, a line every few seconds otherwise
 * (logs, CI, journald), so stdout stays clean for --json.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false) {
  const tty = Boolean(stream.isTTY);
  let lastLine = 0;
  let lastLen = 0;
  const write = (text: string, force = false) => {
    if (quiet) return;
    const now = Date.now();
    if (tty) {
      const line =
        text.length > (stream.columns ?? 120) - 1 ? `${text.slice(0, (stream.columns ?? 120) - 2)}…` : text;
      stream.write(`\r${line}${" ".repeat(Math.max(0, lastLen - line.length))}`);
      lastLen = line.length;
    } else if (force || now - lastLine > 3000) {
      stream.write(`${text}\n`);
      lastLine = now;
    }
  };
  return {
    site(p: SiteProgress) {
      const err = p.lastError ? ` [${p.lastError}]` : "";
      write(
        `обход ${host(p.site)}: страниц ${p.pages}, документов ${p.documents}, ошибок ${p.errors}, решено правил ${p.decided}/${p.rules} — ${p.lastUrl}${err}`,
      );
    },
    line(text: string) {
      if (quiet) return;
      if (tty && lastLen > 0) {
        stream.write(`\r${" ".repeat(lastLen)}\r`);
        lastLen = 0;
      }
      stream.write(`${text}\n`);
    },
    done() {
      if (tty && lastLen > 0 && !quiet) stream.write(`\r${" ".repeat(lastLen)}\r`);
      lastLen = 0;
    },
  };
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export type Progress = ReturnType<typeof createProgress>;

/**
 * The daemon's log on stderr. Under systemd (JOURNAL_STREAM set) each line starts with an sd-daemon priority
 * prefix (`<3>` error, `<4>` warning, `<6>` info, `<7>` debug), which journald turns into the entry's priority;
 * elsewhere lines are plain: `2026-12-01T03:00:00.000Z ИНФО message`.
 */
export type LogFormat = "journald" | "plain";

export interface DaemonLogger {
  readonly format: LogFormat;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error, err?: Error): void;
  debug(message: string | Error, err?: Error): void;
}

const PRIORITY = { error: 3, warn: 4, info: 6, debug: 7 } as const;
const PLAIN = { error: "ОШИБКА", warn: "ВНИМАНИЕ", info: "ИНФО", debug: "ОТЛАДКА" } as const;

export function defaultLogFormat(env: NodeJS.ProcessEnv = process.env): LogFormat {
  return env.JOURNAL_STREAM ? "journald" : "plain";
}

export function createDaemonLogger(
  options: { format?: LogFormat; write?: (text: string) => void; debug?: boolean } = {},
): DaemonLogger {
  const format = options.format ?? defaultLogFormat();
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const emit = (level: keyof typeof PRIORITY, message: string | Error, err?: Error) => {
    const text = [message instanceof Error ? message.message : message, err?.message]
      .filter(Boolean)
      .join(": ");
    // journald reads one entry per line: every line of a multi-line message carries the prefix.
    const lines = text
      .split("\n")
      .map((line) =>
        format === "journald"
          ? `<${PRIORITY[level]}>${line}`
          : `${new Date().toISOString()} ${PLAIN[level]} ${line}`,
      );
    write(`${lines.join("\n")}\n`);
  };
  return {
    format,
    info: (m) => emit("info", m),
    warn: (m) => emit("warn", m),
    error: (m, e) => emit("error", m, e),
    debug: (m, e) => {
      if (options.debug) emit("debug", m, e);
    },
  };
}

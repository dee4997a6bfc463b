import type { ReportFormat, RunResult } from "../index.ts";
import { summaryTable } from "./summary-table.ts";

export interface DeliverOptions {
  /** The reports' directory. */
  out: string;
  formats: ReportFormat[];
  /** `--json`: the RunResult alone on stdout, the reports' paths as a note. */
  json: boolean;
  /** What stdout shows otherwise: the per-site table (`nok check`) or the national digest. */
  summary: "table" | "digest";
  /** The HTML report's extras (history for trends, disputes): for stored national runs. */
  extras?: boolean;
  /** Where the note goes (default stderr); a progress bar passes its own line. */
  note?: (text: string) => void;
}

/** The end of every command that yields a run: write the reports, print JSON or the summary, set the exit code. */
export async function deliverRun(run: RunResult, o: DeliverOptions): Promise<void> {
  const { exitCodeFor, nationalDigest, reportExtras, writeReports } = await import("../index.ts");
  const written = await writeReports(run, o.out, o.formats, o.extras ? await reportExtras(run) : {});
  if (o.json) {
    process.stdout.write(`${JSON.stringify(run, null, 2)}\n`);
    const note = o.note ?? ((text: string) => process.stderr.write(`${text}\n`));
    note(`Отчёты: ${written.map((w) => w.path).join(", ")}`);
  } else {
    const summary = o.summary === "table" ? summaryTable(run) : nationalDigest(run);
    process.stdout.write(`${summary}\n\nОтчёты:\n${written.map((w) => `  ${w.path}`).join("\n")}\n`);
  }
  process.exitCode = exitCodeFor(run);
}

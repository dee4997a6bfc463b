/**
 * Child-process case: 8 MB runs of one character (spaces, dots, dashes, digits…) through every text function
 * that reads page or document text. Run by text-runs.test.ts under a timeout and heap limit of its own, so a
 * super-linear regular expression shows up as a killed child, not as a flaky timing assertion.
 */
import "./report-rss.ts";
import { extractContacts } from "../../../src/extract/contacts.ts";
import { extractDates } from "../../../src/extract/dates.ts";
import { guessTitle } from "../../../src/extract/documents/title.ts";
import { extractHtml } from "../../../src/extract/html.ts";
import { pageDates } from "../../../src/extract/page-dates.ts";
import { collapseSpaces, normalizeText } from "../../../src/extract/russian/normalize.ts";
import { tidyLines } from "../../../src/extract/visible-text.ts";
import { datesIn } from "../../../src/rules/dates.ts";

const MB = 1024 * 1024;
/** The runs the issue names at full size; other shapes that tempt a regex into backtracking at 1 MB. */
const UNITS: [string, number][] = [
  ...[" ", ".", "-", "1"].map((u): [string, number] => [u, 8 * MB]),
  ...["\t", "\u00a0", "8 ", "1.", "1-", "01.01.", " \t", "(1", "- ", "а.", "№ ", "+7"].map(
    (u): [string, number] => [u, MB],
  ),
];

const fns: [string, (text: string) => unknown][] = [
  ["tidyLines", tidyLines],
  ["collapseSpaces", collapseSpaces],
  ["normalizeText", normalizeText],
  ["extractDates", (t) => extractDates(t)],
  ["extractDates(title)", (t) => extractDates(t.slice(0, 4096), { titleLike: true })],
  ["datesIn", (t) => datesIn(t, false)],
  ["extractContacts", (t) => extractContacts(t)],
  ["pageDates", (t) => pageDates(t.slice(0, 1000), [], t)],
  ["guessTitle", guessTitle],
  [
    "extractHtml",
    (t) =>
      extractHtml(
        `<html><body><p>${t}</p><td>${t.slice(0, t.length / 4)}</td></body></html>`,
        "http://h/",
        "http://h/",
      ),
  ],
];

const only = process.argv[2];
for (const [unit, size] of UNITS) {
  if (only && unit !== only) continue;
  // A last letter makes the end of the run fail to match, the case that makes backtracking regexes retry.
  // The units are independent cases in one process: collect the last one's garbage so peak RSS is per case.
  (globalThis as { gc?: () => void }).gc?.();
  const text = `${unit.repeat(Math.ceil(size / unit.length))}x`;
  for (const [name, fn] of fns) {
    const started = performance.now();
    fn(text);
    const ms = performance.now() - started;
    if (process.env.NOK_CASE_VERBOSE)
      process.stderr.write(
        `${JSON.stringify(unit)} ${name} ${ms.toFixed(0)} ms rss ${process.memoryUsage().rss >> 20}\n`,
      );
  }
}
process.stdout.write("ok\n");

/**
 * Child-process case: hostile documents through extractArtifacts (worker pool on). Prints each document's
 * meta as JSON on stdout and the process's peak RSS on stderr.
 */
import "./report-rss.ts";
import { closeDocumentPool, extractArtifacts } from "../../../src/extract/index.ts";
import type { ContentKind } from "../../../src/types/index.ts";
import { docxBomb, pdfCompressionBomb, pdfOperatorBomb } from "../bombs.ts";

const cases: Record<string, [ContentKind, () => Buffer]> = {
  "docx-4gb": ["docx", () => docxBomb(4096)],
  "docx-lying": ["docx", () => docxBomb(2048, "small")],
  "pdf-compression": ["pdf", () => pdfCompressionBomb(2048)],
  "pdf-operators": ["pdf", () => pdfOperatorBomb(3_000_000)],
};
const only = process.argv[2];
const out: Record<string, unknown> = {};
for (const [name, [kind, build]] of Object.entries(cases)) {
  if (only && name !== only) continue;
  const body = build();
  const started = Date.now();
  const a = await extractArtifacts({
    url: `http://h/${name}`,
    finalUrl: `http://h/${name}`,
    contentKind: kind,
    headers: {},
    body: new Uint8Array(body),
  });
  out[name] = {
    bytes: body.length,
    ms: Date.now() - started,
    textChars: a.text.length,
    document: a.document,
  };
  process.stderr.write(
    `${name}: ${body.length} bytes, ${Date.now() - started} ms, rss ${process.memoryUsage().rss >> 20} MB\n`,
  );
}
await closeDocumentPool();
process.stdout.write(`${JSON.stringify(out)}\n`);

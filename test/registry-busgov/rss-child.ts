/**
 * Child process for the memory test (run with tsx): `gen FILE N` writes a zip of N positions in files of
 * 10,000 (jszip, streamed); `import FILE OUT` imports it and prints `{"maxRss": bytes, ...}` — the
 * process's peak resident set, measured by the OS (resourceUsage), not sampled.
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import JSZip from "jszip";
import { importBusgov } from "../../src/registry/busgov/import-busgov.ts";
import { positionXml, typical } from "./fixture.ts";

const OKVED = ["85.14", "86.10", "87.90", "91.01", "93.11"];
const [mode, file, arg] = process.argv.slice(2);

if (mode === "gen") {
  const total = Number(arg);
  const zip = new JSZip();
  for (let from = 0; from < total; from += 10_000) {
    const to = Math.min(total, from + 10_000);
    function* parts() {
      yield '<?xml version="1.0" encoding="UTF-8"?>\n<ns2:generalInfo xmlns="http://bus.gov.ru/types/1" xmlns:ns2="http://bus.gov.ru/external/1"><ns2:body>\n';
      for (let n = from; n < to; n++) {
        const p = typical(n, OKVED[n % OKVED.length]);
        // Every 50th has no site, every 1000th a bad ИНН: the importer's slow paths are exercised too.
        if (n % 50 === 0) p.www = undefined;
        if (n % 1000 === 7) p.inn = "7100000001";
        yield `${positionXml(p, n)}\n`;
      }
      yield "</ns2:body></ns2:generalInfo>\n";
    }
    // Buffers, not strings: jszip reads streamed strings as binary (latin1).
    const bytes = Readable.from(
      (function* () {
        for (const s of parts()) yield Buffer.from(s, "utf8");
      })(),
    );
    zip.file(`part-${String(from / 10_000).padStart(3, "0")}.xml`, bytes);
  }
  await pipeline(
    zip.generateNodeStream({ streamFiles: true, compression: "DEFLATE", compressionOptions: { level: 1 } }),
    createWriteStream(file!),
  );
} else if (mode === "import") {
  let errors = 0;
  const summary = await importBusgov({ inputs: [file!], out: arg!, onIssue: () => errors++ });
  process.stdout.write(
    `${JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024, positions: summary.positions, withSite: summary.withSite, withoutSite: summary.withoutSite, errors })}\n`,
  );
}

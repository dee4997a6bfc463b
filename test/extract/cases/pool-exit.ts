/**
 * Child-process case: reads one PDF through the document pool, closes the pool (argv "close") or not, and then
 * simply ends. A pool that kept the process alive would make the parent's wait run into its safety timeout.
 */
import { readFileSync } from "node:fs";
import { closeDocumentPool, readDocument } from "../../../src/extract/documents/worker-pool.ts";
import { DEFAULT_LIMITS } from "../../../src/extract/limits.ts";

const bytes = new Uint8Array(readFileSync(new URL("../../fixtures/docs/regulation.pdf", import.meta.url)));
const read = await readDocument("pdf", bytes, DEFAULT_LIMITS);
if (process.argv[2] === "close") await closeDocumentPool();
process.stdout.write(`${JSON.stringify({ chars: read.text.length, error: read.meta.error ?? null })}\n`);

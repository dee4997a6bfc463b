// The document worker's entry: plain JavaScript, because a worker thread does not inherit the TypeScript
// loader of the thread that started it. It registers tsx here, then loads the readers.
import { register } from "tsx/esm/api";

register();
// tsx turns source-mapped stack traces on; pdf.js reads `new Error().stack` while it loads, which then parsed its
// multi-megabyte source maps (about 0.3 s per worker). Errors leave a worker as messages only.
process.setSourceMapsEnabled(false);
const { readDocumentHere } = await import("./read-document.ts");
const { loadPdfJs } = await import("./pdf.ts");

/** @param {{ kind: string, bytes: Uint8Array, limits: object } | { warm: true }} task */
export default async function readInWorker(task) {
  if ("warm" in task) {
    // pdf.js and its in-thread "worker" module load on the first PDF otherwise (the readers are loaded above).
    await loadPdfJs();
    return null;
  }
  return readDocumentHere(task.kind, task.bytes, task.limits);
}

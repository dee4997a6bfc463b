// The document worker's entry: plain JavaScript, because a worker thread does not inherit the TypeScript
// loader of the thread that started it. It registers tsx here, then loads the readers.
import { register } from "tsx/esm/api";

register();
const { readDocumentHere } = await import("./read-document.ts");

/** @param {{ kind: string, bytes: Uint8Array, limits: object }} task */
export default function readInWorker(task) {
  return readDocumentHere(task.kind, task.bytes, task.limits);
}

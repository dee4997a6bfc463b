import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { ContentKind } from "../../types/index.ts";
import type { ExtractLimits } from "../limits.ts";
import { type DocumentText, failure } from "./guard.ts";
import { readDocumentHere } from "./read-document.ts";

/**
 * Documents are parsed in worker threads with hard limits: a heap limit per worker (`resourceLimits`) and a
 * wall-clock limit per document after which the worker is terminated. A PDF compression bomb or a parser stuck
 * in a synchronous loop (SheetJS, word-extractor cannot be interrupted from inside) costs at most one
 * worker's heap and the time limit, and the main thread stays free to crawl and to answer SIGTERM.
 * `NOK_DOCUMENT_WORKERS=0` reads documents in the calling thread (debugging).
 */
export const WORKER_HEAP_MB = 384;
/** Added to the reader's own time limit: the reader reports a timeout itself when it can. */
const TERMINATE_GRACE_MS = 5_000;

let pool: Piscina | null = null;

/** A pool of document workers; `filename` is another worker entry only in tests (a worker that never ends). */
export function createDocumentPool(filename = new URL("./worker-entry.mjs", import.meta.url).href): Piscina {
  return new Piscina({
    filename,
    minThreads: 0,
    // One core stays with the crawl itself (parsing HTML, extraction); at most four documents at once.
    maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    // Idle workers end soon: a finished `nok check` must not wait on them (they are unref'd meanwhile).
    idleTimeout: 10_000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 },
  });
}

function documentPool(): Piscina {
  pool ??= createDocumentPool();
  return pool;
}

export function workersEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NOK_DOCUMENT_WORKERS !== "0";
}

/**
 * One document, in a worker when enabled (the shared pool unless one is given); never throws. Over a limit it
 * comes back `too-large` or `timeout`.
 */
export async function readDocument(
  kind: ContentKind,
  bytes: Uint8Array,
  limits: ExtractLimits,
  inPool?: Piscina,
): Promise<DocumentText> {
  if (!inPool && !workersEnabled()) return readDocumentHere(kind, bytes, limits);
  const signal = AbortSignal.timeout(limits.timeMs + TERMINATE_GRACE_MS);
  try {
    return (await (inPool ?? documentPool()).run({ kind, bytes, limits }, { signal })) as DocumentText;
  } catch (err) {
    if (signal.aborted)
      return failure(`документ не прочитан за ${Math.round(limits.timeMs / 1000)} с`, {
        truncated: true,
        errorCode: "timeout",
      });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ERR_WORKER_OUT_OF_MEMORY")
      return failure(`документ требует больше ${WORKER_HEAP_MB} МБ памяти при разборе`, {
        errorCode: "too-large",
      });
    return failure(`документ не прочитан (${(err as Error).message?.slice(0, 200) ?? "ошибка"})`, {
      errorCode: "unreadable",
    });
  }
}

/**
 * Starts a document worker and loads its readers before the first document arrives, so that a fixed start-up
 * cost (about a second of CPU: tsx, pdf.js, SheetJS, mammoth) is not paid in the middle of a crawl.
 */
export async function warmDocumentPool(): Promise<void> {
  if (workersEnabled()) await documentPool().run({ warm: true });
}

/** Ends the workers (tests, shutdown); the next document starts a new pool. */
export async function closeDocumentPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

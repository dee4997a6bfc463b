import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { guarded } from "../../src/extract/documents/guard.ts";
import { readDocumentHere } from "../../src/extract/documents/read-document.ts";
import {
  closeDocumentPool,
  createDocumentPool,
  readDocument,
  warmDocumentPool,
} from "../../src/extract/documents/worker-pool.ts";
import { DEFAULT_LIMITS } from "../../src/extract/limits.ts";
import type { ContentKind } from "../../src/types/index.ts";
import { runCase } from "../hostile/run-case.ts";

const FIXTURES: [ContentKind, string][] = [
  ["pdf", "regulation.pdf"],
  ["pdf", "scanned.pdf"],
  ["docx", "regulation.docx"],
  ["doc", "regulation.doc"],
  ["xls", "rating.xls"],
  ["xlsx", "rating.xlsx"],
  ["rtf", "protocol.rtf"],
  ["odt", "protocol.odt"],
];

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/docs/${name}`, import.meta.url)));

describe("document worker pool", () => {
  afterAll(() => closeDocumentPool());

  it.each(FIXTURES)("%s %s: the same text, title and meta as read in this thread", async (kind, name) => {
    const bytes = fixture(name);
    const inWorker = await readDocument(kind, bytes, DEFAULT_LIMITS);
    expect(inWorker.meta.error).toBeUndefined();
    expect(inWorker).toEqual(await readDocumentHere(kind, bytes, DEFAULT_LIMITS));
  });

  it("warming the pool loads a worker without reading anything; documents read after it agree", async () => {
    await warmDocumentPool();
    const bytes = fixture("regulation.pdf");
    expect(await readDocument("pdf", bytes, DEFAULT_LIMITS)).toEqual(
      await readDocumentHere("pdf", bytes, DEFAULT_LIMITS),
    );
  });

  it("the size cap gives the same refusal in a worker as in this thread", async () => {
    const bytes = fixture("regulation.pdf");
    const limits = { ...DEFAULT_LIMITS, maxBytes: 1024 };
    const inWorker = await readDocument("pdf", bytes, limits);
    expect(inWorker.meta.errorCode).toBe("too-large");
    expect(inWorker).toEqual(await readDocumentHere("pdf", bytes, limits));
  });

  it("a parser stuck past the time cap is terminated and the document comes back as a timeout", async () => {
    const pool = createDocumentPool(new URL("./workers/never-ends.mjs", import.meta.url).href);
    try {
      const limits = { ...DEFAULT_LIMITS, timeMs: 100 };
      const stuck = await readDocument("xls", fixture("rating.xls"), limits, pool);
      // The same outcome as a reader that the in-thread guard stops at the time cap.
      const guardedTimeout = await guarded("XLS", new Uint8Array([1]), limits, () => new Promise(() => {}));
      expect(stuck.text).toBe("");
      expect(stuck.meta).toMatchObject({ errorCode: "timeout", truncated: true });
      expect(stuck.meta.error).toMatch(/не прочитан за/);
      expect({ ...stuck.meta, error: "" }).toEqual({ ...guardedTimeout.meta, error: "" });
      // The stuck worker is gone: the pool runs no thread any more.
      expect(pool.threads.length).toBe(0);
    } finally {
      await pool.destroy();
    }
  }, 30_000);

  it.each(["close", "leave"])(
    "a process that read a document ends by itself (pool %s)",
    async (how) => {
      const r = await runCase(new URL("./cases/pool-exit.ts", import.meta.url), [how], { timeoutMs: 60_000 });
      expect(r.timedOut, r.stderr.slice(-2000)).toBe(false);
      expect(r.code, r.stderr.slice(-2000)).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: null });
    },
    70_000,
  );
});

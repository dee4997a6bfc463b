import { close, createReadStream, open, write } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import type { ManifestEntry } from "../types/index.ts";

/** A manifest left without appends this long closes its file (a run's pages come much more often). */
const IDLE_CLOSE_MS = 1_000;

const openFile = promisify(open);
const writeFd = promisify(write);
const closeFd = promisify(close);

/**
 * Append-only JSONL manifest. Every line is written before its `append` resolves, in order; lines appended
 * while a write is in flight go out together in the next write. The file stays open while pages keep coming
 * (an open, a write and a close per page cost most of a page's snapshot CPU) and is closed after a second
 * without appends. A crash can at worst leave a torn last line, which the reader skips: an interrupted run
 * always leaves a readable manifest.
 */
export class ManifestWriter {
  private ready: Promise<void>;
  private chain: Promise<void> = Promise.resolve();
  private lines: string[] = [];
  /** A write is queued on the chain and has not taken `lines` yet. */
  private queued = false;
  private fd: number | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(readonly path: string) {
    this.ready = mkdir(dirname(path), { recursive: true }).then(() => undefined);
  }

  append(entry: ManifestEntry): Promise<void> {
    this.lines.push(`${JSON.stringify(entry)}\n`);
    if (!this.queued) {
      this.queued = true;
      // Serialised on one chain so lines never interleave; a failed write fails every later append too.
      this.chain = this.chain.then(() => this.writeQueued());
    }
    return this.chain;
  }

  flush(): Promise<void> {
    return this.chain;
  }

  private async writeQueued(): Promise<void> {
    this.queued = false;
    const text = Buffer.from(this.lines.join(""), "utf8");
    this.lines = [];
    await this.ready;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.fd ??= await openFile(this.path, "a");
    for (let at = 0; at < text.length; )
      at += (await writeFd(this.fd, text, at, text.length - at, null)).bytesWritten;
    if (!this.queued) this.idle = setTimeout(() => this.closeIdle(), IDLE_CLOSE_MS).unref();
  }

  private closeIdle(): void {
    this.idle = null;
    if (this.queued || this.fd === null) return;
    this.chain = this.chain.then(async () => {
      if (this.queued || this.fd === null) return;
      const fd = this.fd;
      this.fd = null;
      await closeFd(fd).catch(() => undefined);
    });
  }
}

/** Reads manifest entries, skipping a torn or corrupt line (reported through `onBadLine`). */
export async function* readManifest(
  path: string,
  onBadLine?: (lineNo: number, text: string) => void,
): AsyncGenerator<ManifestEntry> {
  try {
    await stat(path);
  } catch {
    return;
  }
  const rl = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    try {
      yield JSON.parse(line) as ManifestEntry;
    } catch {
      onBadLine?.(lineNo, line);
    }
  }
}

import { createReadStream } from "node:fs";
import { appendFile, mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import type { ManifestEntry } from "../types/index.ts";

/**
 * Append-only JSONL manifest. Each entry is one `appendFile` of one line, so a crash can at worst leave
 * a torn last line, which the reader skips: an interrupted run always leaves a readable manifest.
 */
export class ManifestWriter {
  private ready: Promise<void>;
  private chain: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {
    this.ready = mkdir(dirname(path), { recursive: true }).then(() => undefined);
  }

  append(entry: ManifestEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    // Serialise appends so lines never interleave.
    this.chain = this.chain.then(async () => {
      await this.ready;
      await appendFile(this.path, line, "utf8");
    });
    return this.chain;
  }

  flush(): Promise<void> {
    return this.chain;
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

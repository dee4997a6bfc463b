import { createHash, randomBytes } from "node:crypto";
import { existsSync, rename as renameCb, writeFile as writeFileCb } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, brotliDecompress, constants } from "node:zlib";
import { objectPath } from "./paths.ts";

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);
// The callback forms: fs/promises' FileHandle round trips cost about twice the CPU per small object.
const writeFile = promisify(writeFileCb);
const rename = promisify(renameCb);

/** Bodies up to this size are compressed on the main thread: cheaper than a thread-pool round trip. */
const SYNC_COMPRESS_BYTES = 256 * 1024;

export function hashBody(body: Uint8Array): string {
  return `sha256:${createHash("sha256").update(body).digest("hex")}`;
}

/** Quality 5 is a good speed/size point for HTML; documents are often already compressed. */
function brotliOptions(body: Uint8Array) {
  // The size hint spares the encoder its largest buffers for small bodies; the output is the same.
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  };
}

async function pack(body: Uint8Array): Promise<Uint8Array> {
  if (body.length <= SYNC_COMPRESS_BYTES) return brotliCompressSync(body, brotliOptions(body));
  return compress(body, brotliOptions(body));
}

/** Content-addressed, compressed body storage: identical bodies (across pages and runs) are stored once. */
export class ObjectStore {
  /** Shard folders known to exist: one mkdir per folder, not per body. */
  private readonly dirs = new Set<string>();
  /** Temp names: a random prefix per store and a counter, not fresh random bytes per body. */
  private readonly tmpPrefix = randomBytes(6).toString("hex");
  private tmpCount = 0;

  constructor(readonly root: string) {}

  /** Stores the body (if new) and returns its hash. Atomic: temp file + rename, so a crash never leaves half an object. */
  async put(body: Uint8Array): Promise<string> {
    const hash = hashBody(body);
    const path = objectPath(this.root, hash);
    // A synchronous stat of the local snapshot disk takes microseconds; a rejected stat promise for every new
    // body cost more CPU than that.
    if (existsSync(path)) return hash;
    const dir = dirname(path);
    if (!this.dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.dirs.add(dir);
    }
    const packed = await pack(body);
    const tmp = `${path}.${this.tmpPrefix}${(this.tmpCount++).toString(36)}.tmp`;
    try {
      await writeFile(tmp, packed);
    } catch (err) {
      // The folder went away under a long-lived store (a cleaned snapshot root): made again, once.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      await mkdir(dir, { recursive: true });
      await writeFile(tmp, packed);
    }
    await rename(tmp, path);
    return hash;
  }

  async get(hash: string): Promise<Uint8Array> {
    const packed = await readFile(objectPath(this.root, hash));
    return new Uint8Array(await decompress(packed));
  }

  async has(hash: string): Promise<boolean> {
    return existsSync(objectPath(this.root, hash));
  }
}

import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants } from "node:zlib";
import { objectPath } from "./paths.ts";

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

export function hashBody(body: Uint8Array): string {
  return `sha256:${createHash("sha256").update(body).digest("hex")}`;
}

/** Content-addressed, compressed body storage: identical bodies (across pages and runs) are stored once. */
export class ObjectStore {
  constructor(readonly root: string) {}

  /** Stores the body (if new) and returns its hash. Atomic: temp file + rename, so a crash never leaves half an object. */
  async put(body: Uint8Array): Promise<string> {
    const hash = hashBody(body);
    const path = objectPath(this.root, hash);
    if (await exists(path)) return hash;
    await mkdir(dirname(path), { recursive: true });
    // Quality 5 is a good speed/size point for HTML; documents are often already compressed.
    const packed = await compress(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
    await writeFile(tmp, packed);
    await rename(tmp, path);
    return hash;
  }

  async get(hash: string): Promise<Uint8Array> {
    const packed = await readFile(objectPath(this.root, hash));
    return new Uint8Array(await decompress(packed));
  }

  async has(hash: string): Promise<boolean> {
    return exists(objectPath(this.root, hash));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

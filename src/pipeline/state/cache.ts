import { createHash, randomBytes } from "node:crypto";
import { rename as renameCb, writeFile as writeFileCb } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, brotliDecompress, constants } from "node:zlib";
import type { PageArtifacts } from "../../types/index.ts";

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);
// Written once per page read: the callback forms cost about half the CPU of fs/promises' FileHandle.
const writeFile = promisify(writeFileCb);
const rename = promisify(renameCb);
/** Artifacts up to this size are compressed on the main thread: cheaper than a thread-pool round trip. */
const SYNC_COMPRESS_BYTES = 256 * 1024;

/** Bump when extraction changes its output, so stale cached artifacts are never reused. */
export const EXTRACT_VERSION = 3;

/**
 * Extraction is a pure function of (body bytes, URL), so its output can be kept beside the snapshots:
 * a re-run over unchanged pages (304 or same hash) skips parsing PDFs and HTML again.
 * Memory first (bounded), then disk.
 */
export class ArtifactCache {
  private readonly memory = new Map<string, PageArtifacts>();
  /** Shard folders known to exist: one mkdir per folder, not per page. */
  private readonly dirs = new Set<string>();

  constructor(
    private readonly root: string | null,
    private readonly memoryLimit = 500,
  ) {}

  async get(hash: string, url: string): Promise<PageArtifacts | null> {
    const key = this.key(hash, url);
    const hit = this.memory.get(key);
    if (hit) return hit;
    if (!this.root) return null;
    try {
      const raw = await decompress(await readFile(this.path(key)));
      const artifacts = JSON.parse(raw.toString("utf8")) as PageArtifacts;
      this.remember(key, artifacts);
      return artifacts;
    } catch {
      return null;
    }
  }

  async put(hash: string, url: string, artifacts: PageArtifacts): Promise<void> {
    const key = this.key(hash, url);
    this.remember(key, artifacts);
    if (!this.root) return;
    const path = this.path(key);
    const dir = dirname(path);
    try {
      if (!this.dirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        this.dirs.add(dir);
      }
      const json = Buffer.from(JSON.stringify(artifacts));
      // The size hint spares the encoder its largest buffers for small inputs; the output is the same.
      const options = {
        params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
      };
      const packed =
        json.length <= SYNC_COMPRESS_BYTES
          ? brotliCompressSync(json, options)
          : await compress(json, options);
      const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(tmp, packed);
      await rename(tmp, path);
    } catch {
      // A cache that cannot be written only costs speed next time (its folder is made again then).
      this.dirs.delete(dir);
    }
  }

  private remember(key: string, artifacts: PageArtifacts): void {
    if (this.memory.size >= this.memoryLimit) {
      const oldest = this.memory.keys().next().value;
      if (oldest !== undefined) this.memory.delete(oldest);
    }
    this.memory.set(key, artifacts);
  }

  private key(hash: string, url: string): string {
    return createHash("sha256").update(`${EXTRACT_VERSION}\n${hash}\n${url}`).digest("hex");
  }

  private path(key: string): string {
    return join(this.root as string, "artifacts", key.slice(0, 2), `${key.slice(2)}.json.br`);
  }
}

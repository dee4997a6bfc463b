import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants } from "node:zlib";
import type { PageArtifacts } from "../../types/index.ts";

const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

/** Bump when extraction changes its output, so stale cached artifacts are never reused. */
export const EXTRACT_VERSION = 3;

/**
 * Extraction is a pure function of (body bytes, URL), so its output can be kept beside the snapshots:
 * a re-run over unchanged pages (304 or same hash) skips parsing PDFs and HTML again.
 * Memory first (bounded), then disk.
 */
export class ArtifactCache {
  private readonly memory = new Map<string, PageArtifacts>();

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
    try {
      await mkdir(dirname(path), { recursive: true });
      const packed = await compress(Buffer.from(JSON.stringify(artifacts)), {
        params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
      });
      const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(tmp, packed);
      await rename(tmp, path);
    } catch {
      // A cache that cannot be written only costs speed next time.
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

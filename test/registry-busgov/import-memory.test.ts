/**
 * 100,000 positions in bounded memory: the import runs in a child process (so the test runner's own heap
 * does not blur the figure) and reports its peak RSS from the OS. Bounded means the 100k import's peak
 * stays near the 10k import's: what grows with the input is one dedup key per institution, not the data.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";

const run = promisify(execFile);
const child = join(import.meta.dirname, "rss-child.ts");
const tsx = join(import.meta.dirname, "../../node_modules/.bin/tsx");
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nok-busgov-rss-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function measure(n: number) {
  const zip = join(dir, `${n}.zip`);
  await run(tsx, [child, "gen", zip, String(n)], { maxBuffer: 1 << 20 });
  const { stdout } = await run(tsx, [child, "import", zip, join(dir, `${n}.yaml`)]);
  return JSON.parse(stdout) as { maxRss: number; positions: number; withSite: number; errors: number };
}

it("imports 100,000 positions with a peak RSS close to that of 10,000", { timeout: 240_000 }, async () => {
  const small = await measure(10_000);
  const large = await measure(100_000);
  expect(large).toMatchObject({ positions: 100_000, withSite: 77_900, errors: 100 });
  const mb = (b: number) => Math.round(b / 2 ** 20);
  console.log(`peak RSS: 10k positions ${mb(small.maxRss)} MB, 100k positions ${mb(large.maxRss)} MB`);
  expect(mb(large.maxRss)).toBeLessThan(mb(small.maxRss) + 64);
  expect(mb(large.maxRss)).toBeLessThan(400);
});

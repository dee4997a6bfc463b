import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateRun } from "../../src/findings/aggregate-run.ts";
import { pagesRead, writeLetters } from "../../src/letters/index.ts";
import type { ManifestEntry } from "../../src/types/index.ts";
import { nationalRun, REGIONS } from "../report/fixtures.ts";
import { docxText } from "./docx-text.ts";

const SITE = "https://08-health.example.ru/";
let dir: string;

function entry(url: string, depth: number, over: Partial<ManifestEntry> = {}): ManifestEntry {
  return {
    site: SITE,
    url,
    finalUrl: url,
    status: 200,
    headers: {},
    hash: null,
    size: 100,
    truncated: false,
    contentKind: "html",
    fetchedAt: "2025-03-01T02:00:00.000Z",
    fetcher: "http",
    depth,
    linkText: null,
    referrer: null,
    redirects: [],
    error: null,
    ...over,
  } as ManifestEntry;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nok-pages-read-"));
  const runDir = join(dir, "runs", "r1");
  await mkdir(runDir, { recursive: true });
  const lines = [
    entry(SITE, 0),
    entry(`${SITE}news/1`, 1, { linkText: "Новости" }),
    entry(`${SITE}activity/sovet/`, 1, { linkText: "Общественный совет" }),
    entry(`${SITE}nok/`, 2, { linkText: "Независимая оценка качества" }),
    entry(`${SITE}nok/broken`, 2, { status: 404 }),
  ];
  await writeFile(join(runDir, "manifest.jsonl"), `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("pages a run read, named in letters", () => {
  it("keeps the home page and the NOK-related pages read, nearest first", async () => {
    const read = await pagesRead(dir, "r1");
    expect(read.get(SITE)).toEqual([SITE, `${SITE}activity/sovet/`, `${SITE}nok/`]);
    expect((await pagesRead(dir, "missing")).size).toBe(0);
  });

  it("names them under «Просмотрено» for an item the check did not find", async () => {
    const w = await writeLetters(aggregateRun(nationalRun(), { regions: REGIONS }), join(dir, "letters"), {
      regions: ["08"],
      today: "2025-03-10",
      pagesRead: await pagesRead(dir, "r1"),
    });
    const t = await docxText(w.letters[0]!.path);
    expect(t).toContain(`Просмотрено: ${SITE}; ${SITE}activity/sovet/; ${SITE}nok/`);
  });
});

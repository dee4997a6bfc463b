import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool, POLITENESS_OFF } from "../../src/crawl/index.ts";
import {
  type DisputeStore,
  openDispute,
  openDisputes,
  recheckDispute,
  recheckWithSeed,
} from "../../src/disputes/index.ts";
import type { RunResult } from "../../src/types/result.ts";
import { run, site } from "../report/fixtures.ts";
import { PAGES } from "./site.ts";

const NOK = "authority/nok-section";

let server: Server;
let base: string;
let dir: string;
let store: DisputeStore;
let disputed: RunResult;

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = PAGES[req.url ?? ""];
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), "nok-disputes-"));
  store = openDisputes(dir);
  disputed = run({
    runId: "2026-11-01T03-00-00Z-run-abc",
    sites: [
      site({
        url: `${base}/`,
        region: "71",
        sphere: "culture",
        name: "Министерство культуры",
        statuses: { [NOK]: "fail" },
      }),
    ],
  });
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await rm(dir, { recursive: true, force: true });
});

const recheck = () =>
  recheckWithSeed({
    snapshotsDir: join(dir, "snapshots"),
    pool: createPool(POLITENESS_OFF),
    render: "never",
    chromium: null,
    maxPages: 10,
    reuse: false,
  });

describe("disputes", () => {
  it("closes as «подтверждено» when the re-check from the given page passes the rule", async () => {
    const d = await openDispute(
      disputed,
      {
        site: `${base}`,
        rule: NOK,
        evidenceUrl: `${base}/deyatelnost/nok/`,
        comment: "Раздел размещён",
        by: "Минкультуры Тульской области",
      },
      store,
      recheck(),
    );
    expect(d.status).toBe("confirmed");
    expect(d.verdict).toBe("fail");
    expect(d.history.map((h) => [h.action, h.status, h.by])).toEqual([
      ["opened", "open", "Минкультуры Тульской области"],
      ["rechecked", "confirmed", "Минкультуры Тульской области"],
    ]);
    expect(d.history[1]!.recheck!.evidence.map((e) => e.url)).toContain(`${base}/deyatelnost/nok/`);
    // The run's verdict is untouched.
    expect(disputed.sites[0]!.findings.find((f) => f.rule === NOK)!.status).toBe("fail");
    expect((await store.list({ region: "71" })).map((x) => x.id)).toEqual([d.id]);
  });

  it("stays open with the reason when the page does not hold the evidence", async () => {
    const d = await openDispute(
      disputed,
      { site: `${base}/`, rule: NOK, evidenceUrl: `${base}/news/`, comment: "Смотрите новости" },
      store,
      recheck(),
    );
    expect(d.status).toBe("open");
    expect(d.reason).toContain("Не найден раздел о независимой оценке качества");
    expect(d.by).toBe("не указан");
    const again = await recheckDispute(d, disputed, store, recheck(), "сотрудник");
    expect(again.history).toHaveLength(3);
    expect(again.status).toBe("open");
  });

  it("refuses a site or a rule that is not in the run, with a clear message", async () => {
    const input = { rule: NOK, evidenceUrl: `${base}/x`, comment: "есть" };
    await expect(
      openDispute(disputed, { ...input, site: "https://other.example.ru/" }, store, recheck()),
    ).rejects.toThrow(/сайта «https:\/\/other\.example\.ru\/» нет в прогоне 2026-11-01T03-00-00Z-run-abc/);
    await expect(
      openDispute(disputed, { ...input, site: base, rule: "authority/no-such-rule" }, store, recheck()),
    ).rejects.toThrow(/правила «authority\/no-such-rule» нет у сайта/);
    await expect(
      openDispute(disputed, { ...input, site: base, rule: "authority/results" }, store, recheck()),
    ).rejects.toThrow(/оспаривать нечего/);
  });
});

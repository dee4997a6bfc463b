import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawlSite } from "../../src/crawl/crawler.ts";
import { createHttpFetcher } from "../../src/crawl/http-fetcher.ts";
import { createPool, POLITENESS_OFF } from "../../src/crawl/politeness.ts";
import type { RunResult } from "../../src/types/index.ts";
import { type CaseResult, runCase } from "./run-case.ts";
import { type HostileServer, html, redirect, startHostileServer } from "./web.ts";

const BIN = new URL("../../bin/nok.js", import.meta.url);
const NOK_LINK = `<a href="/nok">Независимая оценка качества</a> <a href="/council">Общественный совет</a>`;
let out: string;
const servers: HostileServer[] = [];

async function serve(routes: Parameters<typeof startHostileServer>[0]): Promise<HostileServer> {
  const s = await startHostileServer(routes);
  servers.push(s);
  return s;
}

/** `nok check URL --json` in its own process: at most 120 s and a 1 GB heap, or the case fails. */
async function check(url: string): Promise<{ r: CaseResult; run: RunResult | null }> {
  const r = await runCase(BIN, ["check", url, "--json", "--render", "never", "--out", out], {
    timeoutMs: 120_000,
    maxOldSpaceMb: 1024,
    env: { NOK_DATA_DIR: join(out, "data"), NOK_SNAPSHOTS_DIR: join(out, "snapshots") },
  });
  let run: RunResult | null = null;
  try {
    run = JSON.parse(r.stdout) as RunResult;
  } catch {
    run = null;
  }
  return { r, run };
}

function expectNothingJudged(r: CaseResult, run: RunResult | null) {
  expect(r.timedOut).toBe(false);
  expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(r.code, r.stderr.slice(-1500)).toBe(3);
  const site = run?.sites[0];
  expect(site?.status).toMatch(/^(unreachable|blocked)$/);
  expect(site?.findings.filter((f) => f.status === "pass" || f.status === "fail")).toEqual([]);
  return site;
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "nok-hostile-"));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(out, { recursive: true, force: true });
});

describe("end states that say the truth (nok check in a child process)", () => {
  it("a home page answering 200 with an empty body: unreachable, exit 3", async () => {
    const s = await serve({ "/": html(""), "/nok": html(`<h1>Независимая оценка качества</h1>${NOK_LINK}`) });
    const { r, run } = await check(`${s.origin}/`);
    expect(expectNothingJudged(r, run)?.error?.code).toBe("empty");
  }, 130_000);

  it("a home page reset mid-body: unreachable, exit 3, nothing judged on the fragment", async () => {
    const s = await serve({
      "/": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": "100000" });
        res.write(
          `<html><body><h1>Независимая оценка качества</h1>${NOK_LINK}<p>Положение об общественном совете`,
        );
        setTimeout(() => res.socket?.destroy(), 50);
      },
    });
    const { r, run } = await check(`${s.origin}/`);
    expect(expectNothingJudged(r, run)?.error?.code).toBe("reset");
  }, 130_000);

  it("429 with Retry-After: 3600 everywhere: not waited for, exit 3", async () => {
    const s = await serve({
      "*": (_req, res) => {
        res.writeHead(429, { "retry-after": "3600", "content-type": "text/plain" }).end("slow down");
      },
    });
    const { r, run } = await check(`${s.origin}/`);
    expectNothingJudged(r, run);
  }, 130_000);

  it("robots.txt answering 503: the whole site disallowed (RFC 9309), exit 3", async () => {
    const s = await serve({
      "/robots.txt": html("down", 503),
      "/": html(`<h1>Главная</h1>${NOK_LINK}`),
    });
    const { r, run } = await check(`${s.origin}/`);
    expect(expectNothingJudged(r, run)?.error?.code).toBe("robots");
    expect(s.hits).not.toContain("/");
  }, 130_000);

  it("a home page redirecting to the cloud metadata address is not followed", async () => {
    const s = await serve({ "/": redirect("http://169.254.169.254/latest/meta-data/") });
    const { r, run } = await check(`${s.origin}/`);
    const site = expectNothingJudged(r, run);
    expect(site?.error?.message).toMatch(/метаданных/);
  }, 130_000);
});

describe("the home page's own clock", () => {
  const crawlFast = (url: string) => {
    const fetcher = createHttpFetcher({ headersTimeoutMs: 60_000, bodyTimeoutMs: 60_000 });
    return crawlSite(url, {
      fetcher,
      pool: createPool(POLITENESS_OFF),
      retry: { sleep: async () => {} },
      budget: { homeDurationMs: 1_500 },
      onPage: () => ({ links: [] }),
    }).finally(() => fetcher.close?.());
  };

  it("a silent server ends as a timeout within the home budget", async () => {
    const s = await serve({ "*": () => {} });
    const summary = await crawlFast(`${s.origin}/`);
    expect(summary.status).toBe("unreachable");
    expect(summary.siteError?.code).toBe("timeout");
  });

  it("slowloris (a byte at a time, forever) ends as a timeout within the home budget", async () => {
    const s = await serve({
      "/robots.txt": html("", 404),
      "*": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        const timer = setInterval(() => res.write(" "), 100);
        res.on("close", () => clearInterval(timer));
      },
    });
    const summary = await crawlFast(`${s.origin}/`);
    expect(summary.status).toBe("unreachable");
    expect(summary.siteError?.code).toBe("timeout");
  });
});

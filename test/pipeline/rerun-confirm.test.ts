import { describe, expect, it } from "vitest";
import { type PreviousVerdicts, RerunConfirmation } from "../../src/pipeline/rerun-confirm.ts";
import type { Finding, ManifestEntry, Status } from "../../src/types/index.ts";

const entry = (path: string, hash: string | null, error: string | null = null): ManifestEntry => ({
  site: "http://x/",
  url: `http://x${path}`,
  finalUrl: `http://x${path}`,
  status: error ? 404 : 200,
  headers: {},
  hash,
  size: 1,
  truncated: false,
  contentKind: "html",
  fetchedAt: "2026-11-01T00:00:00Z",
  fetcher: "http",
  depth: path === "/" ? 0 : 1,
  linkText: null,
  referrer: null,
  redirects: [],
  error: error ? { code: error as "http-4xx", message: error } : null,
});

const finding = (rule: string, status: Status, snapshots: string[] = []): Finding => ({
  rule,
  status,
  title: rule,
  message: "",
  evidence: snapshots.map((s) => ({
    url: "http://x/doc.pdf",
    excerpt: "",
    snapshot: s,
    linkText: null,
    depth: 1,
    date: null,
  })),
  details: {},
});

const requests = [
  entry("/", "h0"),
  entry("/a/", "ha"),
  entry("/b/", "hb"),
  entry("/gone/", null, "http-4xx"),
];

const read = (path: string, hash: string | null, errorCode: string | null = null) => ({
  url: `http://x${path}`,
  finalUrl: `http://x${path}`,
  hash,
  errorCode,
});

function confirmation(findings: Finding[], budgetExhausted = false): RerunConfirmation {
  const previous: PreviousVerdicts = { findings, budgetExhausted, requests };
  return new RerunConfirmation(previous);
}

describe("RerunConfirmation", () => {
  it("confirms pass and warn verdicts once the pages their evidence quotes are read unchanged", () => {
    const c = confirmation([finding("r1", "pass", ["ha"]), finding("r2", "warn", ["ha"])]);
    c.observe(read("/", "h0"));
    expect(c.ready()).toBe(false);
    // Nothing but the evidence page may start beside requests in flight yet.
    expect(c.launchFloor()).toBeGreaterThan(600);
    c.observe(read("/a/", "ha"));
    expect(c.ready()).toBe(true);
    expect(c.confirms([finding("r1", "pass"), finding("r2", "warn")])).toBe(true);
  });

  it("never confirms a fail on the evidence of the others: the whole previous crawl must be read again", () => {
    const c = confirmation([finding("r1", "pass", ["ha"]), finding("r2", "fail")]);
    c.observe(read("/", "h0"));
    c.observe(read("/a/", "ha"));
    expect(c.ready()).toBe(false);
    c.observe(read("/b/", "hb"));
    expect(c.ready()).toBe(false);
    // A page that failed before and fails again is the same outcome.
    c.observe(read("/gone/", null, "http-4xx"));
    expect(c.ready()).toBe(true);
    expect(c.confirms([finding("r1", "pass"), finding("r2", "fail")])).toBe(true);
  });

  it("does not confirm an earlier crawl cut by its budget", () => {
    const c = confirmation([finding("r1", "unknown")], true);
    for (const e of requests) c.observe(read(new URL(e.url).pathname, e.hash, e.error?.code ?? null));
    expect(c.ready()).toBe(false);
  });

  it("ends on a changed page a warn quotes, on any change when a fail must be replayed, and on a page that no longer fails", () => {
    const stale = confirmation([finding("r1", "pass", ["hb"]), finding("r2", "warn", ["ha"])]);
    expect(stale.observe(read("/a/", "ha2"))).toBe(true);
    expect(stale.active).toBe(false);
    expect(stale.ready()).toBe(false);
    expect(stale.launchFloor()).toBe(Number.NEGATIVE_INFINITY);

    const failing = confirmation([finding("r1", "pass", ["ha"]), finding("r2", "fail")]);
    expect(failing.observe(read("/", "h0-news"))).toBe(true);
    expect(failing.active).toBe(false);

    const recovered = confirmation([finding("r1", "fail")]);
    expect(recovered.observe(read("/gone/", "hnew"))).toBe(true);
    expect(recovered.active).toBe(false);
  });

  it("a changed page no warn quotes (the home page's news) leaves the passes to be judged on what is read now", () => {
    const c = confirmation([finding("r1", "pass", ["ha"]), finding("r2", "warn", ["hb"])]);
    expect(c.observe(read("/", "h0-news"))).toBe(false);
    expect(c.active).toBe(true);
    // A pass's own page changed: read again, it is judged as it stands.
    expect(c.observe(read("/a/", "ha2"))).toBe(false);
    expect(c.ready()).toBe(false);
    c.observe(read("/b/", "hb"));
    expect(c.ready()).toBe(true);
    expect(c.confirms([finding("r1", "pass"), finding("r2", "warn")])).toBe(true);

    // Different verdicts: no whole-crawl replay to fall back on once the site changed.
    const d = confirmation([finding("r1", "pass", ["ha"])]);
    d.observe(read("/", "h0-news"));
    d.observe(read("/a/", "ha"));
    expect(d.confirms([finding("r1", "fail")])).toBe(false);
    expect(d.active).toBe(false);
  });

  it("falls back to the whole crawl, then gives up, when the verdicts come out different", () => {
    const c = confirmation([finding("r1", "pass", ["ha"]), finding("r2", "warn", ["ha"])]);
    c.observe(read("/a/", "ha"));
    expect(c.confirms([finding("r1", "pass"), finding("r2", "fail")])).toBe(false);
    expect(c.active).toBe(true);
    expect(c.ready()).toBe(false);
    for (const path of ["/", "/b/"]) c.observe(read(path, path === "/" ? "h0" : "hb"));
    c.observe(read("/gone/", null, "http-4xx"));
    expect(c.ready()).toBe(true);
    expect(c.confirms([finding("r1", "pass"), finding("r2", "fail")])).toBe(false);
    expect(c.active).toBe(false);
  });

  it("gives up when new pages keep coming and nothing is ready", () => {
    const c = confirmation([finding("r1", "fail")]);
    let ended = false;
    for (let i = 0; i < 10 && !ended; i++) ended = c.observe(read(`/new-${i}/`, `n${i}`));
    expect(ended).toBe(true);
    expect(c.active).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { createFrontier, type Frontier, urlPattern } from "../../src/crawl/frontier.ts";
import type { PriorityFn } from "../../src/crawl/priority.ts";
import { createScope } from "../../src/crawl/scope.ts";
import type { LinkCandidate } from "../../src/types/index.ts";

const BASE = "http://example.ru/";
const link = (path: string, text = "", extra: Partial<LinkCandidate> = {}): LinkCandidate => ({
  url: new URL(path, BASE).href,
  text,
  ...extra,
});

/** Cue priority like the rules stage will supply: anchor text matches score, depth costs. */
const cues =
  (words: string[]): PriorityFn =>
  (l, depth) =>
    (words.some((w) => l.text.toLowerCase().includes(w)) ? 10 : 0) - depth;

function frontier(options: Partial<Parameters<typeof createFrontier>[0]> = {}): Frontier {
  return createFrontier({ scope: createScope(BASE), maxDepth: 6, ...options });
}

function drain(f: Frontier): string[] {
  const out: string[] = [];
  for (let r = f.pop(); r; r = f.pop()) out.push(new URL(r.url).pathname + new URL(r.url).search);
  return out;
}

describe("Frontier", () => {
  it("pops best-first by the priority function", () => {
    const f = frontier({ priority: cues(["совет", "оценк"]) });
    const meta = { depth: 1, referrer: BASE, source: "link" as const };
    f.push(link("/news/", "Новости"), meta);
    f.push(link("/council/", "Общественный совет"), meta);
    f.push(link("/contacts/", "Контакты"), meta);
    f.push(link("/nok/", "Независимая оценка качества"), { ...meta, depth: 2 });
    expect(drain(f)).toEqual(["/council/", "/nok/", "/news/", "/contacts/"]);
  });

  it("breaks ties by lower depth, then first in", () => {
    const f = frontier({ priority: () => 1 });
    f.push(link("/deep/"), { depth: 3, referrer: BASE, source: "link" });
    f.push(link("/b/"), { depth: 1, referrer: BASE, source: "link" });
    f.push(link("/a/"), { depth: 1, referrer: BASE, source: "link" });
    expect(drain(f)).toEqual(["/b/", "/a/", "/deep/"]);
  });

  it("dedups by URL key and keeps the link text and context on the request", () => {
    const f = frontier();
    const meta = { depth: 1, referrer: BASE, source: "link" as const };
    const first = f.push(link("/nok/", "НОК", { title: "Независимая оценка", context: "Раздел НОК" }), meta);
    expect(first.accepted).toBe(true);
    if (first.accepted) {
      expect(first.request.linkText).toBe("НОК");
      expect(first.request.linkContext).toBe("Раздел НОК");
      expect(first.request.linkTitle).toBe("Независимая оценка");
      expect(first.request.referrer).toBe(BASE);
      expect(first.request.key).toBe("example.ru/nok");
    }
    for (const u of ["https://www.example.ru/nok", "/nok/index.php?utm_source=x", "/nok/#top"]) {
      expect(f.push(link(u), meta)).toEqual({ accepted: false, reason: "duplicate" });
    }
    expect(f.size).toBe(1);
  });

  it("rejects out-of-scope, invalid, too deep and unreadable links", () => {
    const f = frontier({ maxDepth: 2 });
    const meta = { depth: 1, referrer: BASE, source: "link" as const };
    expect(f.push(link("https://gosuslugi.ru/"), meta)).toMatchObject({ reason: "out-of-scope" });
    expect(f.push({ url: "mailto:a@example.ru", text: "" }, meta)).toMatchObject({ reason: "invalid-url" });
    expect(f.push(link("/a/"), { ...meta, depth: 3 })).toMatchObject({ reason: "depth" });
    expect(f.push(link("/logo.png"), meta)).toMatchObject({ reason: "unsupported" });
    expect(f.push(link("/a/"), { ...meta, depth: 2 }).accepted).toBe(true);
    expect(f.rejected["out-of-scope"]).toBe(1);
  });

  it("a link first rejected as too deep can come back through a shorter path", () => {
    const f = frontier({ maxDepth: 2 });
    expect(f.push(link("/x/"), { depth: 3, referrer: BASE, source: "link" }).accepted).toBe(false);
    expect(f.push(link("/x/"), { depth: 1, referrer: BASE, source: "link" }).accepted).toBe(true);
  });

  it("bounds a calendar that links next month forever", () => {
    const f = frontier({ maxDepth: 10_000, maxPatternChain: 10 });
    let referrer = "http://example.ru/calendar/?month=1&year=2024";
    f.push(link(referrer), { depth: 1, referrer: BASE, source: "link" });
    let accepted = 1;
    for (let i = 2; i < 500; i++) {
      const next = `http://example.ru/calendar/?month=${i}&year=2024`;
      const r = f.push(link(next, "Следующий месяц"), { depth: i, referrer, source: "link" });
      if (!r.accepted) {
        expect(r.reason).toBe("trap");
        break;
      }
      accepted++;
      referrer = next;
    }
    expect(accepted).toBeLessThanOrEqual(11);
  });

  it("caps pages per URL pattern (date paths, listings) for non-relevant links", () => {
    const f = frontier({ maxPerPattern: 20, priority: () => -1 });
    let accepted = 0;
    for (let d = 1; d <= 28; d++) {
      for (const m of ["01", "02", "03"]) {
        const r = f.push(link(`/events/2024/${m}/${String(d).padStart(2, "0")}/`), {
          depth: 2,
          referrer: `${BASE}events/`,
          source: "link",
        });
        if (r.accepted) accepted++;
      }
    }
    expect(accepted).toBe(20);
    expect(f.rejected.trap).toBe(84 - 20);
  });

  it("lets relevant links of a capped pattern through (up to a higher cap)", () => {
    const f = frontier({ maxPerPattern: 5, maxPerPatternRelevant: 8, priority: cues(["оценк"]) });
    const meta = { depth: 2, referrer: `${BASE}docs/`, source: "link" as const };
    for (let i = 1; i <= 5; i++) f.push(link(`/docs/detail.php?ID=${i}`, "Приказ"), meta);
    expect(f.push(link("/docs/detail.php?ID=6", "Приказ"), meta).accepted).toBe(false);
    expect(f.push(link("/docs/detail.php?ID=7", "Результаты независимой оценки"), meta).accepted).toBe(true);
  });

  it("rejects ever-deeper repeating path segments", () => {
    const f = frontier({ maxDepth: 100 });
    let path = "/deep/";
    let accepted = 0;
    for (let i = 0; i < 20; i++) {
      if (f.push(link(path), { depth: i, referrer: BASE, source: "link" }).accepted) accepted++;
      path += "deep/";
    }
    expect(accepted).toBe(2);
    expect(f.push(link("/a/b/a/b/a/b/"), { depth: 1, referrer: BASE, source: "link" })).toMatchObject({
      reason: "trap",
    });
  });

  it("reprioritize recomputes queued priorities with the current cues", () => {
    let words = ["совет"];
    const f = frontier({ priority: (l, d) => cues(words)(l, d) });
    const meta = { depth: 1, referrer: BASE, source: "link" as const };
    f.push(link("/council/", "Общественный совет"), meta);
    f.push(link("/results/", "Результаты оценки"), meta);
    f.push(link("/news/", "Новости"), meta);
    expect(f.pendingRelevant()).toBe(1);
    // The council rule got decided; now results matter.
    words = ["результат"];
    f.reprioritize();
    expect(f.pendingRelevant()).toBe(1);
    expect(drain(f)).toEqual(["/results/", "/council/", "/news/"]);
  });

  it("upgrades a queued URL found again through a better link", () => {
    const f = frontier({ priority: cues(["оценк"]) });
    f.push(link("/nok/"), { depth: 1, referrer: null, source: "sitemap", bias: -1 });
    f.push(link("/news/", "Новости"), { depth: 1, referrer: BASE, source: "link" });
    // Without a better link the sitemap seed stays behind ordinary pages.
    expect(drain(f)[0]).toBe("/news/");

    const g = frontier({ priority: cues(["оценк"]) });
    g.push(link("/nok/"), { depth: 1, referrer: null, source: "sitemap", bias: -1 });
    g.push(link("/news/", "Новости"), { depth: 1, referrer: BASE, source: "link" });
    g.push(link("/nok/", "Независимая оценка качества"), { depth: 1, referrer: BASE, source: "link" });
    const first = g.pop()!;
    expect(first.url).toBe("http://example.ru/nok/");
    expect(first.source).toBe("link");
    expect(first.linkText).toBe("Независимая оценка качества");
  });

  it("sitemap seeds stay low unless their URL matches the cues", () => {
    const byUrl: PriorityFn = (l, d) => (l.url.includes("nezavisimaya-ocenka") ? 10 : 0) - d;
    const f = frontier({ priority: byUrl });
    f.push(link("/about/", "О нас"), { depth: 1, referrer: BASE, source: "link" });
    f.push(link("/press/"), { depth: 1, referrer: null, source: "sitemap", bias: -1 });
    f.push(link("/nezavisimaya-ocenka/"), { depth: 1, referrer: null, source: "sitemap", bias: -1 });
    expect(drain(f)).toEqual(["/nezavisimaya-ocenka/", "/about/", "/press/"]);
  });

  it("a link put below a sitemap seed (its words name another body) takes the seed's place", () => {
    const byUrl: PriorityFn = (l, d) => (l.url.includes("sovet") ? 10 : 0) - d;
    const f = frontier({ priority: byUrl });
    f.push(link("/sovet/roads/"), { depth: 1, referrer: null, source: "sitemap", bias: -1 });
    f.push(link("/about/", "О нас"), { depth: 1, referrer: BASE, source: "link" });
    expect(drain(f)).toEqual(["/sovet/roads/", "/about/"]);

    const g = frontier({ priority: byUrl });
    g.push(link("/sovet/roads/"), { depth: 1, referrer: null, source: "sitemap", bias: -1 });
    g.push(link("/about/", "О нас"), { depth: 1, referrer: BASE, source: "link" });
    g.push(link("/sovet/roads/", "Совет при управлении дорог"), {
      depth: 1,
      referrer: BASE,
      source: "link",
      bias: -100,
    });
    expect(drain(g)).toEqual(["/about/", "/sovet/roads/"]);
    // An ordinary link that scores lower than the seed's address leaves the seed as it was.
    const h = frontier({ priority: byUrl });
    h.push(link("/sovet/roads/"), { depth: 1, referrer: null, source: "sitemap", bias: -1 });
    h.push(link("/about/", "О нас"), { depth: 1, referrer: BASE, source: "link" });
    h.push(link("/sovet/roads/", "Подробнее"), { depth: 2, referrer: BASE, source: "link" });
    expect(drain(h)).toEqual(["/sovet/roads/", "/about/"]);
  });

  it("markSeen keeps redirect targets from being queued again", () => {
    const f = frontier();
    expect(f.markSeen("http://example.ru/activity/")).toBe(true);
    expect(f.push(link("/activity/"), { depth: 1, referrer: BASE, source: "link" }).accepted).toBe(false);
    expect(f.has("https://www.example.ru/activity")).toBe(true);
  });
});

describe("urlPattern", () => {
  it("folds digits in path and query values", () => {
    expect(urlPattern("http://example.ru/events/2024/05/12/")).toBe("example.ru/events/N/N/N/");
    expect(urlPattern("http://example.ru/calendar/?year=2024&month=5")).toBe(
      "example.ru/calendar/?month=N&year=N",
    );
    expect(urlPattern("http://example.ru/a?section=docs")).not.toBe(
      urlPattern("http://example.ru/a?section=news"),
    );
  });
});

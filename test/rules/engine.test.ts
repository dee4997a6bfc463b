import { describe, expect, it } from "vitest";
import { buildSite, evaluateRule, evaluateRules, loadRules, ruleInfo } from "../../src/rules/index.ts";
import type { RuleDef } from "../../src/types/index.ts";
import { html } from "./helpers.ts";

const { rules } = loadRules();
const byId = (id: string) => rules.find((r) => r.id === `authority/${id}`)!;
const empty = html("Министерство", "<h1>Главная</h1><p>Новости министерства</p>");

describe("engine", () => {
  it("gives exactly one finding per rule, in order", async () => {
    const site = await buildSite([{ url: "https://m.ru/", html: empty }]);
    const findings = evaluateRules(site, rules, { asOf: "2026-03-01", sphere: "social" });
    expect(findings.map((f) => f.rule)).toEqual(rules.map((r) => r.id));
  });

  it("turns a fail on absence into unknown without adequate coverage, saying why and what was read", async () => {
    const site = await buildSite([{ url: "https://m.ru/", html: empty }], {
      adequate: false,
      reason: "исчерпан лимит страниц",
    });
    const f = evaluateRule(site, byId("council-regulation"), { asOf: "2026-03-01", sphere: "social" });
    expect(f.status).toBe("unknown");
    expect(f.message).toContain("исчерпан лимит страниц");
    expect(f.message).toContain("Прочитано страниц и файлов: 1, из них документов: 0");
    expect(f.title).toBe(byId("council-regulation").unknownTitle);
  });

  it("keeps a fail on absence with adequate coverage, with the counts", async () => {
    const site = await buildSite([{ url: "https://m.ru/", html: empty }]);
    const f = evaluateRule(site, byId("council-regulation"), { asOf: "2026-03-01", sphere: "social" });
    expect(f.status).toBe("fail");
    expect(f.title).toBe(byId("council-regulation").failureTitle);
    expect(f.message).toMatch(/Прочитано страниц и файлов: 1/);
  });

  it("keeps a fail that rests on evidence even without adequate coverage", async () => {
    const site = await buildSite(
      [
        {
          url: "https://m.ru/",
          html: html("Совет", '<a href="/p.pdf">Положение об общественном совете</a>'),
        },
        {
          url: "https://m.ru/p.pdf",
          kind: "pdf",
          text: "Положение об общественном совете. ".padEnd(
            600,
            "Совет рассматривает проекты нормативных актов и обращения граждан. ",
          ),
        },
      ],
      { adequate: false },
    );
    expect(
      evaluateRule(site, byId("council-nok-powers"), { asOf: "2026-03-01", sphere: "social" }).status,
    ).toBe("fail");
  });

  it.each([
    ["sport in 2026", "2026-03-01", "sport", "n/a"],
    ["sport in 2014 (the pilot)", "2014-06-01", "sport", "fail"],
    ["social in 2026", "2026-03-01", "social", "fail"],
    ["before the regime (2012)", "2012-06-01", "social", "n/a"],
    ["no sphere given: a rule for every sphere applies", "2026-03-01", null, "fail"],
  ] as const)("applicability: %s → %s", async (_n, asOf, sphere, status) => {
    const site = await buildSite([{ url: "https://m.ru/", html: empty }]);
    const f = evaluateRule(site, byId("nok-section"), { asOf, sphere });
    expect(f.status).toBe(status);
    if (status === "n/a") expect(f.message).toMatch(/не действ|ещё не действовало/);
  });

  it("a sphere-specific rule is n/a for another sphere and without a sphere", async () => {
    const rule: RuleDef = { ...byId("rating-link"), appliesTo: { kind: "authority", spheres: ["health"] } };
    const site = await buildSite([{ url: "https://m.ru/", html: empty }]);
    expect(evaluateRule(site, rule, { asOf: "2026-03-01", sphere: "culture" }).message).toContain("культура");
    expect(evaluateRule(site, rule, { asOf: "2026-03-01", sphere: null }).status).toBe("n/a");
  });

  it("a broken check gives unknown, not an exception", async () => {
    const rule: RuleDef = { ...byId("results"), check: { type: "no-such-type" } };
    const site = await buildSite([{ url: "https://m.ru/", html: empty }]);
    const f = evaluateRule(site, rule, { asOf: "2026-03-01", sphere: "social" });
    expect(f.status).toBe("unknown");
    expect(f.message).toContain("no-such-type");
  });

  it("derives warn and unknown titles when the rule has none", async () => {
    const rule: RuleDef = { ...byId("results"), warnTitle: undefined, unknownTitle: undefined } as RuleDef;
    const site = await buildSite([
      {
        url: "https://m.ru/",
        html: html("НОК", '<h1>Независимая оценка качества</h1><a href="/r.pdf">Результаты НОК 2020</a>'),
      },
    ]);
    const f = evaluateRule(site, rule, { asOf: "2026-03-01", sphere: "social" });
    expect(f.status).toBe("warn");
    expect(f.title).toBe(`${rule.title} — с замечаниями`);
  });

  it("ruleInfo carries the metadata for reports", () => {
    expect(ruleInfo(byId("results"))).toEqual({
      id: "authority/results",
      kind: "authority",
      title: byId("results").title,
      failureTitle: byId("results").failureTitle,
      description: byId("results").description,
      legal: byId("results").legal,
      severity: "critical",
    });
  });
});

import { describe, expect, it } from "vitest";
import {
  buildSite,
  buildSiteSync,
  checkTypes,
  evaluateRule,
  explainRule,
  listRules,
  loadRules,
  runExamples,
  runExamplesSync,
  validateRuleFiles,
} from "../../src/rules/index.ts";

const CONTRACT_IDS = [
  "nok-section",
  "legal-acts",
  "council-regulation",
  "council-nok-powers",
  "council-composition",
  "council-minutes",
  "org-list",
  "operator",
  "results",
  "proposals",
  "improvement-plans",
  "rating-link",
  "accessible-version",
].map((n) => `authority/${n}`);

const INSTITUTION_IDS = [
  "nok-page",
  "results",
  "improvement-plan",
  "plan-report",
  "feedback-channels",
  "rating-link",
  "accessible-version",
].map((n) => `institution/${n}`);

const { rules, errors } = loadRules();

describe("rule catalogue", () => {
  it("loads without errors", () => expect(errors).toEqual([]));

  it("has every contract id", () => {
    const ids = rules.map((r) => r.id);
    for (const id of CONTRACT_IDS) expect(ids).toContain(id);
    for (const id of INSTITUTION_IDS) expect(ids).toContain(id);
  });

  it.each(rules.map((r) => [r.id, r] as const))("%s is complete", (_id, r) => {
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.failureTitle.length).toBeGreaterThan(10);
    expect(r.description.length).toBeGreaterThan(80);
    expect(r.legal.length).toBeGreaterThan(0);
    for (const l of r.legal) expect(l).toMatch(/\d/);
    expect(["critical", "major", "minor"]).toContain(r.severity);
    expect(r.examples.pass.length).toBeGreaterThan(0);
    expect(r.examples.fail.length).toBeGreaterThan(0);
    expect(checkTypes().has(r.check.type)).toBe(true);
    expect(r.appliesTo.kind).toBe(r.id.split("/")[0]);
  });

  it("lists rules", () => {
    const list = listRules();
    expect(list.map((r) => r.id).sort()).toEqual([...rules.map((r) => r.id)].sort());
    expect(list[0]).toHaveProperty("check");
  });

  it("explains a rule in Russian", () => {
    const text = explainRule("authority/council-nok-powers");
    expect(text).toContain("authority/council-nok-powers");
    expect(text).toContain("Правовая основа");
    expect(text).toContain("392-ФЗ");
    expect(text).toContain("nested-document");
    expect(text).toMatch(/Примеры: \d+ выполненных, \d+ невыполненных/);
    expect(explainRule("council-nok-powers")).toBe(text);
    expect(() => explainRule("authority/nope")).toThrow(/не найдено/);
  });

  it("validates the shipped rule files, examples included", () => {
    expect(validateRuleFiles()).toEqual([]);
  });

  it("the synchronous example path (rules validate) agrees with extractArtifacts", async () => {
    for (const rule of rules) {
      const a = (await runExamples(rule)).map((r) => r.finding.status);
      const b = runExamplesSync(rule).map((r) => r.finding.status);
      expect(b, rule.id).toEqual(a);
    }
    const pages = [
      {
        url: "https://x.ru/",
        html: '<html><head><title>T</title></head><body><a href="/a">Положение</a></body></html>',
      },
    ];
    const [sa, sb] = [await buildSite(pages), buildSiteSync(pages)];
    expect(sb.pages[0]?.artifacts.links).toEqual(sa.pages[0]?.artifacts.links);
    expect(evaluateRule(sb, rules[0]!, { asOf: "2026-03-01", sphere: "social" }).status).toBe(
      evaluateRule(sa, rules[0]!, { asOf: "2026-03-01", sphere: "social" }).status,
    );
  });
});

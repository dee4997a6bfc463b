import { describe, expect, it } from "vitest";
import { buildSite, evaluateRules, loadRules } from "../../src/rules/index.ts";
import { bitrixSocial, bitrixSocialExpected } from "./fixtures/bitrix-social.ts";
import { goswebHealth, goswebHealthExpected } from "./fixtures/gosweb-health.ts";
import { tableCulture, tableCultureExpected } from "./fixtures/table-culture.ts";

// Authority sites are judged by the authority rules only (the pipeline filters rules by target kind).
const rules = loadRules().rules.filter((r) => r.appliesTo.kind === "authority");
const AS_OF = "2026-03-01";

describe.each([
  ["Bitrix, social, complete", bitrixSocial, "social", true, bitrixSocialExpected],
  ["Госвеб, health, with gaps", goswebHealth, "health", true, goswebHealthExpected],
  ["old table site, culture, partial crawl", tableCulture, "culture", false, tableCultureExpected],
] as const)("%s", (_name, pages, sphere, adequate, expected) => {
  it("gives the expected status for every authority rule", async () => {
    const site = await buildSite(
      [...pages],
      adequate ? { adequate } : { adequate, reason: "исчерпан лимит страниц" },
    );
    const findings = evaluateRules(site, rules, { asOf: AS_OF, sphere });
    const got = Object.fromEntries(findings.map((f) => [f.rule, f.status]));
    expect(got).toEqual(expected);
    for (const f of findings) {
      if (f.status === "pass" || f.status === "warn") expect(f.evidence.length, f.rule).toBeGreaterThan(0);
      if (f.status === "fail" && f.evidence.length === 0)
        expect(f.message, f.rule).toMatch(/Прочитано страниц/);
    }
  });
});

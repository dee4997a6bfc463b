import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/rules/examples.ts";
import { evaluateRule, loadRules } from "../../src/rules/index.ts";
import type { SiteView } from "../../src/types/index.ts";

const { rules } = loadRules();
const regulation = rules.find((r) => r.id === "authority/council-regulation")!;
const H = "https://minsoc.example.ru";

async function site(failed: NonNullable<SiteView["coverage"]["failed"]>, fetched: number): Promise<SiteView> {
  const s = await buildSite([
    {
      url: `${H}/`,
      html: "<html><body><main><h1>Министерство</h1><p>Новости министерства и объявления для граждан области.</p></main></body></html>",
    },
  ]);
  return { ...s, coverage: { ...s.coverage, failed, fetched } };
}

describe("coverage-aware absence", () => {
  it("says fail when everything asked for was read", async () => {
    const f = evaluateRule(await site([], 10), regulation, { asOf: "2026-01-01", sphere: "social" });
    expect(f.status).toBe("fail");
  });

  it("says unknown when a fifth or more of the requests failed, with the counts", async () => {
    const failed = Array.from({ length: 20 }, (_, i) => ({
      url: `${H}/p${i}`,
      code: "http-4xx",
      linkText: "Новости",
    }));
    const f = evaluateRule(await site(failed, 22), regulation, { asOf: "2026-01-01", sphere: "social" });
    expect(f.status).toBe("unknown");
    expect(f.message).toContain("не удалось прочитать 20 из 22");
  });

  it("says unknown when the likely source failed, even if most requests succeeded", async () => {
    const failed = [{ url: `${H}/nok/`, code: "timeout", linkText: "Положение об общественном совете" }];
    const f = evaluateRule(await site(failed, 30), regulation, { asOf: "2026-01-01", sphere: "social" });
    expect(f.status).toBe("unknown");
    expect(f.message).toContain(`${H}/nok/ (timeout)`);
  });

  it("an unrelated failed request does not stop a fail", async () => {
    const failed = [{ url: `${H}/news/17`, code: "http-4xx", linkText: "Итоги конкурса" }];
    const f = evaluateRule(await site(failed, 30), regulation, { asOf: "2026-01-01", sphere: "social" });
    expect(f.status).toBe("fail");
  });
});

describe("a document named only by a link that could not be read", () => {
  const powers = rules.find((r) => r.id === "authority/council-nok-powers")!;
  const link = "Положение об общественном совете по проведению независимой оценки качества";

  async function linkedTo404(): Promise<SiteView> {
    const s = await buildSite([
      {
        url: `${H}/sovet/`,
        html: `<html><body><main><h1>Общественный совет</h1><p><a href="/files/pol.docx">${link}</a></p></main></body></html>`,
      },
    ]);
    return {
      ...s,
      coverage: {
        ...s.coverage,
        failed: [{ url: `${H}/files/pol.docx`, code: "http-4xx", linkText: link }],
        fetched: 30,
      },
    };
  }

  it("gives no NOK powers from the link's words: unknown; the link row still shows it listed", async () => {
    const site = await linkedTo404();
    expect(evaluateRule(site, powers, { asOf: "2026-01-01", sphere: "social" }).status).toBe("unknown");
    expect(evaluateRule(site, regulation, { asOf: "2026-01-01", sphere: "social" }).status).toBe("pass");
  });

  it("is not published when the file came but could not be read (a zip bomb, a broken file)", async () => {
    const s = await buildSite([
      {
        url: `${H}/sovet/`,
        html: `<html><body><main><h1>Общественный совет</h1><p><a href="/files/pol.docx">${link}</a></p></main></body></html>`,
      },
      { url: `${H}/files/pol.docx`, kind: "docx", error: "распакованный размер превышает предел" },
    ]);
    for (const rule of [regulation, powers]) {
      const f = evaluateRule(s, rule, { asOf: "2026-01-01", sphere: "social" });
      expect(f.status, rule.id).toBe("unknown");
    }
  });
});

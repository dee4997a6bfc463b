import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoWeb } from "../../demo/web/web.ts";
import { siteHomes } from "../../src/pipeline/site-homes.ts";
import { createPriority, loadRules } from "../../src/rules/index.ts";
import type { CrawlRequest, PageArtifacts, SitePage } from "../../src/types/index.ts";
import { checkDemoSite, demoWeb } from "./demo-site-check.ts";

function section(url: string, h1: string, linkText: string | null = null): [SitePage, CrawlRequest] {
  const artifacts = {
    kind: "html",
    url,
    finalUrl: url,
    title: h1,
    headings: [{ level: 1, text: h1 }],
  } as unknown as PageArtifacts;
  const req = {
    url,
    key: url,
    depth: 1,
    priority: 30,
    referrer: null,
    linkText,
    source: "link",
  } as CrawlRequest;
  return [{ artifacts, snapshot: null, depth: 1, linkText, referrer: null }, req];
}

describe("siteHomes: generic menus are routes until the NOK section and the council page were read", () => {
  it("closes the routes once both were read, in any order", () => {
    const homes = siteHomes("authority", "culture");
    expect(homes.routesOpen()).toBe(true);
    expect(
      homes.observe(...section("http://a.ru/sovet/", "Общественный совет при министерстве культуры")),
    ).toBe(false);
    expect(homes.routesOpen()).toBe(true);
    expect(
      homes.observe(...section("http://a.ru/nok/", "Независимая оценка качества условий оказания услуг")),
    ).toBe(true);
    expect(homes.routesOpen()).toBe(false);
  });

  it("another body's council, a news item on a meeting and НОКО are no homes", () => {
    const homes = siteHomes("authority", "education");
    homes.observe(
      ...section(
        "http://a.ru/nok/",
        "Независимая оценка качества условий осуществления образовательной деятельности",
      ),
    );
    homes.observe(...section("http://a.ru/roads/", "Общественный совет при министерстве транспорта"));
    homes.observe(...section("http://a.ru/news/123/", "Состоялось заседание Общественного совета"));
    expect(homes.routesOpen()).toBe(true);
    const noko = siteHomes("authority", "education");
    noko.observe(...section("http://a.ru/sovet/", "Общественный совет"));
    noko.observe(...section("http://a.ru/noko/", "Независимая оценка качества образования"));
    expect(noko.routesOpen()).toBe(true);
  });

  it("institution sites keep their routes", () => {
    const homes = siteHomes("institution", "social");
    homes.observe(...section("http://a.ru/sovet/", "Общественный совет"));
    homes.observe(...section("http://a.ru/nok/", "Независимая оценка качества"));
    expect(homes.routesOpen()).toBe(true);
  });

  it("closed routes: a generic menu orders the crawl but is no relevant place; council and documents menus stay", async () => {
    const rules = (await loadRules()).rules.filter((r) => r.appliesTo.kind === "authority");
    let open = true;
    const p = createPriority(rules, () => true, { routesOpen: () => open });
    const menu = (text: string) => ({ url: `http://a.ru/${encodeURIComponent(text)}/`, text, inNav: true });
    expect(p(menu("О министерстве"), 1)).toBeGreaterThanOrEqual(1);
    open = false;
    const about = p(menu("О министерстве"), 1);
    expect(about).toBeLessThan(1);
    expect(about).toBeGreaterThan(p({ url: "http://a.ru/contacts/", text: "Контакты" }, 1));
    expect(p(menu("Документы"), 1)).toBeGreaterThanOrEqual(1);
    expect(p(menu("Общественный совет"), 1)).toBeGreaterThanOrEqual(1);
  });
});

describe("on demo sites", () => {
  let web: DemoWeb;
  beforeAll(async () => {
    web = await demoWeb(["irkutsk-culture", "kaliningrad-social"]);
  });
  afterAll(async () => {
    await web?.close();
  });

  it("once the NOK section and the council were read, a generic menu is not followed to prove a fail", async () => {
    const focused = await checkDemoSite(web, "irkutsk-culture");
    const whole = await checkDemoSite(web, "irkutsk-culture", false);
    expect(focused.statuses).toEqual(whole.statuses);
    expect(focused.urls).toContain("/activity/noku/");
    expect(focused.urls).toContain("/public-council/");
    expect(whole.urls).toContain("/activity/uchrezhdeniya/");
    expect(focused.urls).not.toContain("/activity/uchrezhdeniya/");
    // The documents list stays a relevant place.
    expect(focused.urls).toContain("/documents/");
  });

  it("a NOK section found only behind «Деятельность» is still found: the routes stay open until then", async () => {
    const focused = await checkDemoSite(web, "kaliningrad-social");
    const whole = await checkDemoSite(web, "kaliningrad-social", false);
    expect(focused.statuses).toEqual(whole.statuses);
    expect(focused.urls).toContain("/activities/");
    expect(focused.statuses["authority/nok-section"]).toBe("pass");
  });
});

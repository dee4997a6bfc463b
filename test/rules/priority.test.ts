import { describe, expect, it } from "vitest";
import { createPriority, isDecided, loadRules } from "../../src/rules/index.ts";
import type { Finding } from "../../src/types/index.ts";

// Authority sites are judged by the authority rules only (the pipeline filters rules by target kind).
const rules = loadRules().rules.filter((r) => r.appliesTo.kind === "authority");
const H = "https://min.example.ru";
const all = createPriority(rules, () => true);
const link = (
  text: string,
  path: string,
  extra: { context?: string; title?: string; inNav?: boolean } = {},
) => ({
  url: `${H}${path}`,
  text,
  ...extra,
});

describe("focused crawling priority", () => {
  it("the NOK link outranks news and the photo gallery", () => {
    const nok = all(link("Независимая оценка качества", "/activity/nok/", { inNav: true }), 1);
    const news = all(link("Новости", "/news/", { inNav: true }), 1);
    const photo = all(link("Фотогалерея", "/photo/", { inNav: true }), 1);
    expect(nok).toBeGreaterThan(news);
    expect(nok).toBeGreaterThan(photo);
    expect(photo).toBeLessThanOrEqual(0);
  });

  it("a banner without words is named by its address, read back from Latin letters", () => {
    const banner = all(link("", "/activity/nezavisimaya-otsenka-kachestva-usloviy-okazaniya-uslug/"), 1);
    const bare = all(link("", "/activity/photo-report/"), 1);
    // Not just the URL fragment's weight (6 − depth): the address reads as the link's words would.
    expect(banner).toBeGreaterThan(all(link("", "/activity/otsenka-kachestva/"), 1));
    expect(banner).toBeGreaterThanOrEqual(
      all(link("Независимая оценка качества условий оказания услуг", "/a/"), 1),
    );
    expect(bare).toBeLessThan(1);
    // An address is no menu item: a sitemap entry «/deyatelnost/» is not a route, a long slug is a headline.
    expect(all(link("", "/deyatelnost/"), 1)).toBeLessThan(1);
    expect(all(link("", "/press/news/doklad-o-rezultatakh-i-osnovnykh-napravleniyakh/"), 1)).toBeLessThan(
      all(link("", "/nok/rezultaty/"), 1),
    );
    // A link with words keeps its words: the address does not replace them.
    expect(all(link("Фотогалерея", "/nezavisimaya-otsenka/"), 1)).toBeLessThan(banner);
  });

  it("НОКО (оценка качества образования) stays a relevant place but comes after the NOK material", () => {
    const noko = all(link("Независимая оценка качества образования", "/activity/noko/"), 1);
    const nok = all(
      link(
        "Независимая оценка качества условий осуществления образовательной деятельности",
        "/activity/nok/",
      ),
      1,
    );
    const nokoBanner = all(link("", "/deyatelnost/nezavisimaya-otsenka-kachestva-obrazovaniya/"), 1);
    expect(noko).toBeGreaterThanOrEqual(1);
    expect(nokoBanner).toBeGreaterThanOrEqual(1);
    expect(nok).toBeGreaterThan(noko);
    expect(nok).toBeGreaterThan(nokoBanner);
    // Which pages are sections is judged on the full score.
    const full = createPriority(rules, () => true, { rankOtherRegimesLast: false });
    expect(full(link("Независимая оценка качества образования", "/activity/noko/"), 1)).toBeGreaterThan(noko);
  });

  it("a rule's common word is a route in a menu item or as a document's name, not inside a headline", () => {
    expect(all(link("Результаты", "/r/"), 1)).toBeGreaterThanOrEqual(1);
    expect(all(link("Протокол № 3 от 12.05.2026", "/files/3.pdf"), 1)).toBeGreaterThanOrEqual(1);
    // «результатах» in the ministry's annual report and in a public discussion is no way to the NOK results.
    expect(
      all(link("Доклад о результатах и основных направлениях деятельности министерства", "/d/43/"), 1),
    ).toBeLessThan(1);
    expect(
      all(link("Публичные обсуждения результатов правоприменительной практики", "/news/1/"), 1),
    ).toBeLessThan(1);
    // Whole phrases and abbreviations count anywhere in the label.
    expect(all(link("Информация о проведении НОК в 2026 году", "/n/2/"), 1)).toBeGreaterThanOrEqual(1);
  });

  it("a menu word leads somewhere in a menu item, not in a headline or a document's title", () => {
    const menu = all(link("О министерстве", "/about/"), 1);
    const headline = all(link("Министр вручил награды сотрудникам министерства", "/news/7/"), 1);
    const title = all(link("Государственные задания подведомственным учреждениям", "/docs/9/"), 1);
    expect(menu).toBeGreaterThanOrEqual(1);
    // Generic links below the relevant priority: a settled crawl does not wait for them.
    expect(headline).toBeLessThan(1);
    expect(title).toBeLessThan(1);
  });

  it("a «Скачать» document link whose row names a regulation ranks high", () => {
    const doc = all(
      link("Скачать (PDF, 245 Кб)", "/upload/pol.pdf", {
        context: "Положение об общественном совете Скачать (PDF, 245 Кб)",
      }),
      3,
    );
    const about = all(link("О министерстве", "/about/"), 1);
    expect(doc).toBeGreaterThan(about);
    expect(doc).toBeGreaterThan(0);
  });

  it("navigation that leads to evidence beats neutral pages", () => {
    expect(all(link("Деятельность", "/activity/", { inNav: true }), 1)).toBeGreaterThan(
      all(link("Контакты", "/contacts/", { inNav: true }), 1),
    );
    expect(all(link("Общественный совет", "/sovet/"), 2)).toBeGreaterThan(all(link("Вакансии", "/jobs/"), 2));
  });

  it.each([
    ["pagination", "Следующая", "/news/?PAGEN_1=7"],
    ["calendar", "12", "/events/calendar/?date=2025-11-12"],
    ["print version", "Версия для печати", "/activity/?print=Y"],
    ["search", "Поиск", "/search/?q=test"],
    ["login", "Войти", "/auth/"],
    ["social network", "ВКонтакте", "https://vk.com/min"],
  ])("%s is ≤ 0", (_n, text, path) => {
    const url = path.startsWith("http") ? path : `${H}${path}`;
    expect(all({ url, text }, 1)).toBeLessThanOrEqual(0);
  });

  it("deeper is lower, all else equal", () => {
    const l = link("Протоколы заседаний общественного совета", "/sovet/protokoly/");
    expect(all(l, 1)).toBeGreaterThan(all(l, 4));
  });

  it("cues of decided rules no longer count", () => {
    const onlyMinutesOpen = createPriority(rules, (id) => id === "authority/council-minutes");
    const onlyResultsOpen = createPriority(rules, (id) => id === "authority/results");
    const l = link("Протоколы заседаний", "/sovet/protokoly/");
    expect(onlyMinutesOpen(l, 2)).toBeGreaterThan(onlyResultsOpen(l, 2));
    expect(createPriority(rules, () => false)(l, 1)).toBe(0);
  });

  it("isDecided: pass and n/a only", () => {
    const f = (status: Finding["status"]) => ({ status }) as Finding;
    expect(
      ["pass", "warn", "fail", "unknown", "n/a"].map((s) => isDecided(f(s as Finding["status"]))),
    ).toEqual([true, false, false, false, true]);
  });
});

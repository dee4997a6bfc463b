import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/rules/index.ts";
import { linkSegments, siteModel, urlKey } from "../../src/rules/site-model.ts";
import { html } from "./helpers.ts";

describe("site model", () => {
  it("gives each «Скачать» link the words of its own row", async () => {
    const site = await buildSite([
      {
        url: "https://m.ru/",
        html: html(
          "Документы",
          '<table><tr><td>Положение о совете</td><td><a href="/a.pdf">Скачать</a></td></tr><tr><td>Состав совета</td><td><a href="/b.pdf">Скачать</a></td></tr></table>',
        ),
      },
    ]);
    const a = site.pages[0]!.artifacts;
    const seg = linkSegments(a);
    expect(a.links.map((l) => seg.get(l))).toEqual(["Положение о совете Скачать", "Состав совета Скачать"]);
  });

  it("cuts one paragraph with several links after each link when it starts with a link", async () => {
    const site = await buildSite([
      {
        url: "https://m.ru/",
        html: html(
          "Д",
          '<p><a href="/a.pdf">Положение</a> (PDF, 1 Мб) <a href="/b.pdf">Состав</a> (PDF, 2 Мб)</p>',
        ),
      },
    ]);
    const a = site.pages[0]!.artifacts;
    const seg = linkSegments(a);
    expect(a.links.map((l) => seg.get(l))).toEqual(["Положение (PDF, 1 Мб)", "Состав (PDF, 2 Мб)"]);
  });

  it("makes unread link targets items and lends a document card's name to its only file", async () => {
    const site = await buildSite([
      {
        url: "https://m.ru/doc/1/",
        html: html(
          "Карточка",
          '<h1>Положение об общественном совете</h1><a href="/f.docx">Скачать (DOCX, 40 Кб)</a>',
        ),
      },
    ]);
    const model = siteModel(site);
    const file = model.byKey.get(urlKey("https://m.ru/f.docx"))!;
    expect(file.page).toBeNull();
    expect(file.isDocument).toBe(true);
    expect(file.labels.map((l) => l.source)).toEqual(["link", "parent"]);
    expect(file.labels[1]?.text).toBe("Положение об общественном совете");
  });

  it("normalises URL keys", () => {
    expect(urlKey("https://www.M.ru/a/index.php#x")).toBe(urlKey("https://m.ru/a/"));
    expect(urlKey("https://m.ru/a/?id=1")).not.toBe(urlKey("https://m.ru/a/?id=2"));
  });
});

import { describe, expect, it } from "vitest";
import { cyrillicOf, slugWords } from "../../src/rules/slug-words.ts";

describe("a page's name in its address", () => {
  it("reads the common transliterations back into Cyrillic", () => {
    expect(cyrillicOf("nezavisimaya")).toBe("независимая");
    expect(cyrillicOf("otsenka")).toBe("оценка");
    expect(cyrillicOf("ocenka")).toBe("оценка");
    expect(cyrillicOf("obshchestvennyy")).toBe("общественный");
    expect(cyrillicOf("obschestvennyj")).toBe("общественный");
    expect(cyrillicOf("okazaniya")).toBe("оказания");
    expect(cyrillicOf("usloviy")).toBe("условий");
    expect(cyrillicOf("polozhenie")).toBe("положение");
    expect(cyrillicOf("rayon")).toBe("район");
  });

  it("takes the page's own segment, or its folder for an index file", () => {
    expect(slugWords("https://a.ru/activity/nezavisimaya-otsenka-kachestva-usloviy-okazaniya-uslug/")).toBe(
      "независимая оценка качества условий оказания услуг",
    );
    expect(slugWords("https://a.ru/deyatelnost/nok-uood/nok-2025/")).toBe("нок 2025");
    expect(slugWords("https://a.ru/nsok/index.php")).toBe("нсок");
    expect(slugWords("https://a.ru/docs/polozhenie_o_sovete.pdf")).toBe("положение о совете");
  });

  it("names nothing when the address names nothing", () => {
    expect(slugWords("https://a.ru/dokumenty/91005/")).toBe("");
    expect(slugWords("https://a.ru/upload/iblock/c6f/9f90ab5b1af21e4adbdda495e3a8be12.pdf")).toBe("");
    expect(slugWords("https://a.ru/")).toBe("");
    expect(slugWords("not a url")).toBe("");
  });
});

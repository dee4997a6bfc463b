import { describe, expect, it } from "vitest";
import { html, runCheck } from "../helpers.ts";

const check = {
  type: "accessible-version",
  what: "версия для слабовидящих",
  phrases: ["версия для слабовидящих", "для слабовидящих"],
};
const H = "https://min.example.ru";

describe("accessible-version check", () => {
  it.each([
    [
      "a link to a special version",
      html("М", "<h1>М</h1>", '<header><a href="/special/">Версия для слабовидящих</a></header>'),
      "pass",
    ],
    [
      "a widget script",
      '<html><head><title>М</title><script src="/js/bvi.min.js"></script></head><body><a href="#" class="bvi-open">Для слабовидящих</a><main><h1>М</h1></main></body></html>',
      "pass",
    ],
    [
      "a switch without any script",
      html("М", "<h1>М</h1>", '<header><a href="#">Версия для слабовидящих</a></header>'),
      "warn",
    ],
    ["words only", html("М", "<h1>М</h1>", "<header><span>Версия для слабовидящих</span></header>"), "warn"],
    ["nothing", html("М", "<h1>М</h1>"), "fail"],
  ])("%s → %s", async (_n, page, status) => {
    expect((await runCheck(check, page)).status).toBe(status);
  });

  it("a fetched version that differs passes; an identical one is a fake (fail with evidence)", async () => {
    const home = html(
      "М",
      "<h1>Министерство</h1><p>Слайдер новостей</p>",
      '<header><a href="/vi/">Версия для слабовидящих</a></header>',
    );
    const differs = [
      { url: `${H}/`, html: home },
      { url: `${H}/vi/`, html: html("М", "<h1>Министерство</h1><p>Обычная версия</p>") },
    ];
    expect((await runCheck(check, differs)).status).toBe("pass");
    const same = [
      { url: `${H}/`, html: home },
      { url: `${H}/vi/`, html: home },
    ];
    const fake = await runCheck(check, same);
    expect(fake.status).toBe("fail");
    expect(fake.evidence[0]?.url).toBe(`${H}/`);
  });
});

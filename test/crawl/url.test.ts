import { describe, expect, it } from "vitest";
import { normalizeUrl, urlKey } from "../../src/crawl/url.ts";

describe("normalizeUrl", () => {
  it.each([
    ["HTTP://MinZdrav.Example.RU/", "http://minzdrav.example.ru/"],
    ["http://example.ru:80/a", "http://example.ru/a"],
    ["https://example.ru:443/a", "https://example.ru/a"],
    ["http://example.ru:8080/a", "http://example.ru:8080/a"],
    ["http://example.ru/a#section", "http://example.ru/a"],
    ["http://example.ru", "http://example.ru/"],
    ["http://example.ru/%7euser/%2fx/%d0%bd", "http://example.ru/~user/%2Fx/%D0%BD"],
    ["http://example.ru/a%41b", "http://example.ru/aAb"],
    ["http://example.ru//docs///nok//", "http://example.ru/docs/nok/"],
    ["http://example.ru/about/index.php", "http://example.ru/about/"],
    ["http://example.ru/index.html", "http://example.ru/"],
    ["http://example.ru/a/INDEX.HTM", "http://example.ru/a/"],
    ["http://example.ru/a/default.aspx", "http://example.ru/a/"],
    ["http://example.ru/a/index.php?ID=5", "http://example.ru/a/?ID=5"],
    ["http://example.ru/a/?PHPSESSID=abc&id=1", "http://example.ru/a/?id=1"],
    ["http://example.ru/a/?sid=1&b=2", "http://example.ru/a/?b=2"],
    ["http://example.ru/a;jsessionid=ABC123?x=1", "http://example.ru/a?x=1"],
    ["http://example.ru/a?utm_source=vk&utm_medium=social&id=3", "http://example.ru/a?id=3"],
    ["http://example.ru/a?yclid=1&gclid=2&fbclid=3&_openstat=4&from=5", "http://example.ru/a"],
    ["http://example.ru/a?b=2&a=1&c=3", "http://example.ru/a?a=1&b=2&c=3"],
    ["http://example.ru/a?x=2&a=1&x=1", "http://example.ru/a?a=1&x=2&x=1"],
    ["http://example.ru/a?", "http://example.ru/a"],
    ["http://example.ru/a/../b/./c", "http://example.ru/b/c"],
    ["http://user:pw@example.ru/a", "http://example.ru/a"],
    ["http://example.ru./a", "http://example.ru/a"],
    ["http://минздрав.рф/", "http://xn--80aeelexi0a.xn--p1ai/"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it("resolves relative URLs against a base", () => {
    expect(normalizeUrl("../nok/", "http://example.ru/activity/council/")).toBe(
      "http://example.ru/activity/nok/",
    );
    expect(normalizeUrl("?PAGEN_1=2", "http://example.ru/news/")).toBe("http://example.ru/news/?PAGEN_1=2");
    expect(normalizeUrl("//cdn.example.ru/x", "https://example.ru/")).toBe("https://cdn.example.ru/x");
  });

  it.each([
    "javascript:void(0)",
    "JavaScript:alert(1)",
    "mailto:info@example.ru",
    "tel:+74950000000",
    "ftp://example.ru/file",
    "data:text/html,hi",
    "http://",
    "not a url",
    "",
  ])("rejects %s", (input) => {
    expect(normalizeUrl(input)).toBeNull();
  });
});

describe("urlKey", () => {
  it("collapses scheme, www and trailing-slash variants of one page", () => {
    const variants = [
      "http://example.ru/nok/",
      "https://example.ru/nok",
      "https://www.example.ru/nok/",
      "http://WWW.example.ru/nok/index.php",
      "http://example.ru/nok/?utm_source=x#top",
      "http://example.ru//nok/",
    ];
    const keys = new Set(variants.map(urlKey));
    expect(keys.size).toBe(1);
  });

  it("keeps different pages apart", () => {
    expect(urlKey("http://example.ru/nok/")).not.toBe(urlKey("http://example.ru/nok/?ID=2"));
    expect(urlKey("http://example.ru/a")).not.toBe(urlKey("http://sub.example.ru/a"));
    expect(urlKey("http://127.0.0.1:8001/")).not.toBe(urlKey("http://127.0.0.1:8002/"));
    expect(urlKey("http://example.ru/A")).not.toBe(urlKey("http://example.ru/a"));
  });

  it("gives malformed input a key that matches no page", () => {
    expect(urlKey("mailto:x@example.ru")).toMatch(/^invalid:/);
  });
});

import { describe, expect, it } from "vitest";
import { ActiveSites } from "../../src/pipeline/active-sites.ts";

describe("ActiveSites", () => {
  it("keeps the pages and errors of the sites in flight as they report, start and end", () => {
    const a = new ActiveSites();
    a.start("k1", "http://a.test/");
    a.start("k2", "http://b.test/");
    a.report("k1", "http://a.test/", { pages: 3, errors: 1 });
    a.report("k2", "http://b.test/", { pages: 2, errors: 0 });
    a.report("k1", "http://a.test/", { pages: 5, errors: 1 });
    expect([a.pages, a.errors]).toEqual([7, 1]);
    const urls = a.urls();
    expect(urls).toEqual(["http://a.test/", "http://b.test/"]);
    // Page reports keep the list; a site that ends changes it.
    a.report("k2", "http://b.test/", { pages: 4, errors: 2 });
    expect(a.urls()).toBe(urls);
    a.end("k1");
    expect([a.pages, a.errors]).toEqual([4, 2]);
    expect(a.urls()).toEqual(["http://b.test/"]);
    a.end("k1");
    a.end("k2");
    expect([a.pages, a.errors, a.urls().length]).toEqual([0, 0, 0]);
  });
});
